import { isDeepStrictEqual } from "node:util";
import { powerStateOf } from "../api/notebookStatuses.js";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import { declaredNameDiffers, powerStateDiffers } from "../frame/changePlan.js";
import type { InputCatalogue } from "../frame/fieldCatalogue.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";

/**
 * The inputs of a Notebook and how each change reaches the notebooks API ([notebooks §7],
 * [notebooks §9, §13, §16]): PUT changes name, description and the EVS size in place; flavor, image and the SSH endpoint need
 * the notebook stopped (a stop and a start when it runs, as the service requires and Terraform does); the lease,
 * tags and the power state have their own calls; the rest of the volume, the pool and the workspace need a new
 * notebook: the PUT has no volume type, ownership, uri or id [notebooks §7], so `volume` is `replace` but for its
 * `capacityGb`, which grows in place. A name counts only when declared (or its prefix changed). Every replacement
 * deletes first: exactly one notebook per resource.
 */
export const INPUT_FIELDS = {
  name: { change: "update", differs: declaredNameDiffers },
  namePrefix: { change: "none" },
  description: { change: "update", default: "" },
  flavor: { change: "restart" },
  imageId: { change: "restart" },
  volume: { change: "replace", parts: { capacityGb: "update" } },
  ssh: { change: "restart" },
  poolId: { change: "replace" },
  workspaceId: { change: "replace", default: "0" },
  // Without a declared auto-stop the service stops a notebook after an hour [notebooks §4.1]: said so, so it is no
  // surprise.
  autoStop: { change: "action", default: { enabled: true, durationSeconds: 3600, type: "TIMING" }, same: sameAutoStop },
  tags: { change: "action" },
  desiredStatus: { change: "action", differs: powerStateDiffers(powerStateOf) },
  allowDataLossOnReplace: { change: "none" },
  timeouts: { change: "record" },
  adoptId: { change: "none" },
  adoptOwnedBy: { change: "none" },
} as const satisfies InputCatalogue<NotebookInputs>;

export type NotebookInputField = keyof typeof INPUT_FIELDS;

/** The duration matters only while auto-stop is on; the type defaults to TIMING on the service. */
function sameAutoStop(a: unknown, b: unknown): boolean {
  if (a === UNKNOWN_VALUE || b === UNKNOWN_VALUE) return a === b;
  const canon = (value: unknown) => {
    const v = (value ?? {}) as Record<string, unknown>;
    if (Object.values(v).includes(UNKNOWN_VALUE)) return v;
    const enabled = v.enabled === true;
    return enabled ? { enabled, durationSeconds: v.durationSeconds, type: v.type ?? "TIMING" } : { enabled };
  };
  return isDeepStrictEqual(canon(a), canon(b));
}

/** Outputs the service reports, besides the inputs as applied. */
export const REPORTED_OUTPUTS = [
  "notebookId",
  "status",
  "url",
  "failReason",
  "image",
  "autoStopAt",
  "lease",
  "volumeStatus",
  "sshUri",
  "createdAt",
  "updatedAt",
  "mounts",
] as const satisfies readonly Exclude<keyof NotebookOutputs, keyof NotebookInputs>[];

/** Every output the SDK registers up front (pulumi/pulumi#5174). */
export const OUTPUT_NAMES: readonly string[] = [...Object.keys(INPUT_FIELDS), ...REPORTED_OUTPUTS];

/** Terraform fixes 20 minutes for everything; creates queue for resources, so ours waits longer by default. */
export const DEFAULT_TIMEOUTS = { create: "30m", update: "20m", delete: "20m" } as const;

/** The longest name `generateName` makes for a notebook (the notebooks API's rule: up to 128 of `[A-Za-z0-9_-]`). */
export const NOTEBOOK_NAME_LENGTH = 128;

/** The EVS size the service gives when none is declared [notebooks §4.2]. */
export const DEFAULT_EVS_CAPACITY_GB = 5;

/** Error codes about one input [notebooks §15], named in the error a user sees. */
export const INPUT_ERROR_CODES = {
  "ModelArts.6323": "flavor", // flavor not supported
  "ModelArts.6328": "flavor", // no permission for the flavor
  "ModelArts.6329": "flavor", // flavor sold out
  "ModelArts.6716": "flavor", // the specified flavor is sold out
  "ModelArts.6792": "flavor", // the notebook cannot switch to this flavor
  "ModelArts.6870": "flavor", // flavor does not support the feature
  "ModelArts.6797": "imageId", // no such image
  "ModelArts.6324": "volume.category",
  "ModelArts.6331": "volume.capacityGb",
  "ModelArts.6789": "ssh.keyPairName",
} as const;
