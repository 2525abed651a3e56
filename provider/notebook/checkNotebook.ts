import { createHash } from "node:crypto";
import { prototypeFailure } from "../frame/prototypeGuard.js";
import { validateInputs } from "../../protocol/validation/validators.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { generateName } from "../base/autoName.js";
import { applyOwnerInputs, ownerMarkOf, resolveOwnerInputs } from "../frame/ownerMark.js";
import { withDefaults } from "../frame/fieldCatalogue.js";
import { storageUriFailure } from "../api/storageUri.js";
import { checkTimeouts } from "../frame/timeouts.js";
import { DEFAULT_EVS_CAPACITY_GB, INPUT_FIELDS, NOTEBOOK_NAME_LENGTH } from "./fields.js";
import type { NotebookInputs } from "./types.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

type Inputs = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Validates a Notebook's declared inputs against schema.json and the rules across fields, and fills the defaults
 * the service would fill, so later diffs compare like with like. Pure: never touches the network. Any value may be
 * Pulumi's unknown sentinel during preview; such values are left for the real run to check.
 */
export function checkNotebook(
  oldValues: object | undefined,
  newValues: object,
): { inputs: NotebookInputs; failures: CheckFailure[] } {
  const olds = oldValues as Inputs | undefined;
  const news = newValues as Inputs;
  const protoFailure = prototypeFailure(news);
  if (protoFailure) return { inputs: asChecked({}), failures: [protoFailure] };
  const failures: CheckFailure[] = [
    ...validateInputs("NotebookInputs", news, { unknown: UNKNOWN }).map(({ property, reason }) => ({
      property,
      reason,
    })),
    ...checkTimeouts(news.timeouts),
  ];
  const owner = resolveOwnerInputs(olds, news);
  if (owner.failure) failures.push(owner.failure);
  if (failures.length === 0) failures.push(...crossFieldRules(olds, news));
  if (failures.length > 0) return { inputs: asChecked(news), failures };

  const inputs = withDefaults(INPUT_FIELDS, news);
  applyOwnerInputs(inputs, owner);
  const name = resolveName(olds, news, owner);
  if (name === undefined) delete inputs.name;
  else inputs.name = name;
  if (news.name !== undefined) delete inputs.namePrefix;
  if (isObject(inputs.volume)) {
    const volume: Record<string, unknown> = { ownership: "MANAGED", ...inputs.volume };
    if (volume.category === "EVS" && volume.capacityGb === undefined) volume.capacityGb = DEFAULT_EVS_CAPACITY_GB;
    inputs.volume = volume;
  }
  // Without a declared auto-stop the service stops a notebook after an hour [notebooks §4.1]: said so, so it is no surprise.
  if (inputs.autoStop === undefined) inputs.autoStop = { enabled: true, durationSeconds: 3600, type: "TIMING" };
  else if (isObject(inputs.autoStop) && inputs.autoStop.enabled === true) {
    inputs.autoStop = { durationSeconds: 3600, type: "TIMING", ...inputs.autoStop };
  }
  return { inputs: asChecked(inputs), failures: [] };
}

