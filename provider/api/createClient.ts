import {
  createAkSkAuthenticator,
  createPasswordAuthenticator,
  createStaticTokenAuthenticator,
  type Authenticator,
} from "../auth/authenticator.js";
import type { ResolvedSettings } from "../auth/resolveSettings.js";
import { issuePasswordToken, lookupProjectId } from "./iamClient.js";
import { ModelArtsClient } from "./ModelArtsClient.js";
import { RequestExecutor, type ExecutorOptions } from "./requestExecutor.js";

export type ClientOptions = Omit<ExecutorOptions, "baseUrl" | "auth">;

/**
 * Builds a ready client from resolved settings: the authenticator for the credential kind, and the project id
 * (given, learned from the IAM token, or looked up by region name).
 */
export async function createModelArtsClient(
  settings: ResolvedSettings,
  options: ClientOptions = {},
): Promise<ModelArtsClient> {
  const iamAnonymous = new RequestExecutor({ ...options, baseUrl: settings.iamEndpoint });
  const credentials = settings.credentials;
  let auth: Authenticator;
  switch (credentials.kind) {
    case "aksk":
      auth = createAkSkAuthenticator(credentials);
      break;
    case "token":
      auth = createStaticTokenAuthenticator(credentials.token);
      break;
    case "password":
      auth = createPasswordAuthenticator({
        issue: () =>
          issuePasswordToken(iamAnonymous, credentials, { projectId: settings.projectId, region: settings.region }),
      });
      break;
  }
  let projectId = settings.projectId;
  if (!projectId && auth.knownProjectId) {
    await auth.headersFor({ method: "GET", url: settings.iamEndpoint, headers: {} });
    projectId = auth.knownProjectId();
  }
  if (!projectId) {
    const iam = new RequestExecutor({ ...options, baseUrl: settings.iamEndpoint, auth });
    // resolveSettings guarantees a region whenever the project id is missing.
    projectId = await lookupProjectId(iam, settings.region!);
  }
  const executor = new RequestExecutor({ ...options, baseUrl: settings.endpoint, auth });
  return new ModelArtsClient({ executor, projectId, sleep: options.sleep, random: options.random, now: options.now });
}
