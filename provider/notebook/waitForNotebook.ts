import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { classifyNotebook, notebookReading, type NotebookWaitTarget } from "../api/notebookStatuses.js";
import { waitForObject, type ObjectWait } from "../frame/waitForStatus.js";

export type WaitForNotebookOptions = ObjectWait<NotebooksClient, Notebook>;

/** Polls until the notebook reaches `target`, or is gone ("GONE": the API's not-found answer or DELETED). */
export function waitForNotebook(options: WaitForNotebookOptions & { target: "GONE" }): Promise<undefined>;
export function waitForNotebook(options: WaitForNotebookOptions & { target: NotebookWaitTarget }): Promise<Notebook>;
export function waitForNotebook(
  options: WaitForNotebookOptions & { target: NotebookWaitTarget | "GONE" },
): Promise<Notebook | undefined> {
  return waitForObject(options, notebookReading(options.client), (notebook, target) => {
    if (target === "GONE") return notebook.status === "DELETED" ? { state: "SUCCESS" } : { state: "RETRY" };
    return classifyNotebook(notebook, target);
  });
}
