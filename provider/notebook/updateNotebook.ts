import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError, WaitError } from "../base/errors.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { nameTheInput } from "../frame/namedInputError.js";
import { operationError, type Subject } from "../base/operationError.js";
import { partialFailure } from "../frame/partialFailure.js";
import { getProviderContext } from "../frame/providerContext.js";
import { operationDeadline } from "../frame/timeouts.js";
import { applyChanges } from "./applyChanges.js";
import { diffNotebook } from "./diffNotebook.js";
import { DEFAULT_TIMEOUTS, INPUT_ERROR_CODES } from "./fields.js";
import { refuseFlavorSwitchBeforeUpdate } from "./flavorSwitch.js";
import { toOutputs } from "./mapping.js";
import type { NotebookStep } from "./powerState.js";
import { FAILED_STATUSES } from "../api/notebookStatuses.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";
import type { Deadline } from "../wait/Deadline.js";
import { waitForNotebook } from "./waitForNotebook.js";
import { describeNotebookFailure } from "../api/notebookStatuses.js";

/**
 * Changes a notebook in place (applyChanges.ts). It first lets a pending notebook settle: this is also how a
 * create that timed out (recorded with init errors) is resumed by the next `pulumi up`. After a call succeeded, a
 * failure is a partial failure (the notebook and its new state are recorded).
 */
export async function updateNotebook(
  id: string,
  olds: NotebookOutputs,
  news: NotebookInputs,
): Promise<{ outs: NotebookOutputs }> {
  // One deadline for everything below: a flavor change's stop, PUT and start share it.
  const deadline = operationDeadline(news.timeouts, "update", DEFAULT_TIMEOUTS);
  try {
    return await updateWithin(id, olds, news, deadline);
  } finally {
    deadline.dispose();
  }
}

async function updateWithin(
  id: string,
  olds: NotebookOutputs,
  news: NotebookInputs,
  deadline: Deadline,
): Promise<{ outs: NotebookOutputs }> {
  const subject: Subject = { kind: "notebook", name: olds.name ?? news.name, id };
  let step: NotebookStep;
  let notebook: Notebook | undefined;
  try {
    const ctx = await deadline.race(getProviderContext());
    step = {
      client: new NotebooksClient({ ...ctx.connection, deadline }),
      subject,
      verb: "update",
      deadline,
      schedule: ctx.schedule,
    };
    notebook = await step.client.findNotebook(id);
  } catch (err) {
    throw operationError("update", subject, err);
  }
  if (!notebook) {
    throw operationError(
      "update",
      subject,
      new ConflictError(
        "it no longer exists; run `pulumi refresh` to forget it, then `pulumi up` to create it again",
        "Gone",
      ),
    );
  }
  // Before anything is stopped: a flavor the notebook cannot switch to is refused with nothing changed.
  if (diffNotebook(olds, news).restarts.includes("flavor")) {
    await refuseFlavorSwitchBeforeUpdate(step, id, notebook.flavor, news.flavor);
  }
  let lastSeen = notebook;
  try {
    if (FAILED_STATUSES.has(String(notebook.status)) && notebook.status !== "START_FAILED") {
      const reasons = describeNotebookFailure(notebook);
      throw new WaitError<Notebook>(
        `the notebook is ${String(notebook.status)}${reasons.length ? ` (${reasons.join("; ")})` : ""}; it cannot be ` +
          "repaired in place: replace it (`pulumi up --replace <urn>`) or destroy it",
        "failed",
        notebook,
        reasons,
      );
    }
    if (notebook.status !== "RUNNING" && notebook.status !== "STOPPED" && notebook.status !== "START_FAILED") {
      lastSeen = await waitForNotebook({ ...step, id, target: "READY" });
    }
    lastSeen = await applyChanges(step, lastSeen, olds, news);
    lastSeen = (await step.client.findNotebook(id)) ?? lastSeen;
    return { outs: toOutputs(lastSeen, news) };
  } catch (err) {
    const seen = err instanceof WaitError ? ((err.lastSeen as Notebook | undefined) ?? lastSeen) : lastSeen;
    const failure = operationError("update", subject, nameTheInput(err, news, INPUT_ERROR_CODES));
    throw partialFailure({
      message: failure.message,
      id,
      properties: { ...toOutputs(seen, news) },
      providerString: news.__provider,
      cause: failure,
    });
  }
}
