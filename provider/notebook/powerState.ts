import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { requestAction } from "../frame/requestAction.js";
import type { Step } from "../frame/Step.js";
import { leaseOf } from "./mapping.js";
import { STARTING_STATUSES } from "../api/notebookStatuses.js";
import type { NotebookAutoStopInput, NotebookInputs } from "./types.js";
import { waitForNotebook } from "./waitForNotebook.js";

/** Answers that mean "already there or on the way" [notebooks §8, §14]. */
const START_DONE_CODES: ReadonlySet<string> = new Set(["ModelArts.6305", "ModelArts.6306"]);
/** 6357 on a stop means "already in the target state" (Terraform reads it so too). */
const STOP_DONE_CODES: ReadonlySet<string> = new Set(["ModelArts.6307", "ModelArts.6308", "ModelArts.6357"]);

/** One operation on a notebook: the frame's step, with the notebooks API's client. */
export type NotebookStep = Step<NotebooksClient, Notebook>;

/** Start (with the declared auto-stop, which applies from each start) and wait until RUNNING. */
export async function startNotebook(step: NotebookStep, id: string, autoStop: NotebookAutoStopInput | undefined) {
  await requestAction(() => step.client.startNotebook(id, leaseOf(autoStop)), START_DONE_CODES);
  return waitForNotebook({ ...step, id, target: "RUNNING", startedAs: { status: "STARTING" } });
}

/** Stop and wait until STOPPED; a notebook still starting is let finish first (6306 otherwise). */
export async function stopNotebook(step: NotebookStep, notebook: Notebook): Promise<Notebook> {
  const id = notebook.id!;
  if (STARTING_STATUSES.has(String(notebook.status))) await waitForNotebook({ ...step, id, target: "RUNNING" });
  await requestAction(() => step.client.stopNotebook(id), STOP_DONE_CODES);
  return waitForNotebook({ ...step, id, target: "STOPPED", startedAs: { status: "STOPPING" } });
}

/** Brings a settled notebook to the declared power state; without one, nothing happens. */
export async function enforcePowerState(
  step: NotebookStep,
  notebook: Notebook,
  desired: NotebookInputs["desiredStatus"],
  autoStop: NotebookAutoStopInput | undefined,
): Promise<Notebook> {
  if (desired === undefined || notebook.status === desired) return notebook;
  if (desired === "RUNNING") {
    if (notebook.status === "STOPPING") await waitForNotebook({ ...step, id: notebook.id!, target: "STOPPED" });
    return startNotebook(step, notebook.id!, autoStop);
  }
  return stopNotebook(step, notebook);
}
