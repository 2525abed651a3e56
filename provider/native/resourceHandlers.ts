/**
 * The resource verbs of Pulumi's provider protocol, on plain property maps as the engine sends them (secrets as
 * Pulumi's secret objects, unknowns as the sentinel), each run by the frame (frame/resourceVerbs.ts) on the
 * resource's definition from the registry, as the dynamic provider runs them. This module only translates: secrets
 * off and back on, the internal inputs in and out (the owner mark a resource keeps in its state, recordedMark.ts),
 * the preview answers, the detailed diff, and the engine's timeout of an operation (Pulumi's `customTimeouts`, in
 * seconds, 0 when unset), which the frame's deadline takes over the `timeouts` input (frame/timeouts.ts).
 */
import { PartialFailureError } from "../base/errors.js";
import { OWNER_NONCE_INPUT } from "../base/internalInputs.js";
import * as frame from "../frame/resourceVerbs.js";
import { detailedDiff, type DiffKind } from "./detailedDiff.js";
import { engineProps, verbInputs } from "./recordedMark.js";
import { importTarget } from "./importIds.js";
import { ownerNonceOf } from "./internalInputs.js";
import { previewCreate, previewUpdate } from "./previewOutputs.js";
import { markSecrets, unwrap, type Props } from "./propertyValues.js";
import { RESOURCES, type NativeResource } from "./registry.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

export function resourceOf(type: string): NativeResource {
  const resource = RESOURCES.get(type);
  if (!resource) {
    throw new Error(
      `unknown resource type ${JSON.stringify(type)} (this provider serves ${[...RESOURCES.keys()].join(", ")})`,
    );
  }
  return resource;
}

/**
 * A create or update that made its object and then failed, with the outputs as the engine should record them
 * (internal keys off, secret inputs marked).
 */
export class ResourceInitFailed extends Error {
  constructor(
    override readonly cause: PartialFailureError,
    readonly properties: Props,
  ) {
    super(cause.message);
  }
}

/** Runs a create or update; a partial failure's properties are cleaned like a success's. */
async function recording<T>(
  resource: NativeResource,
  stored: Props | undefined,
  secretKeys: Set<string>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof PartialFailureError)) throw err;
    throw new ResourceInitFailed(err, markSecrets(engineProps(resource, err.properties, stored), secretKeys));
  }
}

/** A function's arguments as plain values (the lookups take no secrets; a secret argument is simply read). */
export function plainArgs(args: Props | undefined): Props {
  return unwrap(args).plain;
}

/**
 * Validates and fills the declared inputs; secret inputs stay secret. The owner mark check resolves (the recorded
 * one; for a new object, one whose random part comes from the engine's `randomSeed`) goes back with the inputs, so
 * state keeps it.
 */
export async function check(
  type: string,
  urn: string,
  olds: Props | undefined,
  news: Props,
  randomSeed?: Uint8Array,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const resource = resourceOf(type);
  const previous = unwrap(olds);
  const declared = unwrap(news);
  const inputs = verbInputs(resource, urn, declared.plain, previous.plain);
  if (resource.ownerKey && randomSeed !== undefined && inputs[OWNER_NONCE_INPUT] === undefined) {
    inputs[OWNER_NONCE_INPUT] = ownerNonceOf(randomSeed);
  }
  const result = await frame.checkResource(
    resource.definition,
    // A new object's olds (the engine sends an empty map): no recorded inputs, so no recorded owner mark either.
    Object.keys(previous.plain).length === 0 ? {} : verbInputs(resource, urn, previous.plain, previous.plain),
    inputs,
  );
  const checked = engineProps(resource, result.inputs, result.inputs);
  return { inputs: markSecrets(checked, declared.secretKeys), failures: result.failures };
}

export interface DiffAnswer {
  changes: boolean;
  replaces: string[];
  diffs: string[];
  detailedDiff: Record<string, DiffKind>;
  deleteBeforeReplace: boolean;
}

/** The resource's diff of the stored outputs against the checked inputs, property by property. */
export async function diff(type: string, urn: string, id: string, olds: Props, news: Props): Promise<DiffAnswer> {
  const resource = resourceOf(type);
  const stored = unwrap(olds).plain;
  const checked = verbInputs(resource, urn, unwrap(news).plain, stored);
  // The one diff decides (and the resource says what it will do, e.g. a stop and a start); each path has its kind.
  const decision = await frame.diffResource(resource.definition, id, stored, checked);
  const details = detailedDiff(stored, checked, decision.fields, new Set(Object.keys(resource.inputFields)));
  return {
    changes: decision.changes,
    replaces: details.replaces,
    diffs: details.diffs,
    detailedDiff: details.detailedDiff,
    deleteBeforeReplace: decision.deleteBeforeReplace,
  };
}

