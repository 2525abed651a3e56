import { isApiError, isNotFound } from "../api/errors.js";
import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { requestAction, STOP_DONE_CODES } from "./enforceDesiredStatus.js";
import { operationError } from "./operationError.js";
import { getProviderContext } from "./providerContext.js";
import { GONE_STATUSES, STARTING_STATUSES } from "./statusClasses.js";
import { timeoutMs } from "./timeouts.js";
import type { TimeoutsInput } from "./types.js";
import { waitForInstance } from "./waitForInstance.js";

/**
 * Stop if running (the API refuses to delete a running instance, ModelArts.6304), DELETE, then wait until the
 * instance is gone (deletion is asynchronous). An instance that is already gone is a success.
 */
export async function deleteNotebookInstance(id: string, props: Record<string, unknown>): Promise<void> {
  const label = typeof props.name === "string" ? `${props.name} (${id})` : id;
  try {
    const { client, schedule } = await getProviderContext();
    const limitMs = timeoutMs(props.timeouts as TimeoutsInput | undefined, "delete");
    const wait = (target: "READY" | "STOPPED" | "GONE") =>
      waitForInstance({ client, id, label, target, timeoutMs: limitMs, schedule, verb: "delete" });

    let instance: Instance | undefined = await client.findInstance(id);
    if (!instance) return;
    if (GONE_STATUSES.has(String(instance.status))) {
      await wait("GONE");
      return;
    }
    if (STARTING_STATUSES.has(String(instance.status))) instance = await wait("READY");
    if (instance?.status === "RUNNING" || instance?.status === "STOPPING") await stop(id);
    try {
      await client.deleteInstance(id);
    } catch (err) {
      if (isNotFound(err)) return;
      if (isApiError(err, "ModelArts.6357")) {
        // A DELETE whose answer was lost (connection reset after the service applied it) is retried and finds
        // the instance already DELETING (6357): the delete is done, only the wait is left.
        const now = await client.findInstance(id);
        if (!now) return;
        if (!GONE_STATUSES.has(String(now.status))) throw err;
      } else {
        // Auto-start or an out-of-band start can race the stop above: stop once more and retry.
        if (!isApiError(err, "ModelArts.6304")) throw err;
        await stop(id);
        await client.deleteInstance(id);
      }
    }
    await wait("GONE");

    async function stop(instanceId: string): Promise<void> {
      await requestAction(() => client.stopInstance(instanceId), STOP_DONE_CODES);
      await wait("STOPPED");
    }
  } catch (err) {
    if (isNotFound(err)) return;
    throw operationError("delete", label, err);
  }
}
