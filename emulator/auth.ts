/**
 * Who is calling. Every ModelArts call (and the IAM project look-up) carries either an AK/SK signature
 * (`Authorization: SDK-HMAC-SHA256 …`, [demanager §8.5]) or `X-Auth-Token` [demanager §8.3]. Failures answer HTTP 401
 * APIGW.0301 with the gateway's wording; a bad signature echoes the server's canonical request with `|` for
 * newlines, as the signing guide documents (api-sign-0001), so a client can diff it against its own.
 */
import { verifySignature } from "../protocol/signing/verifySignature.js";
import type { EmulatorCredentials } from "./shared/defaults.js";
import { errors } from "./shared/errors.js";
import type { Principal } from "./shared/router.js";
import { checkToken } from "./tokens.js";

export interface IncomingCall {
  method: string;
  /** Raw (still percent-encoded) path, without the query. */
  path: string;
  rawQuery: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: Buffer;
}

/** Signature dates may differ from the server clock by this much [demanager §8.5]. */
const MAX_SKEW_MS = 15 * 60 * 1000;

export function authenticate(
  call: IncomingCall,
  credentials: EmulatorCredentials,
  projectId: string,
  now: number,
): Principal {
  const token = call.headers["x-auth-token"];
  if (token !== undefined) {
    // Configured tokens stand for tokens issued elsewhere, scoped to the emulator's project.
    if (credentials.tokens.includes(token)) return { kind: "token", projectId };
    const checked = checkToken(token, now);
    if (!checked.ok) throw errors.unauthorized(checked.reason);
    return { kind: "token", projectId: checked.claims.projectId };
  }
  const authorization = call.headers.authorization;
  if (authorization === undefined) throw errors.unauthorized("x-auth-token not found");

  const result = verifySignature({
    method: call.method,
    path: call.path,
    rawQuery: call.rawQuery,
    headers: call.headers,
    body: call.body,
    lookupSecret: (ak: string) => credentials.accessKeys.find((k) => k.accessKey === ak)?.secretKey,
    now: new Date(now),
    maxSkewMs: MAX_SKEW_MS,
  });
  if (!result.ok) {
    if (result.canonicalRequest !== undefined) {
      throw errors.unauthorized(
        `verify aksk signature fail, canonicalRequest: ${result.canonicalRequest.replace(/\n/g, "|")}`,
      );
    }
    throw errors.unauthorized(`verify aksk signature fail: ${result.reason}`);
  }
  const key = credentials.accessKeys.find((k) => k.accessKey === result.accessKey);
  if (key?.securityToken !== undefined) {
    // A temporary AK is only valid together with its security token, which must be signed too [demanager §8.2].
    const signed = /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1]?.split(";") ?? [];
    if (call.headers["x-security-token"] !== key.securityToken || !signed.includes("x-security-token")) {
      throw errors.unauthorized("verify security token fail");
    }
  }
  return { kind: "aksk", accessKey: result.accessKey };
}

/**
 * The `{project_id}` in the path must be the caller's project ([demanager §7.3]: ModelArts.0204 unscoped token, 0210
 * mismatch). The emulator hosts one project; an `X-Project-Id` header, when sent, must name it too.
 */
export function checkProject(
  principal: Principal,
  pathProjectId: string,
  headerProjectId: string | undefined,
  projectId: string,
): void {
  if (principal.kind === "token" && principal.projectId === undefined) throw errors.unscopedToken();
  const callerProject = principal.kind === "token" ? principal.projectId : projectId;
  if (pathProjectId !== callerProject || pathProjectId !== projectId) throw errors.projectMismatch();
  if (headerProjectId !== undefined && headerProjectId !== pathProjectId) throw errors.projectMismatch();
}
