/** Every API the emulator serves (API reference §1, §8.3, §8.4). */
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
import type { Route } from "./router.js";

const INSTANCES = "/v1/{project_id}/demanager/instances";
const INSTANCE = `${INSTANCES}/{instance_id}`;

export const ROUTES: readonly Route[] = [
  // Token creation authenticates with the password in the body, as IAM does.
  { method: "POST", template: "/v3/auth/tokens", auth: false, throttled: false, handler: issueTokenHandler },
  { method: "GET", template: "/v3/projects", auth: true, throttled: false, handler: listProjectsHandler },
  { method: "POST", template: INSTANCES, auth: true, throttled: true, handler: createInstance },
  { method: "GET", template: INSTANCES, auth: true, throttled: true, handler: listInstances },
  { method: "GET", template: INSTANCE, auth: true, throttled: true, handler: getInstance },
  { method: "PUT", template: INSTANCE, auth: true, throttled: true, handler: updateInstance },
  { method: "DELETE", template: INSTANCE, auth: true, throttled: true, handler: deleteInstance },
  { method: "POST", template: `${INSTANCE}/action`, auth: true, throttled: true, handler: instanceAction },
  { method: "GET", template: `${INSTANCE}/token`, auth: true, throttled: true, handler: instanceToken },
];
