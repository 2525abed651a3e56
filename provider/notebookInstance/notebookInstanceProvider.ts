import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { DemanagerClient } from "../api/DemanagerClient.js";
import { MAX_NAME_LENGTH } from "../base/autoName.js";
import { defineResource } from "../frame/dynamicProvider.js";
import { offeredInstance } from "./adoption.js";
import { createNotebookInstance } from "./createNotebookInstance.js";
import { deleteNotebookInstance } from "./deleteNotebookInstance.js";
import { fillInstanceDefaults } from "./defaults.js";
import { DEFAULT_TIMEOUTS, INPUT_ERROR_CODES, INPUT_FIELDS, REPORTED_OUTPUTS } from "./fields.js";
import { observedInputs, toOutputs } from "./mapping.js";
import { markedOwner } from "./ownership.js";
import { lostByReplacement } from "./replacementLoss.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";
import { findLiveInstance, updateNotebookInstance } from "./updateNotebookInstance.js";

/**
 * `NotebookInstance`: a notebook instance on the historical demanager v1 API. A replacement deletes an EVS extend
 * storage with the instance, so it is refused at preview unless the user opted in; one whose create failed is
 * replaced by the next `up` (like a tainted resource).
 */
export const notebookInstanceProvider = defineResource<
  NotebookInstanceInputs,
  NotebookInstanceOutputs,
  Instance,
  DemanagerClient
>({
  type: "NotebookInstance",
  kind: "notebook instance",
  folder: "notebookInstance",
  catalogue: INPUT_FIELDS,
  reportedOutputs: REPORTED_OUTPUTS,
  defaultTimeouts: DEFAULT_TIMEOUTS,
  inputErrorCodes: INPUT_ERROR_CODES,
  owned: { maxLength: MAX_NAME_LENGTH, defaultPrefix: "notebook" },
  statuses: { replacedWhen: new Set(["CREATE_FAILED"]) },
  previewUnknowns: {
    // The remaining auto-stop time is counted down by the service: any read after a change shows another value.
    anyCall: ["latestUpdateTimestamp", "autoStopRemainingSeconds"],
    restart: [],
    byField: {
      autoStop: ["autoStopAt"],
      desiredStatus: ["status", "url", "autoStopAt", "queuingInfo", "failedReasons"],
    },
  },
  client: (connection) => new DemanagerClient(connection),
  nameOf: (props) => props.name,
  idOf: (instance) => instance.id,
  objectName: (instance) => instance.name,
  fill: fillInstanceDefaults,
  // Taking over one another stack manages is refused at preview.
  adoption: { offered: offeredInstance },
  // And so is `pulumi import` of one (frame/importOwned.ts).
  markOwner: markedOwner,
  replacementLoss: lostByReplacement,
  // Names are unique (ModelArts.6301): a replacement that keeps its name must delete first. The SDK also sets
  // deleteBeforeReplace as a resource option, because the engine does not ask diff about `pulumi up --replace`.
  deleteBeforeReplace: (plan) => !plan.replaces.includes("name"),
  create: createNotebookInstance,
  find: (step, id) => step.client.findInstance(id),
  update: (step, instance, _olds, news, plan) => updateNotebookInstance(step, instance, news, plan),
  read: (step, id) => findLiveInstance(step, id),
  delete: (step, id) => deleteNotebookInstance(step, id),
  toOutputs,
  observedInputs,
});
