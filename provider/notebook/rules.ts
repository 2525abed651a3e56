import { storageUriFailure } from "../api/storageUri.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import type { CheckFailure } from "../frame/definition.js";
import { DEFAULT_EVS_CAPACITY_GB } from "./fields.js";

type Inputs = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Rules that involve more than one field, each named in its own words. */
export function notebookRules(olds: Inputs | undefined, news: Inputs): CheckFailure[] {
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
 * The defaults inside the volume and the auto-stop, which the catalogue's defaults (whole fields) cannot state: a
 * MANAGED volume, an EVS size of 5 GB [notebooks §4.2], and an enabled auto-stop's hour of TIMING [notebooks §4.1].
 */
export function fillNotebookDefaults(inputs: Inputs): void {
  if (isObject(inputs.volume)) {
    const volume: Record<string, unknown> = { ownership: "MANAGED", ...inputs.volume };
    if (volume.category === "EVS" && volume.capacityGb === undefined) volume.capacityGb = DEFAULT_EVS_CAPACITY_GB;
    inputs.volume = volume;
  }
  if (isObject(inputs.autoStop) && inputs.autoStop.enabled === true) {
    inputs.autoStop = { durationSeconds: 3600, type: "TIMING", ...inputs.autoStop };
  }
}
