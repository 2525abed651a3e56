import type { InputCatalogue } from "../frame/fieldCatalogue.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";

/**
 * The inputs of a Notebook and how each change reaches the notebooks API ([notebooks §7],
 * [notebooks §9, §13, §16]): PUT changes name, description and the EVS size in place; flavor, image and the SSH endpoint need
 * the notebook stopped (a stop and a start when it runs, as the service requires and Terraform does); the lease,
 * tags and the power state have their own calls; the rest of the volume, the pool and the workspace need a new
 * notebook. `volume` is marked `replace` here; its `capacityGb` is the one part changed in place (PUT
 * `storage_new_size`).
 */
export const INPUT_FIELDS = {
  name: { change: "update" },
  namePrefix: { change: "none" },
  description: { change: "update", default: "" },
  flavor: { change: "restart" },
  imageId: { change: "restart" },
  volume: { change: "replace", parts: { capacityGb: "update" } },
  ssh: { change: "restart" },
  poolId: { change: "replace" },
  workspaceId: { change: "replace", default: "0" },
  autoStop: { change: "action" },
  tags: { change: "action" },
  desiredStatus: { change: "action" },
  allowDataLossOnReplace: { change: "none" },
  timeouts: { change: "none" },
  adoptId: { change: "none" },
  adoptOwnedBy: { change: "none" },
} as const satisfies InputCatalogue<NotebookInputs>;

export type NotebookInputField = keyof typeof INPUT_FIELDS;

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
