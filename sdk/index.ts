export { NotebookInstance } from "./NotebookInstance.js";
// Every resource's argument types and output properties, generated from schema.json (npm run generate).
export type * from "./resourceArgs.js";
export type * from "./resourceOutputs.js";
export {
  TeamNotebooks,
  type TeamNotebooksArgs,
  type TeamNotebookInstancesArgs,
  type TeamNotebooksV2Args,
  type TeamNotebookInstanceMemberArgs,
  type TeamNotebookMemberArgs,
} from "./TeamNotebooks.js";
export { Notebook } from "./Notebook.js";
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
export {
  getNotebooks,
  getNotebooksOutput,
  type GetNotebooksArgs,
  type GetNotebooksOutputArgs,
  type GetNotebooksResult,
  type NotebookInfo,
} from "./getNotebooks.js";
export { NotebookStorageMount } from "./NotebookStorageMount.js";
