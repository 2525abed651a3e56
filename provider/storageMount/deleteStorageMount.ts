import { isApiError } from "../base/errorClassification.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { operationError, type Subject } from "../base/operationError.js";
import { getProviderContext } from "../frame/providerContext.js";
import { operationDeadline } from "../frame/timeouts.js";
import { DEFAULT_TIMEOUTS, KIND } from "./fields.js";
import { unmarkMount } from "./mountMarkTag.js";
import { requireRunningNotebook } from "./runningNotebook.js";
import { GONE_STATUSES } from "../notebook/statusClasses.js";
import { UNMOUNTED_STATUSES } from "./statusClasses.js";
import type { StorageMountOutputs } from "./types.js";
import { waitForStorageMount, type StorageStep } from "./waitForStorageMount.js";

/**
 * DELETE the mount, then wait until it is UNMOUNTED or the API no longer knows it (as Terraform does). A mount
 * already gone, or whose notebook is gone or being deleted, is done. A MOUNTING one is let settle first, since the
 * API unmounts only MOUNTED or failed mounts from a RUNNING notebook (§12). A retried DELETE whose first answer
 * was lost finds the mount unmounting (6357) or gone: both are success. Then the mount's mark leaves the notebook's
 * tags (mountMarkTag.ts); a delete that fails there is run again by the next `pulumi destroy`, which finds the
 * mount gone and removes the mark.
 */
export async function deleteStorageMount(id: string, props: Partial<StorageMountOutputs>): Promise<void> {
  const subject: Subject = { kind: KIND, name: props.mountPath, id };
  // One deadline for the whole delete: the settling wait, the notebook check, the DELETE and the unmount.
  const deadline = operationDeadline(props.timeouts, "delete", DEFAULT_TIMEOUTS);
  try {
    const notebookId = props.notebookId;
    // Without its notebook's id nothing can be asked about the mount (state from a failed get): nothing to do.
    if (typeof notebookId !== "string") return;
    const ctx = await deadline.race(getProviderContext());
    const step: StorageStep = {
      client: new NotebooksClient({ ...ctx.connection, deadline }),
      notebookId,
      subject,
      verb: "delete",
      deadline,
      schedule: ctx.schedule,
    };
    await unmount(step, id, props.__urn);
    await unmarkMount(step, props.mountPath, props.uri);
  } catch (err) {
    throw operationError("delete", subject, err);
  } finally {
    deadline.dispose();
  }
}

async function unmount(step: StorageStep, id: string, urn: string | undefined): Promise<void> {
  const { client, notebookId } = step;
  const waitUnmounted = async () => void (await waitForStorageMount(step, id, "UNMOUNTED"));
  let storage = await client.findStorage(notebookId, id);
  if (!storage || storage.status === "UNMOUNTED") return;
  if (storage.status === "UNMOUNTING") return waitUnmounted();
  if (storage.status === "MOUNTING") {
    storage = await waitForStorageMount(step, id, "SETTLED");
    if (!storage || UNMOUNTED_STATUSES.has(String(storage.status))) return waitUnmounted();
  }
  if ((await requireRunningNotebook(step, "unmount", urn)) === "GONE") return;
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
