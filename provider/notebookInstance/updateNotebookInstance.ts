import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { WaitError } from "../base/errors.js";
import type { ChangePlan } from "../frame/changePlan.js";
import { enforceDesiredStatus } from "./enforceDesiredStatus.js";
import { toUpdateRequest } from "./mapping.js";
import { classifyStatus, FAILED_STATUSES, GONE_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs } from "./types.js";
import { describeFailure, waitForInstance, type InstanceStep } from "./waitForInstance.js";

/**
 * The instance as the API shows it, for refresh: undefined only for the API's own "does not exist" answer or a
 * DELETED/DELETING status, so a refresh never forgets a live instance (an unreadable answer, a gateway 404, is an
 * error).
 */
export async function findLiveInstance(step: InstanceStep, id: string): Promise<Instance | undefined> {
  const instance = await step.client.findInstance(id);
  return instance === undefined || GONE_STATUSES.has(String(instance.status)) ? undefined : instance;
}

/**
 * PUT for description and auto-stop, start/stop for desiredStatus. It first lets a pending instance settle: this is
 * also how a create that timed out (recorded with init errors) is resumed by the next `pulumi up`.
 */
export async function updateNotebookInstance(
  step: InstanceStep,
  instance: Instance,
  news: NotebookInstanceInputs,
  plan: ChangePlan,
): Promise<Instance> {
  const { client } = step;
  let lastSeen = step.saw(instance);
  if (FAILED_STATUSES.has(String(instance.status)) && instance.status !== "START_FAILED") {
    const reasons = describeFailure(instance);
    throw new WaitError<Instance>(
      `the instance is ${String(instance.status)}${reasons.length ? ` (${reasons.join("; ")})` : ""}; ` +
        `it cannot be repaired in place: replace it (\`pulumi up --replace <urn>\`) or destroy it`,
      "failed",
      instance,
      reasons,
    );
  }
  // A settled instance (the usual case) needs no wait; a pending one (a resumed create) settles first.
  if (classifyStatus(String(instance.status), "READY").state !== "SUCCESS") {
    lastSeen = step.saw(await waitForInstance({ ...step, id: instance.id, target: "READY" }));
  }
  const description = plan.sends("description");
  const autoStop = plan.sends("autoStop");
  if (description || autoStop) {
    lastSeen = step.saw(await client.updateInstance(instance.id, toUpdateRequest(news, { description, autoStop })));
  }
  lastSeen = step.saw(await enforceDesiredStatus(step, lastSeen, news.desiredStatus));
  // PUT answers with the instance as it was changed; one GET gives the settled state for the outputs.
  return (await client.findInstance(instance.id)) ?? lastSeen;
}
