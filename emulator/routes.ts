/** Every API the emulator serves ([demanager §1, §8.3, §8.4]; [notebooks §1]). */
import { issueTokenHandler, listProjectsHandler } from "./iam.js";
import {
  createInstance,
  deleteInstance,
  getInstance,
  instanceAction,
  instanceToken,
  listInstances,
  updateInstance,
} from "./instances.js";
import { NOTEBOOK_ROUTES } from "./notebooks/routes.js";
import type { Route } from "./router.js";

const INSTANCES = "/v1/{project_id}/demanager/instances";
const INSTANCE = `${INSTANCES}/{instance_id}`;

const demanager = (method: string, template: string, handler: Route["handler"], answer?: string): Route => ({
  method,
  template,
  auth: true,
  throttled: true,
  family: "demanager",
  ...(answer !== undefined && { answer }),
  handler,
});

export const ROUTES: readonly Route[] = [
  // Token creation authenticates with the password in the body, as IAM does.
  { method: "POST", template: "/v3/auth/tokens", auth: false, throttled: false, handler: issueTokenHandler },
  { method: "GET", template: "/v3/projects", auth: true, throttled: false, handler: listProjectsHandler },
  demanager("POST", INSTANCES, createInstance, "Instance"),
  demanager("GET", INSTANCES, listInstances, "ListResponse"),
  demanager("GET", INSTANCE, getInstance, "Instance"),
  demanager("PUT", INSTANCE, updateInstance, "Instance"),
  demanager("DELETE", INSTANCE, deleteInstance, "DeleteResponse"),
  demanager("POST", `${INSTANCE}/action`, instanceAction, "ActionResponse"),
  demanager("GET", `${INSTANCE}/token`, instanceToken),
  ...NOTEBOOK_ROUTES,
];
