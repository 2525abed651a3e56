/**
 * The HTTP front: reads the request, then runs the gateway steps in order (route → injected fault → rate
 * limit → auth → project check → the service's injected answers) before the handler, and writes one log line per
 * request. Every answer
 * carries `X-Request-Id` [demanager §7.1].
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AdminContext } from "./admin.js";
import { handleAdmin } from "./admin.js";
import { authenticate, checkProject } from "./auth.js";
import { faultAnswer, faultApplies } from "./faultAnswers.js";
import { IamError, iamErrorBody } from "./iam.js";
import type { RateLimiter } from "./RateLimiter.js";
import type { RequestCounts } from "./RequestCounts.js";
import { styledAnswer } from "./shared/answerStyle.js";
import type { ServiceContext } from "./shared/context.js";
import { EmulatorError, errorBody, errors } from "./shared/errors.js";
import {
  matchRoute,
  parseQuery,
  type HandlerResult,
  type Route,
  type RouteFamily,
  type RoutedRequest,
} from "./shared/router.js";

/** Bodies above 12 MB are refused by the gateway [demanager §8.5, HWC-CN 认证鉴权]. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;
const UNMATCHED = "(unmatched)";

export interface ServerParts {
  service: ServiceContext;
  admin: AdminContext;
  counts: RequestCounts;
  routes: readonly Route[];
  limiter: () => RateLimiter | undefined;
  log?: (line: string) => void;
}

class BodyTooLarge extends Error {}

/** A request id like APIG's: 32 lower-case hex digits. */
function newRequestId(): string {
  return randomBytes(16).toString("hex");
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    request.on("error", reject);
  });
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  return headers;
}

function errorResult(error: EmulatorError, requestId: string, family?: RouteFamily): HandlerResult {
  const body =
    error instanceof IamError ? iamErrorBody(error) : errorBody(error.errorCode, error.message, requestId, family);
  return { status: error.status, headers: error.headers, body };
}

const FILLER = Buffer.alloc(64 * 1024, "x");

/**
 * `{"padding":"xxx…"}` of exactly `bytes` bytes, written chunk by chunk with back-pressure, so a 20 MB answer
 * never sits in memory. Stops early when the client goes away (a client that caps answer sizes will).
 */
async function streamGenerated(response: ServerResponse, bytes: number): Promise<void> {
  const head = '{"padding":"';
  const tail = '"}';
  response.setHeader("Content-Length", bytes);
  let left = Math.max(0, bytes - head.length - tail.length);
  const write = (chunk: string | Buffer): Promise<void> | undefined =>
    response.write(chunk)
      ? undefined
      : new Promise<void>((resolve) => {
          const done = () => {
            response.off("drain", done);
            response.off("close", done);
            resolve();
          };
          response.once("drain", done);
          response.once("close", done);
        });
  await write(head);
  while (left > 0 && !response.destroyed) {
    const chunk = left >= FILLER.length ? FILLER : FILLER.subarray(0, left);
    left -= chunk.length;
    await write(chunk);
  }
  if (!response.destroyed) response.end(tail);
}

async function send(response: ServerResponse, result: HandlerResult): Promise<void> {
  response.statusCode = result.status;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
  if (result.contentType !== undefined) response.setHeader("Content-Type", result.contentType);
  if (result.generatedBytes !== undefined) return streamGenerated(response, result.generatedBytes);
  const isText = typeof result.body === "string";
  const payload = result.body === undefined ? "" : isText ? (result.body as string) : JSON.stringify(result.body);
  if (payload !== "" && result.contentType === undefined) {
    response.setHeader("Content-Type", isText ? "text/html" : "application/json");
  }
  response.setHeader("Content-Length", Buffer.byteLength(payload));
  response.end(payload);
}

