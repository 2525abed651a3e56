import type { InputCatalogue } from "../frame/fieldCatalogue.js";
import { sameCategory } from "./mapping.js";
import type { StorageMountInputs, StorageMountOutputs } from "./types.js";

/**
 * The inputs of a NotebookStorageMount and how a change reaches the service: the API has no call that changes a
 * mount (docs/modelarts-notebooks-api.md §12: attach, show, list, detach), so every input replaces it, as in
 * Terraform's `huaweicloud_modelarts_notebook_mount_storage`; `adoptId` (read at create only) only steers the
 * provider, and new timeouts are recorded by an update (the frame's, as for every resource).
 */
export const INPUT_FIELDS = {
  notebookId: { change: "replace" },
  // The service reports a mount made as OBS as OBSFS: the same mount, so no change (an imported mount records OBSFS).
  category: { change: "replace", default: "OBS", same: sameCategory },
  uri: { change: "replace" },
  mountPath: { change: "replace" },
  efsId: { change: "replace" },
  timeouts: { change: "record" },
  adoptId: { change: "none" },
} as const satisfies InputCatalogue<StorageMountInputs>;

/** What errors and progress lines call this resource's object: `create storage mount "/data/x/" (<id>)`. */
export const KIND = "storage mount";

export type StorageMountInputField = keyof typeof INPUT_FIELDS;

/** Outputs the service reports, besides the inputs as applied. */
export const REPORTED_OUTPUTS = ["storageId", "status", "failureReason"] as const satisfies readonly Exclude<
  keyof StorageMountOutputs,
  keyof StorageMountInputs
>[];

/** Every output the SDK registers up front (pulumi/pulumi#5174). */
export const OUTPUT_NAMES: readonly string[] = [...Object.keys(INPUT_FIELDS), ...REPORTED_OUTPUTS];

/**
 * Mounting takes seconds to minutes; Terraform gives it the default 20 minutes. Update only resumes a wait that an
 * earlier run left (a create that timed out while MOUNTING).
 */
export const DEFAULT_TIMEOUTS = { create: "20m", update: "20m", delete: "20m" } as const;
