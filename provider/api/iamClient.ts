import type { IssuedToken } from "./authenticator.js";
import { ConfigurationError } from "../base/errors.js";
import { registerSecret } from "../base/redact.js";
import type { RequestExecutor } from "./RequestExecutor.js";

interface TokenResponseBody {
  token?: { expires_at?: unknown; issued_at?: unknown; project?: { id?: unknown; name?: unknown } };
}

/** Tokens are documented to live 24 h [demanager §8.3]; assume less when the answer does not say. */
const ASSUMED_LIFETIME_MS = 12 * 3600_000;

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
  // The token cannot be older than the request: its lifetime counts from here on this machine's clock.
  const sentAt = Date.now();
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
  // The token is a credential: masked in any text from now on. The rest of the answer (project, user, region,
  // times) is not, and stays readable in messages.
  registerSecret(token);
  const projectId = response.data.token?.project?.id;
  return {
    token,
    issuedAt: sentAt,
    expiresAt: sentAt + lifetimeOf(response.data.token, sentAt),
    projectId: typeof projectId === "string" ? projectId : undefined,
  };
}

/**
 * The token's lifetime from IAM's own `issued_at` and `expires_at`, so that a clock that is off on this machine
 * neither makes a fresh token look expired nor keeps an expired one; from `expires_at` alone when that is all
 * there is.
 */
function lifetimeOf(body: TokenResponseBody["token"], sentAt: number): number {
  const expiresAt = typeof body?.expires_at === "string" ? Date.parse(body.expires_at) : NaN;
  const issuedAt = typeof body?.issued_at === "string" ? Date.parse(body.issued_at) : NaN;
  if (Number.isNaN(expiresAt)) return ASSUMED_LIFETIME_MS;
  return Number.isNaN(issuedAt) ? expiresAt - sentAt : expiresAt - issuedAt;
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
