/** The demanager v1 API, `/v1/{project_id}/demanager/instances…` [demanager §1]. */
import type { Route } from "../shared/router.js";
import {
  createInstance,
  deleteInstance,
  getInstance,
  instanceAction,
  instanceToken,
  listInstances,
  updateInstance,
} from "./instances.js";

const INSTANCES = "/v1/{project_id}/demanager/instances";
const INSTANCE = `${INSTANCES}/{instance_id}`;

const route = (method: string, template: string, handler: Route["handler"], answer?: string): Route => ({
  method,
  template,
  auth: true,
  throttled: true,
  family: "demanager",
  ...(answer !== undefined && { answer }),
  handler,
});

export const DEMANAGER_ROUTES: readonly Route[] = [
  route("POST", INSTANCES, createInstance, "Instance"),
  route("GET", INSTANCES, listInstances, "ListResponse"),
  route("GET", INSTANCE, getInstance, "Instance"),
  route("PUT", INSTANCE, updateInstance, "Instance"),
  route("DELETE", INSTANCE, deleteInstance, "DeleteResponse"),
  route("POST", `${INSTANCE}/action`, instanceAction, "ActionResponse"),
  route("GET", `${INSTANCE}/token`, instanceToken),
];
