import type { NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import type { StatusTimings } from "../wait/pollSchedule.js";
import type { WaitVerdict } from "../wait/waitFor.js";

/**
 * Storage mount statuses by what they mean (docs/modelarts-notebooks-api.md §12): MOUNTING → MOUNTED |
 * MOUNT_FAILED; UNMOUNTING → UNMOUNTED | UNMOUNT_FAILED. A mount that is UNMOUNTING or UNMOUNTED is on its way
 * out, and the resource treats it as gone; UNMOUNT_FAILED is still mounted.
 */
export const UNMOUNTED_STATUSES: ReadonlySet<string> = new Set(["UNMOUNTING", "UNMOUNTED"]);
/** The API lets these be unmounted (§12); a MOUNTING one is let finish first. */
export const DETACHABLE_STATUSES: ReadonlySet<string> = new Set(["MOUNTED", "MOUNT_FAILED", "UNMOUNT_FAILED"]);

export type StorageWaitTarget = "MOUNTED" | "SETTLED" | "UNMOUNTED" | "GONE";

/**
 * MOUNTED waits a mount in; SETTLED waits out MOUNTING whatever it ends in (before an unmount); UNMOUNTED waits
 * one out (not found is success too, in the waiter); GONE waits until the API no longer knows it (an unmounted
 * mount that still holds its path). Any status not in the docs is pending.
 */
export function classifyStorage(storage: NotebookStorage, target: StorageWaitTarget): WaitVerdict {
  const status = String(storage.status);
  switch (target) {
    case "MOUNTED":
      if (status === "MOUNTED") return { state: "SUCCESS" };
      if (status === "MOUNT_FAILED") return { state: "FAILURE", reason: "the mount is MOUNT_FAILED" };
      if (UNMOUNTED_STATUSES.has(status) || status === "UNMOUNT_FAILED") {
        return { state: "FAILURE", reason: `the mount is being removed (${status})` };
      }
      return { state: "RETRY" };
    case "SETTLED":
      return status === "MOUNTING" ? { state: "RETRY" } : { state: "SUCCESS" };
    case "UNMOUNTED":
      if (status === "UNMOUNTED") return { state: "SUCCESS" };
      if (status === "UNMOUNT_FAILED") return { state: "FAILURE", reason: "the mount is UNMOUNT_FAILED" };
      return { state: "RETRY" };
    case "GONE":
      if (status === "UNMOUNT_FAILED") return { state: "FAILURE", reason: "the mount is UNMOUNT_FAILED" };
      return { state: "RETRY" };
  }
}

/** A mount and an unmount each take a few seconds (the emulator's 5 s; the docs give no figure, [notebooks §12]). */
export const STORAGE_STATUS_TIMINGS: StatusTimings = {
  MOUNTING: { typicalMs: 5_000 },
  UNMOUNTING: { typicalMs: 5_000 },
};
