/** Every API the emulator serves: IAM ([demanager §8.3, §8.4]), then each ModelArts family's own routes. */
import { DEMANAGER_ROUTES } from "./demanager/routes.js";
import { issueTokenHandler, listProjectsHandler } from "./iam.js";
import { NOTEBOOK_ROUTES } from "./notebooks/routes.js";
import type { Route } from "./shared/router.js";

export const ROUTES: readonly Route[] = [
  // Token creation authenticates with the password in the body, as IAM does.
  { method: "POST", template: "/v3/auth/tokens", auth: false, throttled: false, handler: issueTokenHandler },
  { method: "GET", template: "/v3/projects", auth: true, throttled: false, handler: listProjectsHandler },
  ...DEMANAGER_ROUTES,
  ...NOTEBOOK_ROUTES,
];
