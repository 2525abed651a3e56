import { GONE_STATUSES } from "./statusClasses.js";
import { inputsOf } from "./inputKeys.js";
import { observedInputs, toOutputs } from "./mapping.js";
import { operationError } from "./operationError.js";
import { getProviderContext } from "./providerContext.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";

export interface ReadResult {
  id: string;
  props?: NotebookInstanceOutputs;
  inputs?: Record<string, unknown>;
}

/**
 * GET for refresh. A missing (or deleted) instance gives an empty id, which tells the engine it is gone. The
 * returned inputs carry what the service reports for the declared fields, so drift made outside Pulumi shows
 * in the next preview as a change back to the declared values.
 */
export async function readNotebookInstance(id: string, props: Record<string, unknown>): Promise<ReadResult> {
  const label = typeof props.name === "string" ? `${props.name} (${id})` : id;
  try {
    const { client } = await getProviderContext();
    const instance = await client.findInstance(id);
    if (!instance || GONE_STATUSES.has(String(instance.status))) return { id: "" };
    const oldInputs = inputsOf(props) as unknown as NotebookInstanceInputs;
    const inputs = observedInputs(instance, oldInputs);
    return {
      id: instance.id,
      props: toOutputs(instance, inputs),
      inputs: inputs as unknown as Record<string, unknown>,
    };
  } catch (err) {
    throw operationError("read", label, err);
  }
}
