import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { diffNotebookInstance } from "./diffNotebookInstance.js";
import { enforceDesiredStatus } from "./enforceDesiredStatus.js";
import { toOutputs, toUpdateRequest } from "./mapping.js";
import { operationError } from "./operationError.js";
import { partialFailure } from "./partialFailure.js";
import { getProviderContext } from "./providerContext.js";
import { classifyStatus, FAILED_STATUSES } from "./statusClasses.js";
import { timeoutMs } from "./timeouts.js";
import { PROVIDER_KEY, type NotebookInstanceInputs, type NotebookInstanceOutputs } from "./types.js";
import { InstanceWaitError, waitForInstance, describeFailure } from "./waitForInstance.js";

/**
 * PUT for description and auto-stop, start/stop for desiredStatus. It first lets a pending instance settle:
 * this is also how a create that timed out (recorded with init errors) is resumed by the next `pulumi up`.
 * After a call succeeded, a failed wait is a partial failure (the instance and its new state are recorded).
 */
export async function updateNotebookInstance(
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ outs: NotebookInstanceOutputs }> {
  const inputs = news as unknown as NotebookInstanceInputs;
  const label = `${inputs.name} (${id})`;
  let ctx;
  let instance: Instance | undefined;
  try {
    ctx = await getProviderContext();
    instance = await ctx.client.findInstance(id);
  } catch (err) {
    throw operationError("update", label, err);
  }
  if (!instance) {
    throw new Error(
      `update notebook instance "${label}": it no longer exists; run \`pulumi refresh\` to forget it, then \`pulumi up\` to create it again`,
    );
  }
  const { client, schedule } = ctx;
  const limitMs = timeoutMs(inputs.timeouts, "update");
  let lastSeen: Instance = instance;
  try {
    if (FAILED_STATUSES.has(String(instance.status)) && instance.status !== "START_FAILED") {
      const reasons = describeFailure(instance);
      throw new InstanceWaitError(
        `update notebook instance "${label}": the instance is ${String(instance.status)}${reasons.length ? ` (${reasons.join("; ")})` : ""}; ` +
          `it cannot be repaired in place: replace it (\`pulumi up --replace <urn>\`) or destroy it`,
        "failed",
        instance,
        reasons,
      );
    }
    // A settled instance (the usual case) needs no wait; a pending one (a resumed create) settles first.
    if (classifyStatus(String(instance.status), "READY").state !== "SUCCESS") {
      lastSeen = (await waitForInstance({
        client,
        id,
        label,
        target: "READY",
        timeoutMs: limitMs,
        schedule,
        verb: "update",
      }))!;
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
      label,
      verb: "update",
      timeoutMs: limitMs,
      schedule,
    });
    // PUT answers with the instance as it was changed; one GET gives the settled state for the outputs.
    lastSeen = (await client.findInstance(id)) ?? lastSeen;
    return { outs: toOutputs(lastSeen, inputs) };
  } catch (err) {
    const seen = err instanceof InstanceWaitError ? (err.lastSeen ?? lastSeen) : lastSeen;
    throw partialFailure({
      message: operationError("update", label, err).message,
      id,
      instance: seen,
      inputs,
      providerString: news[PROVIDER_KEY],
    });
  }
}
