/**
 * The notebooks (v2) API [notebooks §1]. The literal `flavors`, `all` and `tags` segments come
 * before `{id}`, as the router takes the first route that matches. Path parameter names follow the SDK
 * (`{id}`, `{instance_id}` for storage, `{resource_id}` for tags), so fault and count keys read like the docs.
 */
import type { Route } from "../shared/router.js";
import { listFlavors, listSwitchableFlavors } from "./flavorHandlers.js";
import { listImages, showImage } from "./imageHandlers.js";
import { renewLease, showLease } from "./leaseHandlers.js";
import { startNotebook, stopNotebook } from "./notebookActions.js";
import { createNotebook, deleteNotebook, listAllNotebooks, listNotebooks, showNotebook } from "./notebooks.js";
import { attachStorage, detachStorage, listStorage, showStorage } from "./storageMounts.js";
import { createTags, deleteTags, listTags } from "./tags.js";
import { updateNotebook } from "./updateNotebook.js";

export const NOTEBOOKS = "/v1/{project_id}/notebooks";
export const NOTEBOOK = `${NOTEBOOKS}/{id}`;
export const IMAGES = "/v1/{project_id}/images";
const STORAGE = `${NOTEBOOKS}/{instance_id}/storage`;
const TAGS = `${NOTEBOOKS}/{resource_id}/tags`;

const route = (method: string, template: string, handler: Route["handler"], answer?: string): Route => ({
  method,
  template,
  auth: true,
  throttled: true,
  family: "notebooks",
  ...(answer !== undefined && { answer }),
  handler,
});

export const NOTEBOOK_ROUTES: readonly Route[] = [
  route("POST", NOTEBOOKS, createNotebook, "NotebookObject"),
  route("GET", NOTEBOOKS, listNotebooks, "NotebookListResponse"),
  route("GET", `${NOTEBOOKS}/all`, listAllNotebooks, "NotebookListResponse"),
  route("GET", `${NOTEBOOKS}/flavors`, listFlavors, "NotebookFlavorsResponse"),
  route("GET", `${NOTEBOOKS}/tags`, listTags, "NotebookTagsResponse"),
  route("GET", NOTEBOOK, showNotebook, "NotebookObject"),
  // The emulator answers a PUT with the whole notebook, which the documented answer allows [notebooks §7].
  route("PUT", NOTEBOOK, updateNotebook, "NotebookObject"),
  route("DELETE", NOTEBOOK, deleteNotebook, "NotebookObject"),
  route("POST", `${NOTEBOOK}/start`, startNotebook, "NotebookObject"),
  route("POST", `${NOTEBOOK}/stop`, stopNotebook, "NotebookObject"),
  route("GET", `${NOTEBOOK}/lease`, showLease, "NotebookLease"),
  route("PATCH", `${NOTEBOOK}/lease`, renewLease, "NotebookLease"),
  route("GET", `${NOTEBOOK}/flavors`, listSwitchableFlavors, "NotebookFlavorsResponse"),
  route("POST", STORAGE, attachStorage, "NotebookStorage"),
  route("GET", STORAGE, listStorage, "NotebookStorageListResponse"),
  route("GET", `${STORAGE}/{storage_id}`, showStorage, "NotebookStorage"),
  route("DELETE", `${STORAGE}/{storage_id}`, detachStorage, "NotebookStorage"),
  route("POST", `${TAGS}/create`, createTags),
  route("DELETE", `${TAGS}/delete`, deleteTags),
  route("GET", IMAGES, listImages, "NotebookImagesResponse"),
  route("GET", `${IMAGES}/{id}`, showImage, "NotebookImage"),
];
