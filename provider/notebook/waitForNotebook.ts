import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import type { Subject } from "../base/operationError.js";
import type { PollSchedule } from "../settings/pollScheduleFromEnv.js";
import { waitForStatus } from "../frame/waitForStatus.js";
import type { StatusSighting } from "../wait/pollSchedule.js";
import { classifyNotebook, notebookReading, type NotebookWaitTarget } from "../api/notebookStatuses.js";
import type { Deadline } from "../wait/Deadline.js";

export interface WaitForNotebookOptions {
  /** What the operation's own answer showed (CREATING after a create, STOPPING after a stop): the schedule starts there. */
  startedAs?: StatusSighting;
  /** When the operation's answer came, if the wait starts later (see waitForStatus). */
  startedAt?: number;
  client: NotebooksClient;
  id: string;
  subject: Subject;
  /** The operation's one deadline (frame/timeouts.ts operationDeadline). */
  deadline: Deadline;
  schedule: PollSchedule;
  verb: string;
  /** Each object a poll showed (the frame step's `observe`). */
  observe?(object: Notebook): void;
}

/** Polls until the notebook reaches `target`, or is gone ("GONE": the API's not-found answer or DELETED). */
export function waitForNotebook(options: WaitForNotebookOptions & { target: "GONE" }): Promise<undefined>;
export function waitForNotebook(options: WaitForNotebookOptions & { target: NotebookWaitTarget }): Promise<Notebook>;
export async function waitForNotebook(
  options: WaitForNotebookOptions & { target: NotebookWaitTarget | "GONE" },
): Promise<Notebook | undefined> {
  const { target } = options;
  const found = await waitForStatus<Notebook>({
    reading: notebookReading(options.client),
    id: options.id,
    subject: options.subject,
    verb: options.verb,
    targetName: target,
    untilGone: target === "GONE",
    deadline: options.deadline,
    schedule: options.schedule,
    ...(options.observe && { observe: options.observe }),
    ...(options.startedAs && { startedAs: options.startedAs }),
    ...(options.startedAt !== undefined && { startedAt: options.startedAt }),
    classify: (notebook) => {
      if (target === "GONE") return notebook.status === "DELETED" ? { state: "SUCCESS" } : { state: "RETRY" };
      return classifyNotebook(notebook, target);
    },
  });
  return target === "GONE" ? undefined : found;
}
