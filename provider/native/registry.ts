/**
 * The resources and functions the native provider serves, by type token. The resources are the registry of
 * provider/host.ts (type name -> resource, what the dynamic shims load), each with its frame definition: the native
 * host runs the same verbs (frame/resourceVerbs.ts), its detailed diff, replace-on-change and preview outputs are
 * views of the same catalogue-driven diff (frame/changePlan.ts). Nothing here implements a verb.
 */
import type { SchemaDefName } from "../../protocol/validation/validators.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { changesOf } from "../frame/resourceVerbs.js";
import { inputsDefOf, outputsDefOf, type AnyDefinition, type PreviewUnknowns } from "../frame/definition.js";
import { inPlaceParts, type InputField } from "../frame/fieldCatalogue.js";
import { getProviderContext } from "../frame/providerContext.js";
import * as host from "../host.js";
import { findNotebookFlavors } from "../lookups/notebookFlavors.js";
import { findNotebookImages } from "../lookups/notebookImages.js";
import { findNotebooks } from "../lookups/notebooks.js";

/** The Pulumi package name: type tokens are `modelarts:index:<Name>`, stack config `modelarts:<key>`. */
export const PACKAGE = "modelarts";

type Props = Record<string, unknown>;

export interface NativeResource {
  /** `Notebook`: `modelarts:index:Notebook` here, `pulumi-nodejs:dynamic/modelarts:Notebook` for the dynamic class. */
  readonly name: string;
  /** What the frame runs for this resource, the same as under the dynamic host. */
  readonly definition: AnyDefinition;
  /** The field catalogue: every input and how its change reaches the API. */
  readonly inputFields: Readonly<Record<string, InputField>>;
  /** Outputs the service reports, besides the inputs as applied. */
  readonly reportedOutputs: readonly string[];
  /** schema.json's `$defs` entry of the inputs (validation, descriptions, and the package schema's input types). */
  readonly inputsDef: SchemaDefName;
  /** schema.json's `$defs` entry of the outputs the service reports, besides the inputs as applied. */
  readonly outputsDef: SchemaDefName;
  /** Each operation's default timeout (said in the documentation of the `timeouts` input). */
  readonly defaultTimeouts: Readonly<Record<string, string>>;
  /** The class whose doc comment describes the resource to users (the SDK's, `sdk/<Name>.ts`). */
  readonly documentedBy: { file: string; name: string };
  /** Like the SDK class: created objects carry the owner mark `<project>/<stack>/<name>#<random>` (ownerMark.ts). */
  readonly ownerKey: boolean;
  /** Like the SDK class: without `name`, a name is generated from `namePrefix`, which defaults to the resource name. */
  readonly generatedName: boolean;
  /** The one diff's paths: those that replace the object and those changed in place. */
  readonly changedFields: (olds: Props, news: Props) => { replaces: string[]; updates: string[] };
  /**
   * Parts of a `replace` field that change in place (`volume.capacityGb`), from the catalogue's `parts`: the package
   * schema marks the other parts replace-on-change, not the whole field.
   */
  readonly inPlaceParts: Readonly<Record<string, readonly string[]>>;
  /** Which reported outputs an in-place update may change (frame/definition.ts PreviewUnknowns). */
  readonly previewUnknowns: PreviewUnknowns;
}

function nativeResource(definition: AnyDefinition): NativeResource {
  return {
    name: definition.type,
    definition,
    inputFields: definition.catalogue,
    reportedOutputs: definition.reportedOutputs,
    inputsDef: inputsDefOf(definition),
    outputsDef: outputsDefOf(definition),
    defaultTimeouts: definition.defaultTimeouts,
    documentedBy: { file: `sdk/${definition.type}.ts`, name: definition.type },
    ownerKey: definition.owned !== undefined,
    generatedName: definition.owned !== undefined,
    changedFields: (olds, news) => {
      const { replaces, updates } = changesOf(definition, olds, news);
      return { replaces: [...replaces], updates: [...updates] };
    },
    inPlaceParts: inPlaceParts(definition.catalogue),
    previewUnknowns: definition.previewUnknowns,
  };
}

/** The resources by type token: host.ts's registry, each under its type name. */
export const RESOURCES: ReadonlyMap<string, NativeResource> = new Map(
  Object.values(host).map((resource) => [
    `${PACKAGE}:index:${resource.definition.type}`,
    nativeResource(resource.definition),
  ]),
);

/** A notebooks API client on the configured connection (the lookups' client in the provider process). */
async function notebooksClient(): Promise<NotebooksClient> {
  return new NotebooksClient((await getProviderContext()).connection);
}

export interface NativeFunction {
  readonly name: string;
  readonly run: (args: Props) => Promise<unknown>;
  /** schema.json's `$defs` entries of the arguments and the result (for the package schema). */
  readonly argsDef: SchemaDefName;
  readonly resultDef: SchemaDefName;
  readonly description: string;
}

const FUNCTIONS_LIST: NativeFunction[] = [
  {
    name: "getNotebookFlavors",
    run: (args) => findNotebookFlavors(args, notebooksClient),
    argsDef: "GetNotebookFlavorsArgs",
    resultDef: "GetNotebookFlavorsResult",
    description:
      "The notebook flavors of the region (GET /v1/{project_id}/notebooks/flavors), filtered, smallest first. " +
      "Fails when nothing matches unless `allowEmpty`.",
  },
  {
    name: "getNotebookImages",
    run: (args) => findNotebookImages(args, notebooksClient),
    argsDef: "GetNotebookImagesArgs",
    resultDef: "GetNotebookImagesResult",
    description:
      "The notebook images (GET /v1/{project_id}/images), filtered, the most recently updated first. Fails when " +
      "nothing matches unless `allowEmpty`.",
  },
  {
    name: "getNotebooks",
    run: (args) => findNotebooks(args, notebooksClient),
    argsDef: "GetNotebooksArgs",
    resultDef: "GetNotebooksResult",
    description:
      "The project's notebooks (GET /v1/{project_id}/notebooks), filtered by name (exact, or a pattern with `*` and " +
      "`?`), status, flavor, image and tags, by name: each with what adopting or importing it takes, and this " +
      "package's owner mark when a `Notebook` owns it. An empty list when nothing matches.",
  },
];

/** The functions (invokes) by token. */
export const FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map(
  FUNCTIONS_LIST.map((f) => [`${PACKAGE}:index:${f.name}`, f]),
);
