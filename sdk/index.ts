export {
  NotebookInstance,
  type NotebookInstanceArgs,
  type NotebookStorageArgs,
  type NotebookExtendStorageArgs,
  type NotebookAutoStopArgs,
  type NotebookPoolArgs,
  type NotebookTimeoutsArgs,
} from "./NotebookInstance.js";
export {
  TeamNotebooks,
  type TeamNotebooksArgs,
  type TeamNotebookInstancesArgs,
  type TeamNotebooksV2Args,
  type TeamNotebookInstanceMemberArgs,
  type TeamNotebookMemberArgs,
} from "./TeamNotebooks.js";
export {
  Notebook,
  type NotebookArgs,
  type NotebookVolumeArgs,
  type NotebookSshArgs,
  type NotebookLeaseArgs,
} from "./Notebook.js";
