import { DemanagerClient } from "../api/DemanagerClient.js";
import { operationError, type Subject } from "../base/operationError.js";
import { getProviderContext } from "../frame/providerContext.js";
import { inputsOf } from "./inputKeys.js";
import { observedInputs, toOutputs } from "./mapping.js";
import { GONE_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";

export interface ReadResult {
  id: string;
  props?: NotebookInstanceOutputs;
  inputs?: NotebookInstanceInputs;
}

/**
 * GET for refresh. Only the API's own "does not exist" answer (or a DELETED/DELETING status) gives the empty id
 * that tells the engine the instance is gone; any other failure, an unreadable answer or a gateway 404 included,
 * is an error, so a refresh never forgets a live instance. The returned inputs carry what the service reports
 * for the declared fields, so drift made outside Pulumi shows in the next preview as a change back.
 */
export async function readNotebookInstance(id: string, props: Partial<NotebookInstanceOutputs>): Promise<ReadResult> {
  const subject: Subject = { kind: "notebook instance", name: props.name, id };
  try {
    const { connection } = await getProviderContext();
    const instance = await new DemanagerClient(connection).findInstance(id);
    if (!instance || GONE_STATUSES.has(String(instance.status))) return { id: "" };
    const inputs = observedInputs(instance, inputsOf(props));
    return { id: instance.id, props: toOutputs(instance, inputs), inputs };
  } catch (err) {
    throw operationError("read", subject, err);
  }
}
