/**
 * The SDK classes' outputs (`sdk/resourceOutputs.ts`): for each resource an interface its class merges with
 * (`export interface Notebook extends NotebookOutputProperties {}` beside the class), so every output is typed and
 * documented. The outputs are the inputs as applied (typed as check leaves them: the provider's types) and what
 * the service reports; an input the outputs def names again (a generated `name`) takes the outputs def's word.
 */
import { docComment } from "./docComments.js";
import { outputDoc } from "./docTexts.js";
import { header } from "./generatedFile.js";
import {
  appliedStyle,
  importLine,
  inputsDefOf,
  outputsDefOf,
  type ResourceShapes,
  type ResourceTarget,
} from "./resourceTypesFiles.js";
import { defOf, propertiesOf } from "./schemaNodes.js";
import { propertyKey, typeOf } from "./typeExpressions.js";

export const outputPropertiesName = (resource: ResourceTarget) => `${resource.name}OutputProperties`;

export function sdkOutputsFile(shapes: ResourceShapes, file: string): string {
  const imports = new Map<string, Set<string>>();
  const blocks: string[] = [];
  for (const resource of shapes.resources) {
    const style = appliedStyle(shapes.defs, (defName) => {
      const { file: from, name } = shapes.whereIs(resource, defName);
      if (!imports.has(from)) imports.set(from, new Set());
      imports.get(from)!.add(name);
      return name;
    });
    const inputs = defOf(shapes.defs, inputsDefOf(resource));
    const outputs = defOf(shapes.defs, outputsDefOf(resource));
    const reported = propertiesOf(outputs);
    const keys = new Set([...Object.keys(propertiesOf(inputs)), ...Object.keys(reported)]);
    const members: string[] = [];
    for (const key of keys) {
      const parent = key in reported ? outputs : inputs;
      const node = propertiesOf(parent)[key]!;
      const doc = outputDoc(node);
      if (doc !== undefined) members.push(...docComment(doc, 2));
      const type = typeOf(node, style, 2) + (style.isRequired(parent, key) ? "" : " | undefined");
      members.push(`  readonly ${propertyKey(key)}: pulumi.Output<${type}>;`);
    }
    blocks.push(
      [
        ...docComment(
          `The outputs of a ${resource.name}: every input as applied (check's defaults filled in), and what the service reports.`,
          0,
        ),
        `export interface ${outputPropertiesName(resource)} {`,
        ...members,
        "}",
      ].join("\n"),
    );
  }
  return [
    header("schema.json"),
    'import type * as pulumi from "@pulumi/pulumi";',
    ...[...imports].sort(([a], [b]) => a.localeCompare(b)).flatMap(([from, names]) => importLine(file, from, names)),
    "",
    blocks.join("\n\n"),
    "",
  ].join("\n");
}
