import { NOTEBOOK_TAG_LIMIT } from "../../protocol/notebooks/wireTypes.js";
import { markNamesUri, mountMarkKey, mountMarkTag } from "../api/mountMark.js";
import { GONE_STATUSES } from "../api/notebookStatuses.js";
import { ConflictError } from "../base/errors.js";
import type { StorageMountInputs } from "./types.js";
import type { StorageStep } from "./waitForStorageMount.js";

/**
 * The mark that lets the notebook's `mounts` output say this package's NotebookStorageMount mounted a storage
 * (api/mountMark.ts): a tag of the notebook, in the notebook's workspace. Written before the POST, so that a mount
 * never exists unmarked while a resource declares it; a mark that cannot be written fails the create with nothing
 * mounted. The tag call upserts by key, so a replacement at the same path, or a retried create, writes the same key.
 * The tag service keeps 20 tags per notebook ([notebooks §19] question 10) and each managed mount takes one: a
 * notebook that already has them all is refused here, from the tags just read, naming the limit and what to do, before
 * any tag or mount request.
 */
export async function markMount(
  step: StorageStep,
  inputs: Pick<StorageMountInputs, "notebookId" | "mountPath" | "uri">,
): Promise<void> {
  const notebook = await step.client.getNotebook(inputs.notebookId);
  const mark = mountMarkTag(inputs.mountPath, inputs.uri);
  const keys = new Set((notebook.tags ?? []).map((t) => t.key));
  if (!keys.has(mark.key) && keys.size >= NOTEBOOK_TAG_LIMIT) throw tagLimitReached(inputs.notebookId, keys.size);
  await step.client.createTags(inputs.notebookId, [mark], notebook.workspace_id);
}

function tagLimitReached(notebookId: string, count: number): ConflictError {
  return new ConflictError(
    `notebook ${notebookId} has ${count} tags, the most a notebook keeps (${NOTEBOOK_TAG_LIMIT}), and a ` +
      "NotebookStorageMount marks its notebook with one more (pulumi-modelarts.mount.<hash>, which makes the mount " +
      "managed in the notebook's `mounts`): remove a tag from the notebook (from its Notebook's `tags`, which take at " +
      "most 19 beside the owner tag, or one set in the console) and run `pulumi up` again. Nothing was mounted",
    "NotebookTagLimit",
  );
}

/**
 * After the unmount (or when the mount is already gone): removes the mark of this path if it names this uri. A
 * mark for another uri at the path is another resource's (its mount came after this one left the path) and stays;
 * a notebook that is gone or being deleted takes its tags with it.
 */
export async function unmarkMount(
  step: StorageStep,
  notebookId: string,
  mountPath: unknown,
  uri: unknown,
): Promise<void> {
  if (typeof mountPath !== "string" || typeof uri !== "string") return;
  const notebook = await step.client.findNotebook(notebookId);
  if (!notebook || GONE_STATUSES.has(String(notebook.status))) return;
  const key = mountMarkKey(mountPath);
  const mark = notebook.tags?.find((t) => t.key === key);
  if (mark === undefined || !markNamesUri(mark.value, uri)) return;
  await step.client.deleteTags(notebookId, [{ key, value: mark.value ?? "" }], notebook.workspace_id);
}

/**
 * Runs the mount's POST with its mark in place: a POST that fails leaves no mount any resource records, so the mark
 * goes too (if removing it fails as well, the POST's error is the one reported; the stale mark names a path and a uri
 * that nothing holds, and the next create at that path writes it again).
 */
export async function withMountMark<T>(
  step: StorageStep,
  inputs: Pick<StorageMountInputs, "notebookId" | "mountPath" | "uri">,
  mount: () => Promise<T>,
): Promise<T> {
  await markMount(step, inputs);
  try {
    return await mount();
  } catch (err) {
    await unmarkMount(step, inputs.notebookId, inputs.mountPath, inputs.uri).catch(() => undefined);
    throw err;
  }
}
