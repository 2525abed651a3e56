import { ConfigurationError } from "../base/errors.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { operationError, type Subject } from "../base/operationError.js";
import { getProviderContext } from "../frame/providerContext.js";
import { INPUT_FIELDS, KIND } from "./fields.js";
import { observedInputs, toOutputs } from "./mapping.js";
import { UNMOUNTED_STATUSES } from "./statusClasses.js";
import type { StorageMountInputs, StorageMountOutputs } from "./types.js";

/**
 * GET for refresh. The API's own not-found answer (for the mount, or for its notebook: a deleted notebook takes
 * its mounts along) and an UNMOUNTING or UNMOUNTED mount (someone unmounted it) give the empty id that tells the
 * engine the mount is gone; anything else is an error, so a refresh never forgets a live mount. The declared
 * inputs are kept: nothing about a mount changes in place, and the service's OBSFS for a declared OBS is no drift.
 */
export async function readStorageMount(
  id: string,
  props: Partial<StorageMountOutputs>,
): Promise<{ id: string; props?: StorageMountOutputs; inputs?: StorageMountInputs }> {
  const subject: Subject = { kind: KIND, name: props.mountPath, id };
  try {
    const notebookId = props.notebookId;
    if (typeof notebookId !== "string") {
      throw new ConfigurationError(
        "its notebookId is not known: NotebookStorageMount.get needs the notebook's id besides the mount's",
        "MissingNotebookId",
      );
    }
    const { connection } = await getProviderContext();
    const storage = await new NotebooksClient(connection).findStorage(notebookId, id);
    if (!storage || UNMOUNTED_STATUSES.has(String(storage.status))) return { id: "" };
    const inputs = { ...observedInputs(storage, notebookId), ...declaredInputs(props) };
    return { id, props: toOutputs(storage, inputs), inputs };
  } catch (err) {
    throw operationError("read", subject, err);
  }
}

/**
 * The input part of stored outputs, with the internal URN (a later delete names it in its advice); only named keys
 * are copied. The host adds `__provider` itself.
 */
function declaredInputs(props: Partial<StorageMountOutputs>): Partial<StorageMountInputs> {
  const inputs: Record<string, unknown> = {};
  for (const key of [...Object.keys(INPUT_FIELDS), "__urn"]) {
    const value = props[key as keyof StorageMountOutputs];
    if (value !== undefined) inputs[key] = value;
  }
  return inputs as Partial<StorageMountInputs>;
}
