/**
 * The test-only admin API under `/_admin/` (no auth, never counted, never throttled or faulted). It arms faults,
 * reads request counts and sets the gateway's rate limit, token lifetime and answer style; each API family's part
 * (`demanager/admin.ts`, `notebooks/admin.ts`) changes its records out of band. `AdminClient.ts` is its typed client.
 */
import { routeDemanagerAdmin } from "./demanager/admin.js";
import { routeNotebookAdmin } from "./notebooks/admin.js";
import type { RateLimitOptions } from "./RateLimiter.js";
import type { RequestCounts } from "./RequestCounts.js";
import { AdminError, asObject } from "./shared/AdminError.js";
import { checkAnswerStyle } from "./shared/answerStyle.js";
import type { ServiceContext } from "./shared/context.js";
import type { FamilyAdmin } from "./shared/adminRoute.js";
import { FAULT_KINDS, type FaultSpec } from "./shared/Faults.js";
import { parseJson, type HandlerResult } from "./shared/router.js";

export interface AdminContext {
  service: ServiceContext;
  counts: RequestCounts;
  rateLimit(): RateLimitOptions | undefined;
  setRateLimit(options: RateLimitOptions | undefined): void;
  /** Instances, notebooks, sold-out marks, faults, counts, the rate limit, the token lifetime, the switches and the answer style back to the start-up configuration. */
  resetAll(): void;
}

/** Each API family's part, asked in turn for a path the gateway's part does not know. */
const FAMILIES: readonly FamilyAdmin[] = [routeDemanagerAdmin, routeNotebookAdmin];

/** Bounds for the `oversized` fault: enough for `{"padding":""}`, and no more than a gigabyte. */
const OVERSIZED_MIN_BYTES = 16;
const OVERSIZED_MAX_BYTES = 1024 * 1024 * 1024;

function checkFault(body: unknown): FaultSpec {
  const spec = asObject(body) as unknown as FaultSpec;
  if (typeof spec.route !== "string") throw new AdminError(400, "route is required");
  if (!FAULT_KINDS.includes(spec.kind)) throw new AdminError(400, `kind must be one of ${FAULT_KINDS.join(", ")}`);
  if (spec.kind === "body" && typeof spec.rawBody !== "string") {
    throw new AdminError(400, "a body fault needs rawBody (a string)");
  }
  if (spec.kind === "echo-secrets" && typeof spec.text !== "string") {
    throw new AdminError(400, "an echo-secrets fault needs text (a string)");
  }
  if (
    spec.kind === "oversized" &&
    !(Number.isInteger(spec.bytes) && spec.bytes! >= OVERSIZED_MIN_BYTES && spec.bytes! <= OVERSIZED_MAX_BYTES)
  ) {
    throw new AdminError(
      400,
      `an oversized fault needs bytes, an integer from ${OVERSIZED_MIN_BYTES} to ${OVERSIZED_MAX_BYTES}`,
    );
  }
  if (spec.every !== undefined && !(Number.isInteger(spec.every) && spec.every >= 1)) {
    throw new AdminError(400, "every must be a whole number >= 1");
  }
  if (spec.firstPerPath !== undefined && typeof spec.firstPerPath !== "boolean") {
    throw new AdminError(400, "firstPerPath must be a boolean");
  }
  if (spec.behindGateway !== undefined && !(spec.behindGateway === false || spec.kind === "status")) {
    throw new AdminError(400, "only a status fault can be behindGateway (the service's own error answer)");
  }
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 100 && spec.status <= 599)) {
    throw new AdminError(400, "status must be an HTTP status code");
  }
  return spec;
}

function route(method: string, path: string, body: unknown, context: AdminContext): HandlerResult {
  const { service } = context;

  switch (`${method} ${path}`) {
    case "GET /_admin/health":
      return {
        status: 200,
        body: { ok: true, projectId: service.projectId, region: service.region, timeScale: service.timeScale },
      };
    case "POST /_admin/reset":
      context.resetAll();
      return { status: 200, body: { ok: true } };
    case "GET /_admin/answer-style":
      return { status: 200, body: { style: service.answerStyle } };
    case "PUT /_admin/answer-style":
      try {
        service.answerStyle = checkAnswerStyle(asObject(body).style);
      } catch (err) {
        throw new AdminError(400, (err as Error).message, { cause: err });
      }
      return { status: 200, body: { style: service.answerStyle } };
    case "GET /_admin/faults":
      return { status: 200, body: { faults: service.faults.list() } };
    case "POST /_admin/faults":
      return { status: 200, body: service.faults.arm(checkFault(body)) };
    case "DELETE /_admin/faults":
      service.faults.clear();
      return { status: 200, body: { ok: true } };
    case "GET /_admin/requests":
      return { status: 200, body: context.counts.snapshot() };
    case "DELETE /_admin/requests":
      context.counts.reset();
      return { status: 200, body: { ok: true } };
    case "GET /_admin/rate-limit":
      return { status: 200, body: { rateLimit: context.rateLimit() ?? null } };
    case "PUT /_admin/rate-limit": {
      const options = asObject(body) as unknown as RateLimitOptions;
      if (!(typeof options.requestsPerSecond === "number" && options.requestsPerSecond > 0)) {
        throw new AdminError(400, "requestsPerSecond must be a positive number");
      }
      context.setRateLimit(options);
      return { status: 200, body: { rateLimit: options } };
    }
    case "DELETE /_admin/rate-limit":
      context.setRateLimit(undefined);
      return { status: 200, body: { rateLimit: null } };
    case "GET /_admin/iam":
      return { status: 200, body: { tokenTtlSeconds: service.tokenTtlMs / 1000 } };
    case "PUT /_admin/iam": {
      const seconds = asObject(body).tokenTtlSeconds;
      if (!(typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0)) {
        throw new AdminError(400, "tokenTtlSeconds must be a positive number of seconds");
      }
      // Tokens issued from now on; those already out keep the expiry they were issued with.
      service.tokenTtlMs = seconds * 1000;
      return { status: 200, body: { tokenTtlSeconds: seconds } };
    }
    default:
      for (const family of FAMILIES) {
        const answer = family(method, path, body, service);
        if (answer !== undefined) return answer;
      }
      throw new AdminError(404, `no admin route ${method} ${path}`);
  }
}

export function handleAdmin(method: string, path: string, rawBody: Buffer, context: AdminContext): HandlerResult {
  try {
    return route(method, path, parseJson(rawBody), context);
  } catch (err) {
    if (err instanceof AdminError) return { status: err.status, body: { error: err.message } };
    throw err;
  }
}
