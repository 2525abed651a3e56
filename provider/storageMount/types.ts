/**
 * Plain shapes the provider sees for a NotebookStorageMount (the notebooks API's dynamic storage, §12): the inputs
 * after `check` filled the defaults, and the outputs. The user-facing `NotebookStorageMountArgs` in sdk/ mirror
 * the inputs with pulumi.Input types.
 */
import type { TimeoutsInput } from "../core/timeouts.js";

export type StorageMountCategory = "OBS" | "OBSFS" | "EFS";

export interface StorageMountInputs {
  /** The notebook the storage is mounted into (a UUID); it must be RUNNING to mount and to unmount. */
  notebookId: string;
  /** After check: the declared category, or OBS. */
  category: StorageMountCategory;
  /** `obs://bucket/dir/` (OBS, OBSFS) or the SFS Turbo path (EFS). */
  uri: string;
  /** A directory directly under `/data/`, unique among the notebook's mounts. */
  mountPath: string;
  /** The SFS Turbo id, for EFS only. */
  efsId?: string;
  timeouts?: TimeoutsInput;
  /** A storage already mounted at `mountPath` with `uri`, to take over (createStorageMount.ts). */
  adoptId?: string;
  /** Internal, set by the SDK: the resource's URN, for progress lines (core/engineLogSink.ts). */
  __urn?: string;
  /** Internal, Pulumi's: the serialized provider shim. */
  __provider?: string;
}

export interface StorageMountOutputs extends StorageMountInputs {
  /** The mount's id (a UUID), also the resource id. */
  storageId: string;
  /** MOUNTING, MOUNTED, UNMOUNTING, UNMOUNTED, MOUNT_FAILED or UNMOUNT_FAILED, as last seen. */
  status: string;
  /** The service's reason for a failed mount or unmount (`failure_reason`), or "". */
  failureReason: string;
}
