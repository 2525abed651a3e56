/**
 * The two IAM calls a client needs [demanager §8.3, §8.4]: a password-method, project-scoped token
 * (`POST /v3/auth/tokens`, 201, token in `X-Subject-Token`) and the project-id look-up
 * (`GET /v3/projects?name={region}`). IAM errors use the Keystone shape `{error: {code, title, message}}`;
 * `error_code`/`error_msg` are added so one error parser reads every layer.
 */
import type { ServiceContext } from "./shared/context.js";
import { EmulatorError } from "./shared/errors.js";
import { parseJson, type HandlerResult, type RoutedRequest } from "./shared/router.js";
import { issueToken } from "./tokens.js";

export class IamError extends EmulatorError {}

const TITLES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized" };

export function iamErrorBody(error: EmulatorError): Record<string, unknown> {
  return {
    error: { code: error.status, title: TITLES[error.status] ?? "Error", message: error.message },
    error_code: error.errorCode,
    error_msg: error.message,
  };
}

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function projectView(service: ServiceContext): Record<string, unknown> {
  return {
    id: service.projectId,
    name: service.region,
    domain_id: service.user.domainId,
    enabled: true,
    is_domain: false,
    parent_id: service.user.domainId,
    description: "",
    links: { self: `https://iam.myhuaweicloud.com/v3/projects/${service.projectId}` },
  };
}

export function issueTokenHandler(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const body = parseJson(request.body);
  const identity = at(body, "auth", "identity");
  const methods = at(identity, "methods");
  if (!Array.isArray(methods) || !methods.includes("password")) {
    throw new IamError(400, "IAM.0003", "The request body is invalid: only the password method is supported.");
  }
  const name = at(identity, "password", "user", "name");
  const password = at(identity, "password", "user", "password");
  const domainName = at(identity, "password", "user", "domain", "name");
  const domainId = at(identity, "password", "user", "domain", "id");
  if (
    typeof name !== "string" ||
    typeof password !== "string" ||
    (domainName === undefined && domainId === undefined)
  ) {
    throw new IamError(400, "IAM.0003", "The request body is invalid: user name, password and domain are required.");
  }
  const user = service.credentials.users.find(
    (u) =>
      u.name === name &&
      u.password === password &&
      (domainName === u.domainName || (domainId !== undefined && domainId === service.user.domainId)),
  );
  if (user === undefined) throw new IamError(401, "IAM.0004", "The username or password is wrong.");

  const scope = at(body, "auth", "scope", "project");
  let projectId: string | undefined;
  if (scope !== undefined) {
    const scopeName = at(scope, "name");
    const scopeId = at(scope, "id");
    if (scopeName !== service.region && scopeId !== service.projectId) {
      throw new IamError(401, "IAM.0005", "The project in the scope does not exist or is not accessible.");
    }
    projectId = service.projectId;
  }
  const now = service.now();
  const expiresAt = now + service.tokenTtlMs;
  const token = issueToken({ userName: user.name, projectId, expiresAt, issuedAt: now });
  const domain = { id: service.user.domainId, name: user.domainName };
  const tokenBody: Record<string, unknown> = {
    expires_at: new Date(expiresAt).toISOString(),
    issued_at: new Date(now).toISOString(),
    methods: ["password"],
    user: { id: service.user.id, name: user.name, domain, password_expires_at: "" },
    roles: [{ id: "0", name: "te_admin" }],
  };
  if (projectId !== undefined) tokenBody.project = { id: projectId, name: service.region, domain };
  if (request.query.get("nocatalog") !== "true") tokenBody.catalog = [];
  return { status: 201, headers: { "X-Subject-Token": token }, body: { token: tokenBody } };
}

export function listProjectsHandler(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const name = request.query.get("name");
  const projects = name === undefined || name === service.region ? [projectView(service)] : [];
  return {
    status: 200,
    body: { projects, links: { self: "https://iam.myhuaweicloud.com/v3/projects", previous: null, next: null } },
  };
}
