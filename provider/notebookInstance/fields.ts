import { isDeepStrictEqual } from "node:util";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { declaredNameDiffers, powerStateDiffers } from "../frame/changePlan.js";
import type { InputCatalogue } from "../frame/fieldCatalogue.js";
import { powerStateOf } from "./statusClasses.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";

/**
 * The inputs of a NotebookInstance and how each change reaches the demanager API: PUT takes only description and
 * auto_stop [demanager §3.3], start/stop actions change the power state, everything else
 * needs a new instance (`annotations` are accepted at create only). Only declared inputs count: server-filled
 * values, `profile.id`, timestamps and an auto-stop (when `desiredStatus` is not set) never show up as changes. A name
 * counts only when declared; when it changes, a replacement creates first (names are unique, ModelArts.6301: one
 * that keeps its name must delete first).
 */
export const INPUT_FIELDS = {
  name: { change: "replace", differs: declaredNameDiffers },
  namePrefix: { change: "none" },
  profileId: { change: "replace" },
  flavor: { change: "replace" },
  description: { change: "update", default: "" },
  storage: { change: "replace" },
  extendStorage: { change: "replace" },
  // The service fills auto_stop {enable: false, prompt: true} when none is sent [demanager §2.1].
  autoStop: { change: "update", default: { enabled: false, prompt: true }, same: sameAutoStop },
  annotations: { change: "replace" },
  workspaceId: { change: "replace", default: "0" },
  pool: { change: "replace" },
  aiProjectId: { change: "replace" },
  desiredStatus: { change: "action", differs: powerStateDiffers(powerStateOf) },
  allowDataLossOnReplace: { change: "none" },
  timeouts: { change: "record" },
  adoptId: { change: "none" },
  adoptOwnedBy: { change: "none" },
} as const satisfies InputCatalogue<NotebookInstanceInputs>;

export type InputField = keyof typeof INPUT_FIELDS;

/** The duration only matters while auto-stop is enabled; prompt defaults to true on the service. */
function sameAutoStop(a: unknown, b: unknown): boolean {
  if (a === UNKNOWN || b === UNKNOWN) return a === b;
  const canon = (value: unknown) => {
    const v = (value ?? {}) as Record<string, unknown>;
    if (v.enabled === UNKNOWN || v.durationSeconds === UNKNOWN || v.prompt === UNKNOWN) return v;
    const enabled = v.enabled === true;
    return { enabled, durationSeconds: enabled ? v.durationSeconds : undefined, prompt: v.prompt ?? true };
  };
  return isDeepStrictEqual(canon(a), canon(b));
}

/** Outputs the service reports, besides the inputs as applied (every input is an output too). */
export const REPORTED_OUTPUTS = [
  "instanceId",
  "status",
  "url",
  "targetDomain",
  "creationTimestamp",
  "latestUpdateTimestamp",
  "flavorDetails",
  "profile",
  "autoStopAt",
  "autoStopRemainingSeconds",
  "queuingInfo",
  "failedReasons",
] as const satisfies readonly Exclude<keyof NotebookInstanceOutputs, keyof NotebookInstanceInputs>[];

/** Every output the SDK registers up front (Pulumi drops an output that was not registered, pulumi/pulumi#5174). */
export const OUTPUT_NAMES: readonly string[] = [...Object.keys(INPUT_FIELDS), ...REPORTED_OUTPUTS];

/** Default timeouts (Terraform's notebook resource fixes 20 minutes; queues for free flavors can be long). */
export const DEFAULT_TIMEOUTS = { create: "30m", update: "20m", delete: "20m" } as const;

/** Error codes about one input [demanager §7.3], named in the error a user sees. */
export const INPUT_ERROR_CODES = {
  "ModelArts.6323": "flavor", // flavor not supported
  "ModelArts.6329": "flavor", // flavor sold out
  "ModelArts.6330": "flavor", // flavor does not suit the profile
  "ModelArts.6336": "profileId", // no such profile
  "ModelArts.6318": "storage.path",
  "ModelArts.6358": "storage.path",
} as const;
