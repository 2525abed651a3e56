import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import { requestAction } from "../frame/requestAction.js";
import type { Subject } from "../base/operationError.js";
import type { PollSchedule } from "../settings/pollScheduleFromEnv.js";
import { STARTING_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs } from "./types.js";
import { waitForInstance } from "./waitForInstance.js";
import type { Deadline } from "../wait/Deadline.js";

/** Action answers that mean "already there or on the way" [demanager §3.5, §7.3]. */
export const START_DONE_CODES: ReadonlySet<string> = new Set(["ModelArts.6305", "ModelArts.6306"]);
export const STOP_DONE_CODES: ReadonlySet<string> = new Set(["ModelArts.6307", "ModelArts.6308"]);

/**
 * Brings a settled instance to the declared power state: start a stopped (or start-failed) instance, stop a
 * running one, then wait. Without a declared state, nothing happens.
 */
export async function enforceDesiredStatus(options: {
  client: DemanagerClient;
  instance: Instance;
  desired: NotebookInstanceInputs["desiredStatus"];
  subject: Subject;
  verb: string;
  /** The operation's one deadline (core/timeouts.ts operationDeadline). */
  deadline: Deadline;
  schedule: PollSchedule;
}): Promise<Instance> {
  const { client, desired, subject, verb, deadline, schedule } = options;
  let instance = options.instance;
  if (desired === undefined) return instance;
  const wait = (target: "RUNNING" | "STOPPED", startedAs?: string) =>
    waitForInstance({
      client,
      id: instance.id,
      subject,
      target,
      deadline,
      schedule,
      verb,
      ...(startedAs && { startedAs: { status: startedAs } }),
    });

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
