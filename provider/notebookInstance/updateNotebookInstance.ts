import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { DemanagerClient } from "../api/DemanagerClient.js";
import { ConfigurationError, WaitError } from "../base/errors.js";
import { operationError, type Subject } from "../base/operationError.js";
import { partialFailure } from "../frame/partialFailure.js";
import { getProviderContext } from "../frame/providerContext.js";
import { operationDeadline } from "../frame/timeouts.js";
import type { Deadline } from "../wait/Deadline.js";
import { diffNotebookInstance } from "./diffNotebookInstance.js";
import { enforceDesiredStatus } from "./enforceDesiredStatus.js";
import { DEFAULT_TIMEOUTS } from "./fields.js";
import { toOutputs, toUpdateRequest } from "./mapping.js";
import { classifyStatus, FAILED_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";
import { describeFailure, waitForInstance } from "./waitForInstance.js";

/**
 * PUT for description and auto-stop, start/stop for desiredStatus. It first lets a pending instance settle:
 * this is also how a create that timed out (recorded with init errors) is resumed by the next `pulumi up`.
 * After a call succeeded, a failed wait is a partial failure (the instance and its new state are recorded).
 */
export async function updateNotebookInstance(
  id: string,
  olds: NotebookInstanceOutputs,
  news: NotebookInstanceInputs,
): Promise<{ outs: NotebookInstanceOutputs }> {
  // One deadline for the whole update: the settling wait, the PUT and the power state.
  const deadline = operationDeadline(news.timeouts, "update", DEFAULT_TIMEOUTS);
  try {
    return await updateWithin(id, olds, news, deadline);
  } finally {
    deadline.dispose();
  }
}

async function updateWithin(
  id: string,
  olds: NotebookInstanceOutputs,
  news: NotebookInstanceInputs,
  deadline: Deadline,
): Promise<{ outs: NotebookInstanceOutputs }> {
  const inputs = news;
  const subject: Subject = { kind: "notebook instance", name: olds.name ?? inputs.name, id };
  let client: DemanagerClient;
  let schedule;
  let instance: Instance | undefined;
  try {
    const ctx = await deadline.race(getProviderContext());
    client = new DemanagerClient({ ...ctx.connection, deadline });
    schedule = ctx.schedule;
    instance = await client.findInstance(id);
  } catch (err) {
    throw operationError("update", subject, err);
  }
  if (!instance) {
    throw operationError(
      "update",
      subject,
      new ConfigurationError(
        "it no longer exists; run `pulumi refresh` to forget it, then `pulumi up` to create it again",
        "Gone",
      ),
    );
  }
  let lastSeen: Instance = instance;
  try {
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
      lastSeen = await waitForInstance({
        client,
        id,
        subject,
        target: "READY",
        deadline,
        schedule,
        verb: "update",
      });
    }
    const diff = diffNotebookInstance(olds, news);
    const description = diff.updates.includes("description");
    const autoStop = diff.updates.includes("autoStop");
    if (description || autoStop)
      lastSeen = await client.updateInstance(id, toUpdateRequest(inputs, { description, autoStop }));
    lastSeen = await enforceDesiredStatus({
      client,
      instance: lastSeen,
      desired: inputs.desiredStatus,
      subject,
      verb: "update",
      deadline,
      schedule,
    });
    // PUT answers with the instance as it was changed; one GET gives the settled state for the outputs.
    lastSeen = (await client.findInstance(id)) ?? lastSeen;
    return { outs: toOutputs(lastSeen, inputs) };
  } catch (err) {
    const seen = err instanceof WaitError ? ((err.lastSeen as Instance | undefined) ?? lastSeen) : lastSeen;
    const failure = operationError("update", subject, err);
    throw partialFailure({
      message: failure.message,
      id,
      properties: { ...toOutputs(seen, inputs) },
      providerString: news.__provider,
      cause: failure,
    });
  }
}
