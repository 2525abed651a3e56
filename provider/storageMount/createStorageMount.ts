import { ConflictError } from "../base/errors.js";
import type { NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import { isRefusal } from "../base/errorClassification.js";
import { sanitizeServiceText } from "../base/redact.js";
import { samePath, toAttachRequest } from "./mapping.js";
import { withMountMark } from "./mountMarkTag.js";
import { requireRunningNotebook } from "./runningNotebook.js";
import { UNMOUNTED_STATUSES } from "./statusClasses.js";
import type { StorageMountInputs } from "./types.js";
import { waitForStorageMount, type StorageStep } from "./waitForStorageMount.js";

/**
 * Mounts the storage into its RUNNING notebook and waits until it is MOUNTED. A mount path is unique per notebook
 * (ModelArts.6336 for a second one), and it is what identifies the mount here. A mount has no owner mark (the API
 * has no tags or annotations for it [notebooks §12]; the notebook's tag this create writes before its POST,
 * mountMarkTag.ts, says only that some NotebookStorageMount declares this path and uri, for the notebook's `mounts`
 * output, not which one), so a mount already at the path before the POST is never taken to be this resource's: it
 * may have been made in the console. It is taken over only when `adoptId` names
 * it; otherwise the create fails naming it (a run interrupted before Pulumi recorded its mount leaves one there:
 * adopt it or unmount it). After an ambiguous POST failure the mount this POST made is looked up by its path
 * before any second POST: the path was free just before, so what holds it with this uri is this POST's. Once the
 * storage id is known, any failure is a partial failure: the engine records the mount (MOUNT_FAILED with the
 * service's reason, or still MOUNTING after a timeout) and the next `pulumi up` replaces or resumes it.
 */
export async function createStorageMount(step: StorageStep, inputs: StorageMountInputs): Promise<NotebookStorage> {
  if ((await requireRunningNotebook(step, inputs.notebookId, "mount")) === "GONE") {
    throw new ConflictError(`notebook ${inputs.notebookId} does not exist (or is being deleted)`, "NotebookGone");
  }
  const adopted = await adoptAtPath(step, inputs);
  const storage = step.saw(await withMountMark(step, inputs, async () => adopted ?? (await attach(step, inputs))));
  return (await waitForStorageMount(step, inputs.notebookId, storage.id!, "MOUNTED")) ?? storage;
}

/**
 * The notebook's live mount at this path, if any: not one that is unmounting or unmounted. A live mount whose path
 * the listing does not give may be at this one: that is an error, never "nothing there" (a second POST).
 */
async function liveMountAt(
  step: StorageStep,
  notebookId: string,
  mountPath: string,
): Promise<NotebookStorage | undefined> {
  const live = (await step.client.listStorages(notebookId)).filter((s) => !UNMOUNTED_STATUSES.has(String(s.status)));
  const unreadable = live.find((s) => s.mount_path === undefined);
  if (unreadable) {
    throw new ConflictError(
      `the service listed storage ${JSON.stringify(sanitizeServiceText(String(unreadable.id)).slice(0, 80))} on ` +
        `this notebook without a readable mount path, so the provider cannot tell whether it holds ${mountPath}; ` +
        "nothing was mounted. Retry when the listing shows its path",
      "UnreadableListingEntry",
    );
  }
  return live.find((s) => samePath(s.mount_path, mountPath));
}

/**
 * A mount already at the declared path, found before the POST: taken over only when `adoptId` names it, and
 * only with the declared uri, mounting or mounted. Anything else at the path fails the create, naming it and
 * leaving it alone; an `adoptId` with nothing live at the path fails too (never a new mount in its place).
 */
async function adoptAtPath(step: StorageStep, inputs: StorageMountInputs): Promise<NotebookStorage | undefined> {
  const existing = await liveMountAt(step, inputs.notebookId, inputs.mountPath);
  if (!existing) {
    if (inputs.adoptId === undefined) return undefined;
    throw new ConflictError(
      `adoptId names storage ${inputs.adoptId}, but nothing is mounted at ${inputs.mountPath} on this notebook`,
      "AdoptNotFound",
    );
  }
  const status = String(existing.status);
  const usable = existing.uri === inputs.uri && existing.id && (status === "MOUNTING" || status === "MOUNTED");
  if (usable && existing.id === inputs.adoptId) {
    step.progress(`adopting storage ${existing.id} (${inputs.uri}, ${status}), as adoptId asks`, "notice");
    return existing;
  }
  throw holdsPath(existing, inputs);
}

function holdsPath(existing: NotebookStorage, inputs: StorageMountInputs): ConflictError {
  const reason = existing.failure_reason ? ` (${existing.failure_reason})` : "";
  const what =
    `${inputs.mountPath} is taken on this notebook by storage ${existing.id ?? "?"} (${existing.uri ?? "?"}, ` +
    `${String(existing.status)}${reason})`;
  const status = String(existing.status);
  if (existing.uri === inputs.uri && existing.id && (status === "MOUNTING" || status === "MOUNTED")) {
    const adoptNote = inputs.adoptId !== undefined ? ` (adoptId names ${inputs.adoptId}, not this storage)` : "";
    return new ConflictError(
      `${what}${adoptNote}, not made by this resource as far as the provider can tell (a mount has no owner ` +
        "mark): mounted in the console, or left by a run interrupted before Pulumi recorded it. It was left " +
        `untouched: set adoptId: "${existing.id}" to take it over, or unmount it`,
      "MountPathTaken",
    );
  }
  return new ConflictError(`${what}; unmount it, or choose another mountPath`, "MountPathTaken");
}

/**
 * POST the mount. After an ambiguous failure (the connection broke, a 5xx) the mount is looked up by its path:
 * found with our uri, it is ours; nothing there, a second POST is safe; another storage there is a conflict. A
 * refusal while an unmounted mount still holds the path (the service may list it for a while) waits for it to
 * leave, then POSTs again.
 */
async function attach(step: StorageStep, inputs: StorageMountInputs): Promise<NotebookStorage> {
  const post = () =>
    step.client.attachStorage(inputs.notebookId, toAttachRequest(inputs), async () => {
      const found = await liveMountAt(step, inputs.notebookId, inputs.mountPath);
      if (!found) return { kind: "resend" };
      if (found.uri === inputs.uri && found.id) {
        step.progress(
          `storage ${found.id} holds the path with this uri: the mount this create's POST made (its answer was lost)`,
          "notice",
        );
        return { kind: "done", value: found };
      }
      return { kind: "fail", error: holdsPath(found, inputs) };
    });
  try {
    return await post();
  } catch (err) {
    if (!isRefusal(err)) throw err;
    const storages = await step.client.listStorages(inputs.notebookId);
    const leaving = storages.find((s) => samePath(s.mount_path, inputs.mountPath) && s.id);
    if (!leaving || !UNMOUNTED_STATUSES.has(String(leaving.status))) throw err;
    step.progress(`waiting for storage ${leaving.id} (${String(leaving.status)}) to leave the mount path`);
    await waitForStorageMount(step, inputs.notebookId, leaving.id!, "GONE");
    return post();
  }
}