/** Runs the gateway steps and the handler; throws EmulatorError for any documented error answer. */
function serve(parts: ServerParts, route: Route, request: RoutedRequest, requestId: string): HandlerResult {
  const { service } = parts;
  const now = service.now();
  if (route.throttled) {
    const retryAfter = parts.limiter()?.take(now);
    if (retryAfter !== undefined) throw errors.busy(retryAfter);
  }
  if (route.auth) {
    request.principal = authenticate(request, service.credentials, service.projectId, now);
    const pathProject = request.params.project_id;
    if (pathProject !== undefined) {
      checkProject(request.principal, pathProject, request.headers["x-project-id"], service.projectId);
    }
  }
  // The service's own error answers (a "system busy"), behind the gateway's limit and its authentication.
  const fault = service.faults.take(request.method, route.template, request.path, "service");
  if (fault) return faultAnswer({ fault, request, family: route.family, service, requestId });
  const result = route.handler(request, service);
  if (result.status < 200 || result.status > 299 || result.body === undefined) return result;
  return { ...result, body: styledAnswer(service.answerStyle, route.answer, result.body) };
}

export function createEmulatorServer(parts: ServerParts): Server {
  const internalError = (err: unknown, method: string, path: string): EmulatorError => {
    parts.log?.(`internal error on ${method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
    return new EmulatorError(500, "ModelArts.6102", "Server error, try again later.");
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const requestId = newRequestId();
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? "" : rawUrl.slice(q + 1);
    const isAdmin = path.startsWith("/_admin/");
    res.setHeader("X-Request-Id", requestId);
    // Admin calls are logged but never counted.
    const finish = (status: number | "dropped", template: string | undefined) => {
      if (template !== undefined && !isAdmin) parts.counts.record(method, template, status);
      // Only method, path, status and time: never headers, tokens or bodies.
      parts.log?.(`${method} ${path} ${status} ${Date.now() - started}ms`);
    };
    const drop = (template: string | undefined) => {
      res.socket?.destroy();
      finish("dropped", template);
    };

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      // The client went away mid-body: nobody is left to answer.
      if (!(err instanceof BodyTooLarge)) return drop(UNMATCHED);
      const result = errorResult(errors.tooLarge(), requestId);
      await send(res, result);
      return finish(result.status, UNMATCHED);
    }

    if (isAdmin) {
      await send(res, handleAdmin(method, path, body, parts.admin));
      return finish(res.statusCode, undefined);
    }

    const match = matchRoute(parts.routes, method, path);
    const template = match?.route.template ?? UNMATCHED;
    const family = match?.route.family;
    const fault = parts.service.faults.take(method, template, path);
    if (fault?.kind === "drop-before") return drop(template);
    const request: RoutedRequest = {
      method,
      path,
      rawQuery,
      query: parseQuery(rawQuery),
      headers: lowerCaseHeaders(req),
      body,
      params: match?.params ?? {},
    };
    // After the signature check's raw query was taken: the handler alone sees the listing without its offset.
    if (fault?.kind === "ignore-offset") request.query.delete("offset");
    let applied: HandlerResult | undefined;
    if (fault === undefined || faultApplies(fault)) {
      try {
        if (match === undefined) throw errors.noSuchApi();
        applied = serve(parts, match.route, request, requestId);
      } catch (err) {
        const error = err instanceof EmulatorError ? err : internalError(err, method, path);
        applied = errorResult(error, requestId, family);
      }
    }
    // drop-after: the request was applied (a create created its instance); the client only sees a reset.
    if (fault?.kind === "drop-after") return drop(template);
    const result =
      fault === undefined
        ? applied!
        : faultAnswer({ fault, request, family, service: parts.service, requestId, applied });
    finish(result.status, template);
    await send(res, result);
  };

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Last resort (e.g. an admin call whose state write failed): answer 500 rather than crash the process.
      const path = req.url?.split("?")[0] ?? "";
      if (res.headersSent) res.destroy();
      else void send(res, errorResult(internalError(err, req.method ?? "", path), newRequestId()));
    });
  });
}
