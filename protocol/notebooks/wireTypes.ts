/**
 * The wire contract of the notebooks API (`/v1/{project_id}/notebooks`, "DevEnviron new version") [notebooks
 * §1–§13]: the shapes of its request bodies and answers, generated from schema.json (`Notebook…` $defs) into
 * wireShapes.ts (`npm run generate`) and re-exported here with the names the code uses for some of them, and the
 * constants schema.json does not hold (which statuses mean what to a waiter, the units' bounds). Answers are read by
 * the tolerant reader (protocol/validation/tolerantReader.ts): a field that came back null or of another type is
 * absent, never `null`.
 */
import { NOTEBOOK_STATUS_VALUES, type NotebookObject } from "./wireShapes.js";

export * from "./wireShapes.js";

/** Notebook statuses [notebooks §3, §14]: the 14 values of the SDK enum. */
export const NOTEBOOK_STATUSES = NOTEBOOK_STATUS_VALUES;

/** Failure statuses a waiter stops on ([notebooks §14], Terraform's ERROR set). */
export const NOTEBOOK_FAILED_STATUSES = ["CREATE_FAILED", "START_FAILED", "DELETE_FAILED", "ERROR"] as const;

/** Dynamic storage mount statuses [notebooks §12]. */
export const STORAGE_MOUNT_STATUSES = [
  "MOUNTING",
  "MOUNTED",
  "UNMOUNTING",
  "UNMOUNTED",
  "MOUNT_FAILED",
  "UNMOUNT_FAILED",
] as const;
export type StorageMountStatus = (typeof STORAGE_MOUNT_STATUSES)[number];

/** `action_progress[].status` [notebooks §3]. */
export const ACTION_PROGRESS_STATUSES = ["WAITING", "PROCESSING", "FAILED", "COMPLETED"] as const;
export type ActionProgressStatus = (typeof ACTION_PROGRESS_STATUSES)[number];

/** `action_progress[].step` [notebooks §3]: 1 prepare storage, 2 prepare compute, 3 configure network, 4 init instance. */
export const ACTION_PROGRESS_STEPS = [1, 2, 3, 4] as const;

/** EVS `volume.status` values during which a waiter keeps waiting even at its target status [notebooks §4.2, §14]. */
export const VOLUME_PENDING_STATUSES = ["INITIALIZING", "RESIZING", "DELETING"] as const;

/** Enums the service accepts in either case and answers in upper case [notebooks §4.2, §9]. */
export const VOLUME_CATEGORIES = ["EVS", "EFS", "OBS", "OBSFS", "SFS"] as const;
export const VOLUME_OWNERSHIPS = ["MANAGED", "DEDICATED"] as const;
export const LEASE_TYPES = ["TIMING", "IDLE"] as const;
export const NOTEBOOK_FEATURES = ["DEFAULT", "NOTEBOOK"] as const;
export const ENDPOINT_SERVICES = ["NOTEBOOK", "SSH"] as const;
export const IMAGE_TYPES = ["BUILD_IN", "DEDICATED"] as const;
export const DATA_VOLUME_CATEGORIES = ["OBS", "OBSFS", "EFS"] as const;

/**
 * The most tags a notebook keeps: the tag service's usual 20 per resource (the notebooks reference gives no count,
 * [notebooks §19] question 10). A Notebook's own `tags` stop at 19 (schema.json), its owner tag is one, and each
 * NotebookStorageMount's mark takes another.
 */
export const NOTEBOOK_TAG_LIMIT = 20;

export type VolumeCategory = (typeof VOLUME_CATEGORIES)[number];
export type VolumeOwnership = (typeof VOLUME_OWNERSHIPS)[number];
export type LeaseType = (typeof LEASE_TYPES)[number];
export type NotebookFeature = (typeof NOTEBOOK_FEATURES)[number];
export type EndpointService = (typeof ENDPOINT_SERVICES)[number];

/** `lease.duration` / `duration` bounds in milliseconds [notebooks §4.1, §9]; `-1` means no auto-stop (Terraform). */
export const LEASE_DURATION_MIN_MS = 3_600_000;
export const LEASE_DURATION_MAX_MS = 259_200_000;
export const LEASE_DURATION_DEFAULT_MS = 3_600_000;
export const LEASE_DISABLED = -1;

/** ListNotebooks `limit` values [notebooks §2]. */
export const NOTEBOOK_LIST_LIMITS = [10, 20, 50] as const;

/** The notebook object of create, show, update, start, stop and delete; list items lack `action_progress` [notebooks §3]. */
export type Notebook = NotebookObject;

/** Start query [notebooks §8]: `duration` in ms (`-1`: no auto-stop), `type` TIMING | IDLE (a query string). */
export interface NotebookStartQuery {
  duration?: number;
  type?: string;
}
