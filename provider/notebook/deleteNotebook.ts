import { InvalidResponseError } from "../base/errors.js";
import { isApiError, isStateRefusal } from "../base/errorClassification.js";
import { stopNotebook, type NotebookStep } from "./powerState.js";
import { GONE_STATUSES, STARTING_STATUSES } from "../api/notebookStatuses.js";
import { waitForNotebook } from "./waitForNotebook.js";

/**
 * DELETE, then wait until the API says the notebook does not exist (or shows it DELETED). Whether a running
 * notebook can be deleted is an open question ([notebooks §19] question 2): Terraform deletes it
 * as it is, and ModelArts.6304 ("stop the instance before deleting") exists; the DELETE is sent as Terraform does,
 * straight away (no read first: what is destroyed is nearly always settled, and the DELETE's own answer says
 * whether it was). The API's not-found answer is gone. Any ModelArts refusal (6304, a transition in progress)
 * reads the notebook and goes the long way: a notebook still starting is let finish, 6304 is met by a stop and a
 * second DELETE, and a retried DELETE whose first answer was lost finds the notebook deleting (6357) or gone: both
 * are success. An unreadable answer is settled by the notebook's own state (deleting or gone completes the
 * delete); anything else, a gateway 404 for one, is an error.
 */
export async function deleteNotebook(step: NotebookStep, id: string): Promise<void> {
  const waitGone = () => waitForNotebook({ ...step, id, target: "GONE", startedAs: { status: "DELETING" } });
  let answer: "deleting" | "gone" | "refused";
  try {
    answer = await step.client.deleteNotebook(id);
  } catch (err) {
    if (err instanceof InvalidResponseError) return settleUnreadableDelete(step, id, err);
    if (!isStateRefusal(err)) throw err;
    answer = "refused";
  }
  if (answer === "gone") return;
  if (answer === "deleting") return waitGone();
  return removeFromStatus(step, id);
}

/** The long way, from what a GET shows. */
async function removeFromStatus(step: NotebookStep, id: string): Promise<void> {
  const { client } = step;
  const waitGone = () => waitForNotebook({ ...step, id, target: "GONE", startedAs: { status: "DELETING" } });
  let notebook = await client.findNotebook(id);
  if (!notebook) return;
  if (GONE_STATUSES.has(String(notebook.status))) return waitGone();
  // A notebook still starting is let finish: a transition refuses most operations (6306, 6357).
  if (STARTING_STATUSES.has(String(notebook.status)) || notebook.status === "STOPPING") {
    notebook = await waitForNotebook({ ...step, id, target: "READY" });
  }
  try {
    if ((await client.deleteNotebook(id)) === "gone") return;
  } catch (err) {
    if (err instanceof InvalidResponseError || isApiError(err, "ModelArts.6357")) {
      return settleUnreadableDelete(step, id, err);
    } else if (isApiError(err, "ModelArts.6304")) {
      await stopNotebook(step, notebook);
      if ((await client.deleteNotebook(id)) === "gone") return;
    } else {
      throw err;
    }
  }
  return waitGone();
}

/**
 * A DELETE whose answer cannot be read (or that says "already deleting"): the notebook's own state, by a validated
 * GET, decides. Gone or deleting completes the delete; anything else fails it with the DELETE's error.
 */
async function settleUnreadableDelete(step: NotebookStep, id: string, err: unknown): Promise<void> {
  const now = await step.client.findNotebook(id);
  if (!now) return;
  if (!GONE_STATUSES.has(String(now.status))) throw err;
  return waitForNotebook({ ...step, id, target: "GONE", startedAs: { status: "DELETING" } });
}
