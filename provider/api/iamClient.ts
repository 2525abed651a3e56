import type { IssuedToken } from "../auth/authenticator.js";
import { ConfigurationError } from "./errors.js";
import { registerSecret } from "./redact.js";
import type { RequestExecutor } from "./RequestExecutor.js";

interface TokenResponseBody {
  token?: { expires_at?: string; project?: { id?: string; name?: string } };
}

/**
 * POST /v3/auth/tokens with the password method, scoped to a project (ModelArts rejects unscoped tokens,
 * ModelArts.0204). The token comes back in the X-Subject-Token header with HTTP 201 [demanager §8.3].
 */
export async function issuePasswordToken(
  iam: RequestExecutor,
  user: { userName: string; password: string; domainName: string },
  scope: { projectId?: string; region?: string },
): Promise<IssuedToken> {
  const project = scope.projectId ? { id: scope.projectId } : { name: scope.region };
  const response = await iam.execute<TokenResponseBody>({
    method: "POST",
    path: "/v3/auth/tokens",
    query: [["nocatalog", "true"]],
    headers: { "Content-Type": "application/json;charset=utf8" },
    body: {
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: user.userName, password: user.password, domain: { name: user.domainName } } },
        },
        scope: { project },
      },
    },
    retry: "idempotent",
    anonymous: true,
  });
  const token = response.headers["x-subject-token"];
  if (!token) {
    throw new ConfigurationError("IAM answered the token request without an X-Subject-Token header", "IamNoToken");
  }
  // An IAM token is a credential: masked in any text from now on.
  registerSecret(token);
  const expiresAt = Date.parse(response.data.token?.expires_at ?? "");
  return {
    token,
    // Tokens are documented to live 24 h; assume less when the body does not say.
    expiresAt: Number.isNaN(expiresAt) ? Date.now() + 12 * 3600_000 : expiresAt,
    projectId: response.data.token?.project?.id,
  };
}

interface ProjectsResponseBody {
  projects?: { id?: string; name?: string }[];
}

/** GET /v3/projects?name={region}: the project id of the region's default project [demanager §8.4]. */
export async function lookupProjectId(iam: RequestExecutor, region: string): Promise<string> {
  const response = await iam.execute<ProjectsResponseBody>({
    method: "GET",
    path: "/v3/projects",
    query: [["name", region]],
    retry: "idempotent",
  });
  const project = response.data.projects?.find((p) => p.name === region && typeof p.id === "string");
  if (!project?.id) {
    throw new ConfigurationError(
      `IAM has no project named "${region}" for these credentials; set modelarts:projectId or HW_PROJECT_ID`,
      "ProjectNotFound",
    );
  }
  return project.id;
}
