import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import type { Subject } from "../core/operationError.js";
import type { PollSchedule } from "../core/pollScheduleFromEnv.js";
import { waitForStatus, type StatusReading } from "../core/waitForStatus.js";
import type { StatusSighting } from "../wait/pollSchedule.js";
import { classifyNotebook, NOTEBOOK_STATUS_TIMINGS, type NotebookWaitTarget } from "./statusClasses.js";
import type { Deadline } from "../wait/Deadline.js";

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

function readingOf(client: NotebooksClient): StatusReading<Notebook> {
  return {
    find: (id) => client.findNotebook(id, { poll: true }),
    status: (notebook) => String(notebook.status),
    detail: notebookDetail,
    reasons: describeNotebookFailure,
    sighting: sightingOf,
    timings: NOTEBOOK_STATUS_TIMINGS,
    congested: () => client.congested,
  };
}

export interface WaitForNotebookOptions {
  /** What the operation's own answer showed (CREATING after a create, STOPPING after a stop): the schedule starts there. */
  startedAs?: StatusSighting;
  /** When the operation's answer came, if the wait starts later (see waitForStatus). */
  startedAt?: number;
  client: NotebooksClient;
  id: string;
  subject: Subject;
  /** The operation's one deadline (core/timeouts.ts operationDeadline). */
  deadline: Deadline;
  schedule: PollSchedule;
  verb: string;
}

/** Polls until the notebook reaches `target`, or is gone ("GONE": the API's not-found answer or DELETED). */
export function waitForNotebook(options: WaitForNotebookOptions & { target: "GONE" }): Promise<undefined>;
export function waitForNotebook(options: WaitForNotebookOptions & { target: NotebookWaitTarget }): Promise<Notebook>;
export async function waitForNotebook(
  options: WaitForNotebookOptions & { target: NotebookWaitTarget | "GONE" },
): Promise<Notebook | undefined> {
  const { target } = options;
  const found = await waitForStatus<Notebook>({
    reading: readingOf(options.client),
    id: options.id,
    subject: options.subject,
    verb: options.verb,
    targetName: target,
    untilGone: target === "GONE",
    deadline: options.deadline,
    schedule: options.schedule,
    ...(options.startedAs && { startedAs: options.startedAs }),
    ...(options.startedAt !== undefined && { startedAt: options.startedAt }),
    classify: (notebook) => {
      if (target === "GONE") return notebook.status === "DELETED" ? { state: "SUCCESS" } : { state: "RETRY" };
      return classifyNotebook(notebook, target);
    },
  });
  return target === "GONE" ? undefined : found;
}
