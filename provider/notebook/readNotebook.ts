import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { GONE_STATUSES } from "../api/notebookStatuses.js";
import type { NotebookStep } from "./powerState.js";

/**
 * The notebook as the API shows it, for refresh: undefined only for the API's own not-found answer (or a
 * DELETING/DELETED status), so a refresh never forgets a live notebook.
 */
export async function findLiveNotebook(step: NotebookStep, id: string): Promise<Notebook | undefined> {
  const notebook = await step.client.findNotebook(id);
  return notebook === undefined || GONE_STATUSES.has(String(notebook.status)) ? undefined : notebook;
}