/** The engine's timeout of an operation (seconds, 0 when unset) as the frame takes it. */
function customTimeoutMs(timeoutSeconds: number | undefined): number | undefined {
  return timeoutSeconds !== undefined && timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined;
}

/** Creates the object (or, in a preview, answers with the inputs and unknown reported outputs). */
export async function create(
  type: string,
  urn: string,
  news: Props,
  preview: boolean,
  timeoutSeconds?: number,
): Promise<{ id: string; properties: Props }> {
  const resource = resourceOf(type);
  const { plain, secretKeys } = unwrap(news);
  if (preview)
    return { id: "", properties: markSecrets(engineProps(resource, previewCreate(resource, plain)), secretKeys) };
  // The checked inputs carry the owner mark check made: the object is marked with it, and state keeps it.
  const { id, outs } = await recording(resource, plain, secretKeys, () =>
    frame.createResource(resource.definition, verbInputs(resource, urn, plain, plain), customTimeoutMs(timeoutSeconds)),
  );
  return { id, properties: markSecrets(engineProps(resource, outs, plain), secretKeys) };
}

/**
 * Reads the object for refresh, or for `pulumi import` (no stored properties: the read returns the inputs a
 * program declares to match the object; the id is the import id, importIds.ts). An empty id means gone. The
 * engine's import read (`pulumi import`, the `import` resource option) sends no inputs at all, where a `.get` sends
 * the program's state as inputs, even an empty set: only the import refuses an object another Pulumi resource's
 * owner mark names (frame/importOwned.ts); a `.get` stays a read-only reference to any object [pulumi §11.14].
 * `timeoutSeconds`: the engine's `customTimeouts.read`, which bounds the read as the others bound theirs.
 */
export async function read(
  type: string,
  urn: string,
  id: string,
  properties: Props | undefined,
  inputs: Props | undefined,
  timeoutSeconds?: number,
): Promise<{ id: string; properties?: Props; inputs?: Props }> {
  const resource = resourceOf(type);
  const stored = unwrap(properties);
  const storedInputs = unwrap(inputs);
  // No stored state: an import or a `.get`, which read by the given id alone; only the import sends no inputs.
  const byIdAlone = Object.keys(stored.plain).length === 0;
  const target = byIdAlone
    ? importTarget(resource.name, id)
    : { id, props: verbInputs(resource, urn, stored.plain, stored.plain) };
  const result = await frame.readResource(resource.definition, target.id, target.props, {
    importing: byIdAlone && inputs === undefined,
    customTimeoutMs: customTimeoutMs(timeoutSeconds),
  });
  if (!result.id) return { id: "" };
  const secretKeys = new Set([...stored.secretKeys, ...storedInputs.secretKeys]);
  return {
    id: result.id,
    properties: markSecrets(engineProps(resource, result.props ?? {}, stored.plain), secretKeys),
    ...(result.inputs !== undefined && {
      inputs: markSecrets(engineProps(resource, result.inputs, stored.plain), secretKeys),
    }),
  };
}

/** Updates the object in place (or, in a preview, answers with what is known after the update). */
export async function update(
  type: string,
  urn: string,
  id: string,
  olds: Props,
  news: Props,
  preview: boolean,
  timeoutSeconds?: number,
): Promise<Props> {
  const resource = resourceOf(type);
  const stored = unwrap(olds).plain;
  const { plain, secretKeys } = unwrap(news);
  if (preview) return markSecrets(engineProps(resource, previewUpdate(resource, stored, plain), stored), secretKeys);
  const { outs } = await recording(resource, stored, secretKeys, () =>
    frame.updateResource(
      resource.definition,
      id,
      verbInputs(resource, urn, stored, stored),
      verbInputs(resource, urn, plain, stored),
      customTimeoutMs(timeoutSeconds),
    ),
  );
  return markSecrets(engineProps(resource, outs, stored), secretKeys);
}

export async function remove(
  type: string,
  urn: string,
  id: string,
  properties: Props,
  timeoutSeconds?: number,
): Promise<void> {
  const resource = resourceOf(type);
  const stored = unwrap(properties).plain;
  const inputs = verbInputs(resource, urn, stored, stored);
  await frame.deleteResource(resource.definition, id, inputs, customTimeoutMs(timeoutSeconds));
}
