/**
 * The notebooks (v2) API [notebooks §1]. The literal `flavors`, `all` and `tags` segments come
 * before `{id}`, as the router takes the first route that matches. Path parameter names follow the SDK
 * (`{id}`, `{instance_id}` for storage, `{resource_id}` for tags), so fault and count keys read like the docs.
 */
import type { Route } from "../router.js";
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

const route = (method: string, template: string, handler: Route["handler"]): Route => ({
  method,
  template,
  auth: true,
  throttled: true,
  family: "notebooks",
  handler,
});

export const NOTEBOOK_ROUTES: readonly Route[] = [
  route("POST", NOTEBOOKS, createNotebook),
  route("GET", NOTEBOOKS, listNotebooks),
  route("GET", `${NOTEBOOKS}/all`, listAllNotebooks),
  route("GET", `${NOTEBOOKS}/flavors`, listFlavors),
  route("GET", `${NOTEBOOKS}/tags`, listTags),
  route("GET", NOTEBOOK, showNotebook),
  route("PUT", NOTEBOOK, updateNotebook),
  route("DELETE", NOTEBOOK, deleteNotebook),
  route("POST", `${NOTEBOOK}/start`, startNotebook),
  route("POST", `${NOTEBOOK}/stop`, stopNotebook),
  route("GET", `${NOTEBOOK}/lease`, showLease),
  route("PATCH", `${NOTEBOOK}/lease`, renewLease),
  route("GET", `${NOTEBOOK}/flavors`, listSwitchableFlavors),
  route("POST", STORAGE, attachStorage),
  route("GET", STORAGE, listStorage),
  route("GET", `${STORAGE}/{storage_id}`, showStorage),
  route("DELETE", `${STORAGE}/{storage_id}`, detachStorage),
  route("POST", `${TAGS}/create`, createTags),
  route("DELETE", `${TAGS}/delete`, deleteTags),
  route("GET", IMAGES, listImages),
  route("GET", `${IMAGES}/{id}`, showImage),
];
