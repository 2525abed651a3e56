import { NotebooksClient } from "../api/NotebooksClient.js";
import { operationError, type Subject } from "../base/operationError.js";
import { OWNER_KEY_INPUT, OWNER_NONCE_INPUT } from "../base/internalInputs.js";
import { getProviderContext } from "../frame/providerContext.js";
import { INPUT_FIELDS } from "./fields.js";
import { importedInputs, observedInputs, toOutputs } from "./mapping.js";
import { GONE_STATUSES } from "../api/notebookStatuses.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";

/**
 * GET for refresh. Only the API's own not-found answer (or a DELETING/DELETED status) gives the empty id that
 * tells the engine the notebook is gone; anything else is an error, so a refresh never forgets a live notebook.
 */
export async function readNotebook(
  id: string,
  props: Partial<NotebookOutputs>,
): Promise<{ id: string; props?: NotebookOutputs; inputs?: NotebookInputs }> {
  const subject: Subject = { kind: "notebook", name: props.name, id };
  try {
    const { connection } = await getProviderContext();
    const notebook = await new NotebooksClient(connection).findNotebook(id);
    if (!notebook || GONE_STATUSES.has(String(notebook.status))) return { id: "" };
    const declared = inputsOf(props);
    // No stored inputs (`pulumi import`): the read says what a program must declare to match the notebook.
    const inputs = Object.keys(declared).length === 0 ? importedInputs(notebook) : observedInputs(notebook, declared);
    return { id, props: toOutputs(notebook, inputs), inputs };
  } catch (err) {
    throw operationError("read", subject, err);
  }
}

/**
 * The input part of stored outputs, with the internal owner mark; only named keys are copied. A read without
 * declared inputs (Notebook.get) has none of the required ones: they are filled from what the service reports.
 */
function inputsOf(props: Partial<NotebookOutputs>): NotebookInputs {
  const inputs: Record<string, unknown> = {};
  for (const key of [...Object.keys(INPUT_FIELDS), OWNER_KEY_INPUT, OWNER_NONCE_INPUT]) {
    if (Object.prototype.hasOwnProperty.call(props, key) && props[key as keyof NotebookOutputs] !== undefined) {
      inputs[key] = props[key as keyof NotebookOutputs];
    }
  }
  return inputs as unknown as NotebookInputs;
}
