import type { NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { defineResource } from "../frame/dynamicProvider.js";
import { createStorageMount } from "./createStorageMount.js";
import { deleteStorageMount } from "./deleteStorageMount.js";
import { DEFAULT_TIMEOUTS, INPUT_FIELDS, KIND, REPORTED_OUTPUTS } from "./fields.js";
import { observedInputs, toOutputs } from "./mapping.js";
import { storageMountRules } from "./rules.js";
import type { StorageMountInputs, StorageMountOutputs } from "./types.js";
import { findStorageMount, updateStorageMount } from "./updateStorageMount.js";

/**
 * `NotebookStorageMount`: storage mounted into a running notebook (the notebooks API's dynamic storage, §12).
 * Nothing about a mount changes in place; one that ended MOUNT_FAILED is replaced by the next `up` (like a tainted
 * resource), one left MOUNTING (a create that timed out) is resumed by it.
 */
export const notebookStorageMountProvider = defineResource<
  StorageMountInputs,
  StorageMountOutputs,
  NotebookStorage,
  NotebooksClient
>({
  type: "NotebookStorageMount",
  kind: KIND,
  folder: "storageMount",
  typeNames: { inputs: "StorageMountInputs", outputs: "StorageMountOutputs" },
  catalogue: INPUT_FIELDS,
  reportedOutputs: REPORTED_OUTPUTS,
  defaultTimeouts: DEFAULT_TIMEOUTS,
  statuses: { replacedWhen: new Set(["MOUNT_FAILED"]), resumedWhen: new Set(["MOUNTING"]) },
  previewUnknowns: {
    anyCall: [],
    restart: [],
    // An update resumes the wait of a mount left MOUNTING.
    byField: { status: ["status", "failureReason"] },
  },
  client: (connection) => new NotebooksClient(connection),
  nameOf: (props) => props.mountPath,
  idOf: (storage) => storage.id!,
  rules: storageMountRules,
  create: createStorageMount,
  find: (step, id, olds) => findStorageMount(step, id, olds),
  update: (step, storage, olds) => updateStorageMount(step, storage, olds),
  read: findStorageMount,
  delete: deleteStorageMount,
  toOutputs,
  observedInputs,
});
