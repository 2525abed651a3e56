import { VOLUME_PENDING_STATUSES, type Notebook } from "../../protocol/notebooks/wireTypes.js";

/**
 * Notebook statuses by what they mean to a waiter [notebooks §14]. FROZEN (an account in
 * arrears, ModelArts.6326) is a failure for a wait: nothing the provider does unfreezes it.
 */
export const FAILED_STATUSES: ReadonlySet<string> = new Set([
  "CREATE_FAILED",
  "START_FAILED",
  "DELETE_FAILED",
  "ERROR",
  "FROZEN",
]);
/** On the way to RUNNING; SNAPSHOTTING (saving an image) returns to RUNNING. */
export const STARTING_STATUSES: ReadonlySet<string> = new Set(["INIT", "CREATING", "STARTING", "SNAPSHOTTING"]);
export const GONE_STATUSES: ReadonlySet<string> = new Set(["DELETING", "DELETED"]);
const PENDING_VOLUME: ReadonlySet<string> = new Set(VOLUME_PENDING_STATUSES);

export type NotebookWaitTarget = "RUNNING" | "STOPPED" | "READY";

export type NotebookVerdict = { state: "SUCCESS" } | { state: "RETRY" } | { state: "FAILURE"; reason: string };

/**
 * READY (what a create waits for when the power state is not managed) accepts RUNNING, and STOPPED too: an
 * auto-stop may already have stopped a healthy notebook. Even at its target, a notebook whose EVS volume is still
 * INITIALIZING, RESIZING or DELETING is not done (Terraform waits for it too, [notebooks §14]).
 */
export function classifyNotebook(notebook: Notebook, target: NotebookWaitTarget): NotebookVerdict {
  const status = String(notebook.status);
  if (FAILED_STATUSES.has(status)) return { state: "FAILURE", reason: `the notebook is ${status}` };
  if (GONE_STATUSES.has(status)) return { state: "FAILURE", reason: `the notebook is being deleted (${status})` };
  const volumePending = notebook.volume?.status !== undefined && PENDING_VOLUME.has(notebook.volume.status);
  const reached =
    (target === "RUNNING" && status === "RUNNING") ||
    (target === "STOPPED" && status === "STOPPED") ||
    (target === "READY" && (status === "RUNNING" || status === "STOPPED"));
  if (reached) return volumePending ? { state: "RETRY" } : { state: "SUCCESS" };
  // Anything else (starting, stopping, running while a stop was asked for, a status not in the docs) is pending.
  return { state: "RETRY" };
}

/** The power state a status settles into, for drift of `desiredStatus`. */
export function powerStateOf(status: string): "RUNNING" | "STOPPED" | undefined {
  if (status === "RUNNING" || STARTING_STATUSES.has(status)) return "RUNNING";
  if (status === "STOPPED" || status === "STOPPING") return "STOPPED";
  return undefined;
}
