import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { describeNotebookFailure, FAILED_STATUSES } from "../api/notebookStatuses.js";
import { WaitError } from "../base/errors.js";
import type { ChangePlan } from "../frame/changePlan.js";
import { applyChanges } from "./applyChanges.js";
import { refuseFlavorSwitchBeforeUpdate } from "./flavorSwitch.js";
import type { NotebookStep } from "./powerState.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";
import { waitForNotebook } from "./waitForNotebook.js";

/**
 * Changes a notebook in place (applyChanges.ts). A flavor it cannot switch to is refused first, with nothing
 * changed. It then lets a pending notebook settle: this is also how a create that timed out (recorded with init
 * errors) is resumed by the next `pulumi up`. From then on a failure records the notebook as last seen.
 */
export async function updateNotebook(
  step: NotebookStep,
  notebook: Notebook,
  olds: NotebookOutputs,
  news: NotebookInputs,
  plan: ChangePlan,
): Promise<Notebook> {
  const id = notebook.id!;
  // Before anything is stopped: a flavor the notebook cannot switch to is refused with nothing changed.
  if (plan.restarts.includes("flavor")) await refuseFlavorSwitchBeforeUpdate(step, id, notebook.flavor, news.flavor);
  let lastSeen = step.saw(notebook);
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
    lastSeen = step.saw(await waitForNotebook({ ...step, id, target: "READY" }));
  }
  lastSeen = step.saw(await applyChanges(step, lastSeen, olds, news, plan));
  return (await step.client.findNotebook(id)) ?? lastSeen;
}
