/**
 * The resources and functions the native provider serves, by type token, each backed by the code the dynamic
 * provider runs: the provider objects of `host.ts`, their field catalogues and pure diffs, and the lookups. Nothing
 * here implements a verb. The "one frame for every resource" refactor will replace the insides of this module (the
 * frame's registry), keeping its shape for the native host.
 */
import type { InputField } from "../frame/fieldCatalogue.js";
import type { SchemaDefName } from "../../protocol/validation/validators.js";
import { findNotebookFlavors } from "../lookups/notebookFlavors.js";
import { findNotebookImages } from "../lookups/notebookImages.js";
import { findNotebooks } from "../lookups/notebooks.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { getProviderContext } from "../frame/providerContext.js";
import * as notebookFields from "../notebook/fields.js";
import { notebookProvider } from "../notebook/notebookProvider.js";
import * as notebookInstanceFields from "../notebookInstance/fields.js";
import { notebookInstanceProvider } from "../notebookInstance/notebookInstanceProvider.js";
import { planChanges } from "../frame/changePlan.js";
import type { AnyDefinition } from "../frame/definition.js";
import * as storageMountFields from "../storageMount/fields.js";
import { notebookStorageMountProvider as storageMountResource } from "../storageMount/storageMountProvider.js";

/** The Pulumi package name: type tokens are `modelarts:index:<Name>`, stack config `modelarts:<key>`. */
export const PACKAGE = "modelarts";

type Props = Record<string, unknown>;

/** The provider objects' methods as the native host calls them (the dynamic host's contract, untyped here). */
export interface DynamicProvider {
  check(olds: object, news: object): Promise<{ inputs?: unknown; failures?: { property: string; reason: string }[] }>;
  diff(
    id: string,
    olds: never,
    news: never,
  ): Promise<{ changes?: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }>;
  create(inputs: never): Promise<{ id: string; outs?: unknown }>;
  read(id: string, props?: never): Promise<{ id?: string; props?: unknown; inputs?: unknown }>;
  update(id: string, olds: never, news: never): Promise<{ outs?: unknown }>;
  delete(id: string, props: never): Promise<void>;
}

export interface NativeResource {
  /** `Notebook`: `modelarts:index:Notebook` here, `pulumi-nodejs:dynamic/modelarts:Notebook` for the dynamic class. */
  readonly name: string;
  readonly provider: DynamicProvider;
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
  /** The class whose doc comment describes the resource to users (the SDK's). */
  readonly documentedBy: { file: string; name: string };
  /** Like the SDK class: created objects carry the owner key `<project>/<stack>/<name>` (ownership.ts files). */
  readonly ownerKey: boolean;
  /** Like the SDK class: without `name`, a name is generated from `namePrefix`, which defaults to the resource name. */
  readonly generatedName: boolean;
  /** The resource's pure diff: the fields (dotted paths) that replace it and those changed in place. */
  readonly changedFields: (olds: Props, news: Props) => { replaces: string[]; updates: string[] };
  /**
   * Parts of a `replace` field that its diff changes in place (`volume.capacityGb`), from the catalogue's `parts`:
   * the package schema marks the other parts replace-on-change, not the whole field. A test holds this equal to the
   * diff.
   */
  readonly inPlaceParts: Readonly<Record<string, readonly string[]>>;
  /**
   * Which reported outputs an in-place update may change, so a preview of the update returns every other output as
   * it is (known): `anyCall` when the update calls the API at all, `restart` when a field of change kind `restart`
   * changed (a stop and a start), `byField` per changed field (its first path segment).
   */
  readonly previewUnknowns: {
    readonly anyCall: readonly string[];
    readonly restart: readonly string[];
    readonly byField: Readonly<Record<string, readonly string[]>>;
  };
}

/** The parts of `replace` fields that the catalogue says change in place. */
function inPlacePartsOf(catalogue: Readonly<Record<string, InputField>>): Record<string, readonly string[]> {
  const inPlace: Record<string, readonly string[]> = {};
  for (const [field, rule] of Object.entries(catalogue)) {
    const parts = Object.entries(rule.parts ?? {}).filter(([, change]) => change !== "replace");
    if (rule.change === "replace" && parts.length > 0) inPlace[field] = parts.map(([part]) => part);
  }
  return inPlace;
}

