import { VOLUME_PENDING_STATUSES, type Notebook } from "../../protocol/notebooks/wireTypes.js";
import type { StatusSighting, StatusTimings } from "../wait/pollSchedule.js";
import type { StatusReading } from "../wait/statusReading.js";
import type { WaitVerdict } from "../wait/waitFor.js";
import type { NotebooksClient } from "./NotebooksClient.js";

/**
 * The notebooks API's notebook statuses by what they mean to a waiter [notebooks §14], their timings, and how a
 * notebook reads to a waiter: here, below the resources, because a storage mount waits for its notebook too. FROZEN
 * (an account in arrears, ModelArts.6326) is a failure for a wait: nothing the provider does unfreezes it.
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

/**
 * READY (what a create waits for when the power state is not managed) accepts RUNNING, and STOPPED too: an
 * auto-stop may already have stopped a healthy notebook. Even at its target, a notebook whose EVS volume is still
 * INITIALIZING, RESIZING or DELETING is not done (Terraform waits for it too, [notebooks §14]).
 */
export function classifyNotebook(notebook: Notebook, target: NotebookWaitTarget): WaitVerdict {
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

/**
 * How long each status typically lasts, for the poll schedule (wait/pollSchedule.ts). The docs give no
 * figures: these are the emulator's (a create's CREATING walks the four `action_progress` steps in about 30 s and
 * ends RUNNING; a start 10 s; a stop or a delete 5 s). The last step of a create is polled quickly, the earlier ones
 * slowly; a service that differs costs some lag or some GETs, never a hang (the schedule is capped).
 */
export const NOTEBOOK_STATUS_TIMINGS: StatusTimings = {
  INIT: { typicalMs: 5_000, next: "CREATING" },
  CREATING: { typicalMs: 30_000 },
  "CREATING/1": { typicalMs: 7_500, next: "CREATING/2" },
  "CREATING/2": { typicalMs: 7_500, next: "CREATING/3" },
  "CREATING/3": { typicalMs: 7_500, next: "CREATING/4" },
  "CREATING/4": { typicalMs: 7_500 },
  STARTING: { typicalMs: 10_000 },
  STOPPING: { typicalMs: 5_000 },
  DELETING: { typicalMs: 5_000 },
};

/** The service's reason for a failure (`fail_reason`, [notebooks §3]). */
export function describeNotebookFailure(notebook: Notebook): string[] {
  return notebook.fail_reason ? [notebook.fail_reason] : [];
}

/**
 * Where a notebook is within its status, for the progress line: the init step being worked on
 * (`action_progress`, steps 1 to 4, [notebooks §3]) or an EVS volume that is resizing [notebooks §4.2].
 */
export function notebookDetail(notebook: Notebook): string | undefined {
  const current = currentStep(notebook);
  if (current?.step !== undefined) {
    return `step ${current.step} of 4${current.description ? `: ${current.description}` : ""}`;
  }
  if (notebook.volume?.status && notebook.volume.status !== "ATTACHED" && notebook.volume.status !== "AVAILABLE") {
    return `volume ${notebook.volume.status}`;
  }
  return undefined;
}

/** The init step being worked on: the one PROCESSING, or else the first still WAITING. */
function currentStep(notebook: Notebook) {
  const steps = notebook.action_progress ?? [];
  return steps.find((s) => s.status === "PROCESSING") ?? steps.find((s) => s.status === "WAITING");
}

/** What a notebook shows the poll schedule: its status and the init step being worked on. */
export function sightingOf(notebook: Notebook): StatusSighting {
  const step = currentStep(notebook)?.step;
  return { status: String(notebook.status), ...(step !== undefined && { progressStep: step }) };
}

/** How a notebook reads to a status waiter (frame/waitForStatus.ts). */
export function notebookReading(client: NotebooksClient): StatusReading<Notebook> {
  return {
    find: (id, look) => client.findNotebook(id, { poll: true, ...look }),
    status: (notebook) => String(notebook.status),
    detail: notebookDetail,
    reasons: describeNotebookFailure,
    sighting: sightingOf,
    timings: NOTEBOOK_STATUS_TIMINGS,
    congested: () => client.congested,
  };
}
