/**
 * The SDK's argument types (`sdk/resourceArgs.ts`): each resource's inputs as its users write them, every value a
 * `pulumi.Input`, documented with what users read (inputDocs.ts: the description, the default, what a change
 * does). Names are the SDK's (`NotebookArgs`, `NotebookVolumeArgs`); the internal inputs are left out.
 */
import { inputDoc, type InputDocSource } from "../../provider/native/schema/inputDocs.js";
import { header } from "./generatedFile.js";
import { namedShape } from "./namedShapes.js";
import { inputsDefOf, type ResourceTarget } from "./resourceTypesFiles.js";
import {
  defOf,
  namedShapesUsedBy,
  propertiesOf,
  refName,
  requiredOf,
  type Defs,
  type SchemaNode,
} from "./schemaNodes.js";
import type { TypeStyle } from "./typeExpressions.js";

/** The SDK names that do not follow the rule (they were public before the rule). */
const SDK_NAMES: Readonly<Record<string, string>> = { NotebookAutoStopInput: "NotebookLeaseArgs" };

/** `NotebookVolumeInput` -> `NotebookVolumeArgs`, `StorageInput` -> `NotebookStorageArgs`. */
export function sdkArgsName(defName: string): string {
  const base = defName.replace(/Inputs?$/, "");
  return SDK_NAMES[defName] ?? `${base.startsWith("Notebook") ? base : `Notebook${base}`}Args`;
}

export interface SdkResource extends ResourceTarget {
  readonly docs: InputDocSource;
}

export function sdkArgsFile(defs: Defs, resources: readonly SdkResource[]): string {
  const blocks = new Map<string, string>();
  for (const resource of resources) {
    const root = inputsDefOf(resource);
    const names = namedShapesUsedBy(defs, [root], false);
    const paths = pathsOf(defs, root);
    const style: TypeStyle = {
      defs,
      nameOf: sdkArgsName,
      nulls: "drop",
      wrap: (type) => `pulumi.Input<${type}>`,
      isRequired: (parent, key) => requiredOf(parent).has(key),
      docOf: (property, key, parent) => {
        const at = paths.get(parent);
        if (at === undefined) throw new Error(`${resource.name}: no input path to the object holding "${key}"`);
        if (typeof property.description !== "string") {
          throw new Error(`schema.json: the input ${[...at, key].join(".")} of ${resource.name} has no description`);
        }
        return inputDoc(property, [...at, key], resource.docs);
      },
    };
    for (const name of names) {
      const def = defOf(defs, name);
      const block = namedShape(
        { name: sdkArgsName(name), def, doc: def.description as string, withIncluded: false },
        style,
      );
      const earlier = blocks.get(name);
      if (earlier !== undefined && earlier !== block) {
        throw new Error(
          `schema.json: ${name} would be documented differently for ${resource.name}; give it one meaning`,
        );
      }
      blocks.set(name, block);
    }
  }
  return [
    header("schema.json and the field catalogues"),
    'import type * as pulumi from "@pulumi/pulumi";',
    "",
    [...blocks.values()].join("\n\n"),
    "",
  ].join("\n");
}

/** Each object definition the inputs use, by the path of the input that holds it (`["volume"]`); the root is `[]`. */
function pathsOf(defs: Defs, root: string): Map<SchemaNode, readonly string[]> {
  const paths = new Map<SchemaNode, readonly string[]>();
  const visit = (node: SchemaNode, at: readonly string[]) => {
    paths.set(node, at);
    for (const [key, property] of Object.entries(propertiesOf(node))) {
      const target = objectBelow(defs, property);
      if (target !== undefined) visit(target, [...at, key]);
    }
  };
  visit(defOf(defs, root), []);
  return paths;
}

/** The object definition a property holds, itself or as the items of a list. */
function objectBelow(defs: Defs, property: SchemaNode): SchemaNode | undefined {
  const items =
    typeof property.items === "object" && property.items !== null ? (property.items as SchemaNode) : property;
  const name = refName(items);
  return name === undefined ? undefined : defOf(defs, name);
}