/** The one diff's paths (frame/changePlan.ts). */
function changedFieldsOf(definition: AnyDefinition): NativeResource["changedFields"] {
  return (olds, news) => {
    const plan = planChanges(definition.catalogue, olds, news, definition.statuses);
    return { replaces: [...plan.replaces], updates: [...plan.updates] };
  };
}

const notebook: NativeResource = {
  name: "Notebook",
  provider: notebookProvider,
  inputFields: notebookFields.INPUT_FIELDS,
  reportedOutputs: notebookFields.REPORTED_OUTPUTS,
  inputsDef: "NotebookInputs",
  outputsDef: "NotebookOutputs",
  defaultTimeouts: notebookFields.DEFAULT_TIMEOUTS,
  documentedBy: { file: "sdk/Notebook.ts", name: "Notebook" },
  ownerKey: true,
  generatedName: true,
  changedFields: changedFieldsOf(notebookProvider.definition),
  inPlaceParts: inPlacePartsOf(notebookFields.INPUT_FIELDS),
  previewUnknowns: {
    // The mounts are read anew by any update's GET, and a NotebookStorageMount may have changed them since the last.
    anyCall: ["updatedAt", "mounts"],
    // A stop and a start: a new lease (and deadline), and the status and URL of the started notebook.
    restart: ["status", "url", "failReason", "lease", "autoStopAt"],
    byField: {
      imageId: ["image"],
      ssh: ["sshUri"],
      volume: ["volumeStatus"],
      autoStop: ["lease", "autoStopAt"],
      desiredStatus: ["status", "url", "failReason", "lease", "autoStopAt"],
    },
  },
};

const notebookStorageMount: NativeResource = {
  name: "NotebookStorageMount",
  provider: storageMountResource,
  inputFields: storageMountFields.INPUT_FIELDS,
  reportedOutputs: storageMountFields.REPORTED_OUTPUTS,
  inputsDef: "NotebookStorageMountInputs",
  outputsDef: "NotebookStorageMountOutputs",
  defaultTimeouts: storageMountFields.DEFAULT_TIMEOUTS,
  documentedBy: { file: "sdk/NotebookStorageMount.ts", name: "NotebookStorageMount" },
  ownerKey: false,
  generatedName: false,
  changedFields: changedFieldsOf(storageMountResource.definition),
  inPlaceParts: inPlacePartsOf(storageMountFields.INPUT_FIELDS),
  previewUnknowns: {
    anyCall: [],
    restart: [],
    // An update resumes the wait of a mount left MOUNTING.
    byField: { status: ["status", "failureReason"] },
  },
};

const notebookInstance: NativeResource = {
  name: "NotebookInstance",
  provider: notebookInstanceProvider,
  inputFields: notebookInstanceFields.INPUT_FIELDS,
  reportedOutputs: notebookInstanceFields.REPORTED_OUTPUTS,
  inputsDef: "NotebookInstanceInputs",
  outputsDef: "NotebookInstanceOutputs",
  defaultTimeouts: notebookInstanceFields.DEFAULT_TIMEOUTS,
  documentedBy: { file: "sdk/NotebookInstance.ts", name: "NotebookInstance" },
  ownerKey: true,
  generatedName: true,
  changedFields: changedFieldsOf(notebookInstanceProvider.definition),
  inPlaceParts: inPlacePartsOf(notebookInstanceFields.INPUT_FIELDS),
  previewUnknowns: {
    // The remaining auto-stop time is counted down by the service: any read after a change shows another value.
    anyCall: ["latestUpdateTimestamp", "autoStopRemainingSeconds"],
    restart: [],
    byField: {
      autoStop: ["autoStopAt"],
      desiredStatus: ["status", "url", "autoStopAt", "queuingInfo", "failedReasons"],
    },
  },
};

/** The resources by type token. */
export const RESOURCES: ReadonlyMap<string, NativeResource> = new Map(
  [notebook, notebookStorageMount, notebookInstance].map((r) => [`${PACKAGE}:index:${r.name}`, r]),
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
