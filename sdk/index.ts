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
export {
  getNotebookFlavors,
  getNotebookFlavorsOutput,
  type GetNotebookFlavorsArgs,
  type GetNotebookFlavorsOutputArgs,
  type GetNotebookFlavorsResult,
  type NotebookFlavorInfo,
} from "./getNotebookFlavors.js";
export {
  getNotebookImages,
  getNotebookImagesOutput,
  type GetNotebookImagesArgs,
  type GetNotebookImagesOutputArgs,
  type GetNotebookImagesResult,
  type NotebookImageInfo,
} from "./getNotebookImages.js";
export { NotebookStorageMount, type NotebookStorageMountArgs } from "./NotebookStorageMount.js";