/** Rules that involve more than one field, each named in its own words. */
function crossFieldRules(olds: Inputs | undefined, news: Inputs): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const volume = news.volume;
  if (isObject(volume)) {
    const { category, ownership, capacityGb, uri, id } = volume;
    if (ownership === "DEDICATED" && category !== "EFS" && category !== UNKNOWN) {
      failures.push({
        property: "volume.ownership",
        reason: `volume.ownership DEDICATED is only for category EFS (got category ${JSON.stringify(category)})`,
      });
    }
    if (ownership === "DEDICATED" && category === "EFS" && (uri === undefined || id === undefined)) {
      failures.push({
        property: uri === undefined ? "volume.uri" : "volume.id",
        reason: "a DEDICATED EFS volume needs volume.uri (the SFS Turbo path) and volume.id (the SFS Turbo id)",
      });
    }
    if (typeof uri === "string" && uri !== UNKNOWN && category !== UNKNOWN) {
      const uriFailure = storageUriFailure("volume.uri", category, uri);
      if (uriFailure) failures.push(uriFailure);
    }
    if (capacityGb !== undefined && category !== "EVS" && category !== UNKNOWN) {
      failures.push({
        property: "volume.capacityGb",
        reason: `volume.capacityGb is only for category EVS (got category ${JSON.stringify(category)})`,
      });
    }
    const old = olds && isObject(olds.volume) ? olds.volume : undefined;
    if (
      old?.category === "EVS" &&
      category === "EVS" &&
      typeof capacityGb === "number" &&
      capacityGb < (typeof old.capacityGb === "number" ? old.capacityGb : DEFAULT_EVS_CAPACITY_GB)
    ) {
      failures.push({
        property: "volume.capacityGb",
        reason: `volume.capacityGb can only grow (the volume has ${String(old.capacityGb ?? DEFAULT_EVS_CAPACITY_GB)} GB, got ${capacityGb})`,
      });
    }
  }
  if (news.adoptOwnedBy !== undefined && news.adoptId === undefined) {
    failures.push({
      property: "adoptOwnedBy",
      reason: "adoptOwnedBy is only for adoptId (it names the owner of the notebook being adopted)",
    });
  }
  const autoStop = news.autoStop;
  if (isObject(autoStop) && autoStop.enabled === false && autoStop.durationSeconds !== undefined) {
    failures.push({
      property: "autoStop.durationSeconds",
      reason: "autoStop.durationSeconds is only for an enabled auto-stop (autoStop.enabled is false)",
    });
  }
  return failures;
}

/**
 * The declared name, or a generated one: `<prefix>-<7 characters>` where the characters derive from the owner mark
 * (core/ownerMark.ts: `<project>/<stack>/<resource>#<random>`), so the name stays the same across updates, differs
 * between stacks and between deployments of one stack name on different state backends, and marks the notebook
 * as this resource's even before its owner tag is set (ownership.ts). While the mark's random part is unknown (the
 * `pulumi preview` of a new resource or of a replacement) so is the name: preview never shows a name `up` would
 * not use. A recorded resource keeps its name while its prefix holds. An adopted notebook keeps its own name.
 */
function resolveName(olds: Inputs | undefined, news: Inputs, owner: { key?: unknown; nonce?: unknown }): unknown {
  if (news.name !== undefined) return news.name;
  if (news.adoptId !== undefined) return undefined;
  const prefix = news.namePrefix;
  if (prefix === UNKNOWN || owner.key === UNKNOWN || owner.nonce === UNKNOWN) return UNKNOWN;
  if (olds && typeof olds.name === "string" && olds.namePrefix === prefix && olds.__ownerKey === owner.key) {
    return olds.name;
  }
  const seed =
    typeof owner.key === "string"
      ? ownerMarkOf({ __ownerKey: owner.key, __ownerNonce: owner.nonce as string | undefined }, undefined)
      : stableSeed(news);
  return generateName(typeof prefix === "string" ? prefix : "notebook", seed, NOTEBOOK_NAME_LENGTH);
}

/** Without an owner key (in-process use), the declared inputs seed the name, as for NotebookInstance. */
function stableSeed(news: Inputs): string {
  const {
    name: _name,
    timeouts: _timeouts,
    __provider: _provider,
    __urn: _urn,
    __ownerNonce: _nonce,
    ...identity
  } = news;
  return createHash("sha256")
    .update(JSON.stringify(identity, Object.keys(identity).sort()))
    .digest("hex");
}

/** Untyped values become typed inputs here, after validation against schema.json's `NotebookInputs`. */
function asChecked(inputs: Inputs): NotebookInputs {
  return inputs as unknown as NotebookInputs;
}
