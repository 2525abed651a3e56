import type { InputCatalogue } from "../frame/fieldCatalogue.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";

/**
 * The inputs of a NotebookInstance and how each change reaches the demanager API: PUT takes only description and
 * auto_stop [demanager §3.3], start/stop actions change the power state, everything else
 * needs a new instance (`annotations` are accepted at create only).
 */
export const INPUT_FIELDS = {
  name: { change: "replace" },
  namePrefix: { change: "none" },
  profileId: { change: "replace" },
  flavor: { change: "replace" },
  description: { change: "update", default: "" },
  storage: { change: "replace" },
  extendStorage: { change: "replace" },
  autoStop: { change: "update" },
  annotations: { change: "replace" },
  workspaceId: { change: "replace", default: "0" },
  pool: { change: "replace" },
  aiProjectId: { change: "replace" },
  desiredStatus: { change: "action" },
  allowDataLossOnReplace: { change: "none" },
  timeouts: { change: "none" },
  adoptId: { change: "none" },
  adoptOwnedBy: { change: "none" },
} as const satisfies InputCatalogue<NotebookInstanceInputs>;

export type InputField = keyof typeof INPUT_FIELDS;

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
