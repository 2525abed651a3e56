import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { requestAction } from "../frame/requestAction.js";
import { STARTING_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs } from "./types.js";
import { waitForInstance, type InstanceStep } from "./waitForInstance.js";

/** Action answers that mean "already there or on the way" [demanager §3.5, §7.3]. */
export const START_DONE_CODES: ReadonlySet<string> = new Set(["ModelArts.6305", "ModelArts.6306"]);
export const STOP_DONE_CODES: ReadonlySet<string> = new Set(["ModelArts.6307", "ModelArts.6308"]);

/**
 * Brings a settled instance to the declared power state: start a stopped (or start-failed) instance, stop a
 * running one, then wait. Without a declared state, nothing happens.
 */
export async function enforceDesiredStatus(
  step: InstanceStep,
  settled: Instance,
  desired: NotebookInstanceInputs["desiredStatus"],
): Promise<Instance> {
  const { client } = step;
  let instance = settled;
  if (desired === undefined) return instance;
  const wait = (target: "RUNNING" | "STOPPED", startedAs?: string) =>
    waitForInstance({ ...step, id: instance.id, target, ...(startedAs && { startedAs: { status: startedAs } }) });

  if (desired === "RUNNING") {
    if (instance.status === "RUNNING") return instance;
    if (instance.status === "STOPPING") instance = await wait("STOPPED");
    if (instance.status === "STOPPED" || instance.status === "START_FAILED") {
      await requestAction(() => client.startInstance(instance.id), START_DONE_CODES);
      return wait("RUNNING", "STARTING");
    }
    return wait("RUNNING");
  }

  if (instance.status === "STOPPED") return instance;
  // An instance cannot be stopped while it is starting (ModelArts.6306): let it finish first.
  if (STARTING_STATUSES.has(String(instance.status))) instance = await wait("RUNNING");
  if (instance.status === "RUNNING") {
    await requestAction(() => client.stopInstance(instance.id), STOP_DONE_CODES);
    return wait("STOPPED", "STOPPING");
  }
  return wait("STOPPED");
}
