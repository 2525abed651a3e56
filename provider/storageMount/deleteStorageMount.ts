import { isApiError } from "../base/errorClassification.js";
import { unmarkMount } from "./mountMarkTag.js";
import { requireRunningNotebook } from "./runningNotebook.js";
import { GONE_STATUSES } from "../api/notebookStatuses.js";
import { UNMOUNTED_STATUSES } from "./statusClasses.js";
import type { StorageMountOutputs } from "./types.js";
import { waitForStorageMount, type StorageStep } from "./waitForStorageMount.js";

/**
 * DELETE the mount, then wait until it is UNMOUNTED or the API no longer knows it (as Terraform does). A mount
 * already gone, or whose notebook is gone or being deleted, is done. A MOUNTING one is let settle first, since the
 * API unmounts only MOUNTED or failed mounts from a RUNNING notebook (§12). A retried DELETE whose first answer
 * was lost finds the mount unmounting (6357) or gone: both are success. Then the mount's mark leaves the notebook's
 * tags (mountMarkTag.ts); a delete that fails there is run again by the next `pulumi destroy`, which finds the
 * mount gone and removes the mark. Without its notebook's id nothing can be asked about the mount: nothing to do.
 */
export async function deleteStorageMount(
  step: StorageStep,
  id: string,
  props: Partial<StorageMountOutputs>,
): Promise<void> {
  const notebookId = props.notebookId;
  if (typeof notebookId !== "string") return;
  await unmount(step, notebookId, id, props.__urn);
  await unmarkMount(step, notebookId, props.mountPath, props.uri);
}

async function unmount(step: StorageStep, notebookId: string, id: string, urn: string | undefined): Promise<void> {
  const { client } = step;
  const waitUnmounted = async () => void (await waitForStorageMount(step, notebookId, id, "UNMOUNTED"));
  let storage = await client.findStorage(notebookId, id);
  if (!storage || storage.status === "UNMOUNTED") return;
  if (storage.status === "UNMOUNTING") return waitUnmounted();
  if (storage.status === "MOUNTING") {
    storage = await waitForStorageMount(step, notebookId, id, "SETTLED");
    if (!storage || UNMOUNTED_STATUSES.has(String(storage.status))) return waitUnmounted();
  }
  if ((await requireRunningNotebook(step, notebookId, "unmount", urn)) === "GONE") return;
  try {
    if ((await client.detachStorage(notebookId, id)) === "gone") return;
  } catch (err) {
    // The notebook's own delete can start between the check above and the DELETE (a destroy runs both at once when
    // nothing orders them): "not running" then means the notebook takes its mounts with it, which is done.
    if (isApiError(err, "ModelArts.6327")) {
      const notebook = await client.findNotebook(notebookId);
      if (!notebook || GONE_STATUSES.has(String(notebook.status))) return;
      throw err;
    }
    if (!isApiError(err, "ModelArts.6357")) throw err;
    const now = await client.findStorage(notebookId, id);
    if (now && !UNMOUNTED_STATUSES.has(String(now.status))) throw err;
  }
  return waitUnmounted();
}
