import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { DemanagerClient } from "../api/DemanagerClient.js";
import { InvalidResponseError, isApiError } from "../api/errors.js";
import { operationError, type Subject } from "../core/operationError.js";
import type { PollSchedule } from "../core/pollScheduleFromEnv.js";
import { getProviderContext } from "../core/providerContext.js";
import { timeoutMs } from "../core/timeouts.js";
import { requestAction, STOP_DONE_CODES } from "./enforceDesiredStatus.js";
import { DEFAULT_TIMEOUTS } from "./fields.js";
import { GONE_STATUSES, STARTING_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceOutputs } from "./types.js";
import { waitForInstance } from "./waitForInstance.js";

/**
 * Stop if running (the API refuses to delete a running instance, ModelArts.6304), DELETE, then wait until the
 * instance is gone (deletion is asynchronous). Success means the API said the instance does not exist, or
 * showed it DELETED: an answer that cannot be read, or a gateway 404, is an error, never "already gone".
 */
export async function deleteNotebookInstance(id: string, props: Partial<NotebookInstanceOutputs>): Promise<void> {
  const subject: Subject = { kind: "notebook instance", name: props.name, id };
  try {
    const { connection, schedule } = await getProviderContext();
    const limitMs = timeoutMs(props.timeouts, "delete", DEFAULT_TIMEOUTS);
    await removeInstance({
      client: new DemanagerClient(connection),
      id,
      subject,
      timeoutMs: limitMs,
      schedule,
      verb: "delete",
    });
  } catch (err) {
    throw operationError("delete", subject, err);
  }
}

/** The delete sequence, shared with create's clean-up of instances an interrupted run left behind. */
export async function removeInstance(options: {
  client: DemanagerClient;
  id: string;
  subject: Subject;
  timeoutMs: number;
  schedule: PollSchedule;
  verb: string;
}): Promise<void> {
  const { client, id, subject, schedule, verb } = options;
  const wait = <T extends "READY" | "STOPPED">(target: T) =>
    waitForInstance({ client, id, subject, target, timeoutMs: options.timeoutMs, schedule, verb });
  const waitGone = () =>
    waitForInstance({
      client,
      id,
      subject,
      target: "GONE",
      timeoutMs: options.timeoutMs,
      schedule,
      verb,
      startedAs: { status: "DELETING" },
    });
  const stop = async () => {
    await requestAction(() => client.stopInstance(id), STOP_DONE_CODES);
    await waitForInstance({
      client,
      id,
      subject,
      target: "STOPPED",
      timeoutMs: options.timeoutMs,
      schedule,
      verb,
      startedAs: { status: "STOPPING" },
    });
  };

  let instance: Instance | undefined = await client.findInstance(id);
  if (!instance) return;
  if (GONE_STATUSES.has(String(instance.status))) return void (await waitGone());
  if (STARTING_STATUSES.has(String(instance.status))) instance = await wait("READY");
  if (instance.status === "RUNNING" || instance.status === "STOPPING") await stop();
  try {
    if ((await client.deleteInstance(id)) === "gone") return;
  } catch (err) {
    if (err instanceof InvalidResponseError) {
      // An answer that cannot be read says nothing either way: the instance's own state decides, read again.
      const now = await client.findInstance(id);
      if (!now) return;
      if (!GONE_STATUSES.has(String(now.status))) throw err;
    } else if (isApiError(err, "ModelArts.6357")) {
      // A DELETE whose answer was lost (connection reset after the service applied it) is retried and finds the
      // instance already DELETING (6357): the delete is done, only the wait is left.
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
