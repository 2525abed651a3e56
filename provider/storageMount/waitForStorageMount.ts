import type { NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import type { Step } from "../frame/Step.js";
import { waitForStatus } from "../frame/waitForStatus.js";
import { classifyStorage, STORAGE_STATUS_TIMINGS, type StorageWaitTarget } from "./statusClasses.js";

/** One operation on a mount: the frame's step, with the notebooks API's client. */
export type StorageStep = Step<NotebooksClient, NotebookStorage>;

/** The service's reason for a failed mount or unmount (`failure_reason`, §12). */
export function describeStorageFailure(storage: NotebookStorage): string[] {
  return storage.failure_reason ? [storage.failure_reason] : [];
}

/**
 * Polls the mount until `target` (classifyStorage); for UNMOUNTED and GONE the API's not-found answer is success
 * (an unmounted storage leaves the listing, and so does every mount of a deleted notebook). Returns the last mount
 * seen, or undefined when it is gone.
 */
export async function waitForStorageMount(
  step: StorageStep,
  notebookId: string,
  storageId: string,
  target: StorageWaitTarget,
): Promise<NotebookStorage | undefined> {
  return waitForStatus<NotebookStorage>({
    reading: {
      find: (id, look) => step.client.findStorage(notebookId, id, { poll: true, ...look }),
      status: (storage) => String(storage.status),
      reasons: describeStorageFailure,
      sighting: (storage) => ({ status: String(storage.status) }),
      timings: STORAGE_STATUS_TIMINGS,
      congested: () => step.client.congested,
    },
    id: storageId,
    subject: step.subject,
    verb: step.verb,
    targetName: target,
    untilGone: target === "UNMOUNTED" || target === "GONE",
    deadline: step.deadline,
    schedule: step.schedule,
    observe: step.observe,
    classify: (storage) => classifyStorage(storage, target),
  });
}
