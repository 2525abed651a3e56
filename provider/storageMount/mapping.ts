import type { NotebookDataVolumesRequest, NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import { jsonSafe } from "../base/jsonSafe.js";
import type { StorageMountInputs, StorageMountOutputs } from "./types.js";

/** The AttachDynamicStorage body (DataVolumesReq, §12). */
export function toAttachRequest(inputs: StorageMountInputs): NotebookDataVolumesRequest {
  return {
    category: inputs.category,
    mount_path: inputs.mountPath,
    uri: inputs.uri,
    ...(inputs.efsId !== undefined && { efs_id: inputs.efsId }),
  };
}

/**
 * The outputs: the inputs as declared (the service answers OBS as OBSFS, §12, which is no change of the declared
 * category), and the mount's id, status and failure reason as the service reports them.
 */
export function toOutputs(storage: NotebookStorage, inputs: StorageMountInputs): StorageMountOutputs {
  return jsonSafe({
    ...inputs,
    storageId: storage.id ?? "",
    status: String(storage.status ?? "UNKNOWN"),
    failureReason: storage.failure_reason ?? "",
  });
}

/**
 * The inputs a mount shows: the declared ones, which nothing changes in place (the service's OBSFS for a declared OBS
 * is no drift: sameCategory); for a read without declared inputs (`NotebookStorageMount.get`) what the service reports, the
 * category in upper case.
 */
export function observedInputs(storage: NotebookStorage, declared: Partial<StorageMountInputs>): StorageMountInputs {
  const category = (storage.category ?? "OBS").toUpperCase() as StorageMountInputs["category"];
  return {
    notebookId: declared.notebookId ?? "",
    category,
    uri: storage.uri ?? "",
    mountPath: storage.mount_path ?? "",
    ...(typeof storage.efs_id === "string" && storage.efs_id !== "" && { efsId: storage.efs_id }),
    ...declared,
  };
}

/**
 * Categories compare as the service sees them: it mounts a storage declared OBS as OBSFS and reports it so (§12), so
 * the two name one mount. The diff compares by this (a mount imported as OBSFS and declared OBS is no change), and
 * the read keeps the declared spelling.
 */
export function sameCategory(a: unknown, b: unknown): boolean {
  return mountedCategory(a) === mountedCategory(b);
}

function mountedCategory(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const category = value.toUpperCase();
  return category === "OBSFS" ? "OBS" : category;
}

/** Mount paths compare without a trailing "/": `/data/x/` and `/data/x` are one directory. */
export function samePath(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}
