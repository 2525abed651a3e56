import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { DemanagerClient, NOT_FOUND_ERROR_CODES } from "../api/DemanagerClient.js";
import { isApiError, isNotFoundAnswer, isStateRefusal } from "../base/errorClassification.js";
import { InvalidResponseError } from "../base/errors.js";
import { requestAction } from "../frame/requestAction.js";
import { STOP_DONE_CODES } from "./enforceDesiredStatus.js";
import { GONE_STATUSES, STARTING_STATUSES } from "./statusClasses.js";
import { waitForInstance, type InstanceStep } from "./waitForInstance.js";

/**
 * Stop (the API refuses to delete a running instance, ModelArts.6304), DELETE, then wait until the instance is gone
 * (deletion is asynchronous). Success means the API said the instance does not exist, or showed it DELETED: an
 * answer that cannot be read, or a gateway 404, is an error, never "already gone".
 */
export async function deleteNotebookInstance(step: InstanceStep, id: string): Promise<void> {
  const { client } = step;
  const wait = <T extends "READY" | "STOPPED">(target: T) => waitForInstance({ ...step, id, target });
  const waitGone = () => waitForInstance({ ...step, id, target: "GONE", startedAs: { status: "DELETING" } });
  const waitStopped = () => waitForInstance({ ...step, id, target: "STOPPED", startedAs: { status: "STOPPING" } });
  const stop = async () => {
    await requestAction(() => client.stopInstance(id), STOP_DONE_CODES);
    await waitStopped();
  };

  // Stop straight away rather than read first: what is destroyed is nearly always RUNNING, and the stop's own answer
  // says what a read would have (6307 already stopped, 6308 stopping, 6309 gone), one request fewer per instance.
  const first = await stopStraightAway(client, id);
  if (first === "gone") return;
  if (first === "stopping") {
    await waitStopped();
  } else if (first === "refused") {
    // Refused for its state (starting, failed, being deleted, another operation in progress): read it, and go the
    // long way from what it shows.
    let instance: Instance | undefined = await client.findInstance(id);
    if (!instance) return;
    if (GONE_STATUSES.has(String(instance.status))) return void (await waitGone());
    if (STARTING_STATUSES.has(String(instance.status))) instance = await wait("READY");
    if (instance.status === "RUNNING" || instance.status === "STOPPING") await stop();
  }
  try {
    if ((await client.deleteInstance(id)) === "gone") return;
  } catch (err) {
    if (err instanceof InvalidResponseError || isApiError(err, "ModelArts.6357")) {
      // An answer that cannot be read says nothing either way; a DELETE whose answer was lost (connection reset after
      // the service applied it) is retried and finds the instance already DELETING (6357). The instance's own state
      // decides: gone or deleting completes the delete, only the wait is left.
      const now = await client.findInstance(id);
      if (!now) return;
      if (!GONE_STATUSES.has(String(now.status))) throw err;
    } else {
      // Auto-start or an out-of-band start can race the stop above: stop once more and retry.
      if (!isApiError(err, "ModelArts.6304")) throw err;
      await stop();
      if ((await client.deleteInstance(id)) === "gone") return;
    }
  }
  await waitGone();
}

/**
 * The stop action, first thing: "stopping" when accepted or answered 6308 (already stopping), "stopped" for 6307,
 * "gone" for the API's own not-found answer (ModelArts.6309 on the instance's URL), "refused" for any other
 * ModelArts refusal of the action in the instance's state (6306 starting, 6327 not running, 6357 busy, ...).
 * Anything else (a gateway's answer, an answer that cannot be read, a 5xx that outlasted the retries) is thrown:
 * it says nothing about the instance.
 */
async function stopStraightAway(
  client: DemanagerClient,
  id: string,
): Promise<"stopping" | "stopped" | "gone" | "refused"> {
  try {
    await client.stopInstance(id);
    return "stopping";
  } catch (err) {
    if (isNotFoundAnswer(err, NOT_FOUND_ERROR_CODES)) return "gone";
    if (isApiError(err, "ModelArts.6307")) return "stopped";
    if (isApiError(err, "ModelArts.6308")) return "stopping";
    if (isStateRefusal(err)) return "refused";
    throw err;
  }
}
