import {
  createAkSkAuthenticator,
  createPasswordAuthenticator,
  createStaticTokenAuthenticator,
  type Authenticator,
} from "./authenticator.js";
import {
  mustLookLikeProjectId,
  PROJECT_ID_PATTERN,
  type Credentials,
  type ResolvedSettings,
} from "../settings/resolveSettings.js";
import { DemanagerClient } from "./DemanagerClient.js";
import { ConfigurationError } from "../base/errors.js";
import { NotebooksClient } from "./NotebooksClient.js";
import { issuePasswordToken, lookupProjectId } from "./iamClient.js";
import { registerSecret } from "../base/redact.js";
import { RequestExecutor, type ExecutorOptions } from "./RequestExecutor.js";

export type ClientOptions = Omit<ExecutorOptions, "baseUrl" | "baseUrlSource" | "auth">;

/** What every API client is built from: an authenticated executor for the ModelArts endpoint and the project. */
export interface ApiConnection {
  executor: RequestExecutor;
  projectId: string;
}

/**
 * Authenticates and finds the project once for every client: the authenticator for the credential kind, and the
 * project id (given, learned from the IAM token, or looked up by region name). Every credential value is
 * registered for masking before any request is made.
 */
export async function connect(settings: ResolvedSettings, options: ClientOptions = {}): Promise<ApiConnection> {
  registerCredentials(settings.credentials);
  // IAM has its own quota: the ModelArts gateway's pacing does not apply to it.
  const { limiter, ...iamOptions } = options;
  const iamAnonymous = new RequestExecutor({
    ...iamOptions,
    baseUrl: settings.iamEndpoint,
    baseUrlSource: settings.iamEndpointSource,
  });
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
    const iam = new RequestExecutor({
      ...iamOptions,
      baseUrl: settings.iamEndpoint,
      baseUrlSource: settings.iamEndpointSource,
      auth,
    });
    // resolveSettings guarantees a region whenever the project id is missing.
    projectId = await lookupProjectId(iam, settings.region!);
  }
  // From IAM's answer, not the user: it goes into every path all the same, so it is held to the same form.
  if (!PROJECT_ID_PATTERN.test(projectId)) {
    throw new ConfigurationError(
      `the project id IAM gave for region ${settings.region ?? "(none)"} ${mustLookLikeProjectId(projectId)}; ` +
        "set modelarts:projectId",
      "InvalidProjectId",
    );
  }
  const executor = new RequestExecutor({
    ...iamOptions,
    ...(limiter && { limiter }),
    baseUrl: settings.endpoint,
    baseUrlSource: settings.endpointSource,
    auth,
  });
  return { executor, projectId };
}

/** A ready demanager (v1) client. */
export async function createDemanagerClient(
  settings: ResolvedSettings,
  options: ClientOptions = {},
): Promise<DemanagerClient> {
  return new DemanagerClient(await connect(settings, options));
}

/** A ready notebooks (v2) client. */
export async function createNotebooksClient(
  settings: ResolvedSettings,
  options: ClientOptions = {},
): Promise<NotebooksClient> {
  return new NotebooksClient(await connect(settings, options));
}

/** The secret parts of the credentials (a user or account name is not a secret, and stays readable). */
function registerCredentials(credentials: Credentials): void {
  switch (credentials.kind) {
    case "aksk":
      [credentials.accessKey, credentials.secretKey, credentials.securityToken].forEach(registerSecret);
      break;
    case "token":
      registerSecret(credentials.token);
      break;
    case "password":
      registerSecret(credentials.password);
      break;
  }
}
