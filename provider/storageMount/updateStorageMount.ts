import type { NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import { ConfigurationError } from "../base/errors.js";
import { UNMOUNTED_STATUSES } from "./statusClasses.js";
import type { StorageMountInputs, StorageMountOutputs } from "./types.js";
import { waitForStorageMount, type StorageStep } from "./waitForStorageMount.js";

/**
 * The mount as the API shows it, for refresh and for an update's first read; undefined when the API no longer knows
 * it (nor its notebook: a deleted notebook takes its mounts along) or it is UNMOUNTING or UNMOUNTED (someone
 * unmounted it). A read without its notebook's id (`NotebookStorageMount.get` without one) cannot ask.
 */
export async function findStorageMount(
  step: StorageStep,
  id: string,
  props: Partial<StorageMountInputs>,
): Promise<NotebookStorage | undefined> {
  if (typeof props.notebookId !== "string") {
    throw new ConfigurationError(
      "its notebookId is not known: NotebookStorageMount.get needs the notebook's id besides the mount's",
      "MissingNotebookId",
    );
  }
  const storage = await step.client.findStorage(props.notebookId, id);
  return storage === undefined || UNMOUNTED_STATUSES.has(String(storage.status)) ? undefined : storage;
}

/**
 * Nothing about a mount changes in place (diff replaces for every input but the timeouts, which the frame records
 * without this verb), so an update resumes the wait of a mount that an earlier create left MOUNTING (recorded with
 * init errors).
 */
export async function updateStorageMount(
  step: StorageStep,
  storage: NotebookStorage,
  olds: StorageMountOutputs,
): Promise<NotebookStorage> {
  if (storage.status !== "MOUNTING") return storage;
  step.saw(storage);
  return (await waitForStorageMount(step, olds.notebookId, storage.id!, "MOUNTED")) ?? storage;
}
