import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { defineResource } from "../frame/dynamicProvider.js";
import { offeredNotebook } from "./adoption.js";
import { createNotebook } from "./createNotebook.js";
import { deleteNotebook } from "./deleteNotebook.js";
import { DEFAULT_TIMEOUTS, INPUT_ERROR_CODES, INPUT_FIELDS, NOTEBOOK_NAME_LENGTH, REPORTED_OUTPUTS } from "./fields.js";
import { previewNotebookUpdate } from "./flavorSwitch.js";
import { importedInputs, observedInputs, toOutputs } from "./mapping.js";
import { markedOwner } from "./ownerTag.js";
import { findLiveNotebook } from "./readNotebook.js";
import { lostByReplacement } from "./replacementLoss.js";
import { fillNotebookDefaults, notebookRules } from "./rules.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";
import { updateNotebook } from "./updateNotebook.js";

/**
 * `Notebook`: a notebook on the notebooks API. A replacement deletes the notebook's own volume (a MANAGED one), so
 * it is refused at preview unless the user opted in; one whose create failed is replaced by the next `up` (like a
 * tainted resource); a flavor change is judged against the notebook's switchable list before anything is stopped.
 */
export const notebookProvider = defineResource<NotebookInputs, NotebookOutputs, Notebook, NotebooksClient>({
  type: "Notebook",
  kind: "notebook",
  folder: "notebook",
  catalogue: INPUT_FIELDS,
  reportedOutputs: REPORTED_OUTPUTS,
  defaultTimeouts: DEFAULT_TIMEOUTS,
  inputErrorCodes: INPUT_ERROR_CODES,
  owned: { maxLength: NOTEBOOK_NAME_LENGTH, defaultPrefix: "notebook" },
  statuses: { replacedWhen: new Set(["CREATE_FAILED"]) },
  previewUnknowns: {
    // The mounts are read anew by any update's GET, and a NotebookStorageMount may have changed them since the last.
    anyCall: ["updatedAt", "mounts"],
    // A stop and a start: a new lease (and deadline), and the status and URL of the started notebook.
    restart: ["status", "url", "failReason", "lease", "autoStopAt"],
    byField: {
      imageId: ["image"],
      ssh: ["sshUri"],
      volume: ["volumeStatus"],
      autoStop: ["lease", "autoStopAt"],
      desiredStatus: ["status", "url", "failReason", "lease", "autoStopAt"],
    },
  },
  client: (connection) => new NotebooksClient(connection),
  nameOf: (props) => props.name,
  idOf: (notebook) => notebook.id!,
  objectName: (notebook) => notebook.name,
  rules: notebookRules,
  fill: fillNotebookDefaults,
  // Taking over one another stack manages is refused at preview.
  adoption: { offered: offeredNotebook },
  // And so is `pulumi import` of one (frame/importOwned.ts).
  markOwner: markedOwner,
  replacementLoss: lostByReplacement,
  previewUpdate: previewNotebookUpdate,
  create: createNotebook,
  find: (step, id) => step.client.findNotebook(id),
  update: updateNotebook,
  read: (step, id) => findLiveNotebook(step, id),
  delete: (step, id) => deleteNotebook(step, id),
  toOutputs,
  observedInputs,
  importedInputs,
});
