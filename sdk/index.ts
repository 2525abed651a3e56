export {
  NotebookInstance,
  type NotebookInstanceArgs,
  type NotebookStorageArgs,
  type NotebookExtendStorageArgs,
  type NotebookAutoStopArgs,
  type NotebookPoolArgs,
  type NotebookTimeoutsArgs,
} from "./NotebookInstance.js";
export { TeamNotebooks, type TeamNotebooksArgs } from "./TeamNotebooks.js";
