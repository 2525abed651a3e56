import type { NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError, WaitError } from "../base/errors.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { operationError, type Subject } from "../base/operationError.js";
import { partialFailure } from "../frame/partialFailure.js";
import { getProviderContext } from "../frame/providerContext.js";
import { operationDeadline } from "../frame/timeouts.js";
import type { Deadline } from "../wait/Deadline.js";
import { DEFAULT_TIMEOUTS, KIND } from "./fields.js";
import { toOutputs } from "./mapping.js";
import { UNMOUNTED_STATUSES } from "./statusClasses.js";
import type { StorageMountInputs, StorageMountOutputs } from "./types.js";
import { waitForStorageMount, type StorageStep } from "./waitForStorageMount.js";

/**
 * Nothing about a mount changes in place (diff replaces for every input but the timeouts), so an update applies new
 * timeouts, and resumes the wait of a mount that an earlier create left MOUNTING (recorded with init errors).
 */
export async function updateStorageMount(
  id: string,
  olds: StorageMountOutputs,
  news: StorageMountInputs,
): Promise<{ outs: StorageMountOutputs }> {
  // One deadline for the read and the resumed wait.
  const deadline = operationDeadline(news.timeouts, "update", DEFAULT_TIMEOUTS);
  try {
    return await updateWithin(id, olds, news, deadline);
  } finally {
    deadline.dispose();
  }
}

async function updateWithin(
  id: string,
  olds: StorageMountOutputs,
  news: StorageMountInputs,
  deadline: Deadline,
): Promise<{ outs: StorageMountOutputs }> {
  const subject: Subject = { kind: KIND, name: news.mountPath, id };
  let step: StorageStep;
  let storage: NotebookStorage | undefined;
  try {
    const ctx = await deadline.race(getProviderContext());
    step = {
      client: new NotebooksClient({ ...ctx.connection, deadline }),
      notebookId: olds.notebookId,
      subject,
      verb: "update",
      deadline,
      schedule: ctx.schedule,
    };
    storage = await step.client.findStorage(olds.notebookId, id);
  } catch (err) {
    throw operationError("update", subject, err);
  }
  if (!storage || UNMOUNTED_STATUSES.has(String(storage.status))) {
    throw operationError(
      "update",
      subject,
      new ConflictError(
        "it is no longer mounted; run `pulumi refresh` to forget it, then `pulumi up` to mount it again",
        "Gone",
      ),
    );
  }
  if (storage.status !== "MOUNTING") return { outs: toOutputs(storage, news) };
  try {
    const mounted = await waitForStorageMount(step, id, "MOUNTED");
    return { outs: toOutputs(mounted ?? storage, news) };
  } catch (err) {
    const seen = err instanceof WaitError ? ((err.lastSeen as NotebookStorage | undefined) ?? storage) : storage;
    const failure = operationError("update", subject, err);
    throw partialFailure({
      message: failure.message,
      id,
      properties: { ...toOutputs(seen, news) },
      providerString: news.__provider,
      cause: failure,
    });
  }
}
