/**
 * What an armed fault answers (see `shared/Faults.ts` for the kinds). The server takes the fault, applies the
 * request when the kind says so, and sends what this module makes of it.
 */
import { otherInstanceBody } from "./otherInstance.js";
import type { ServiceContext } from "./shared/context.js";
import { errorBody, errors } from "./shared/errors.js";
import { DEFAULT_FAULT_ERRORS, type ArmedFault } from "./shared/Faults.js";
import type { HandlerResult, RouteFamily, RoutedRequest } from "./shared/router.js";

export interface FaultScene {
  fault: ArmedFault;
  request: RoutedRequest;
  family?: RouteFamily;
  service: ServiceContext;
  requestId: string;
  /** The real answer, when the request was applied. */
  applied?: HandlerResult;
}

/** Whether the request runs before the fault answers (drop-after, other-instance, ignore-offset always; others with `apply`). */
export function faultApplies(fault: ArmedFault): boolean {
  if (fault.kind === "drop-after" || fault.kind === "other-instance" || fault.kind === "ignore-offset") return true;
  if (fault.kind === "status" || fault.kind === "drop-before") return false;
  return fault.apply === true;
}

/** `application/json` for a body that parses as JSON (`null`, `{}`), else `text/html` (a proxy's page). */
function guessContentType(text: string): string {
  try {
    JSON.parse(text);
    return "application/json";
  } catch {
    return "text/html";
  }
}

function echo(text: string, request: RoutedRequest): string {
  return text.replace(/\{\{(header:([^}]+)|body)\}\}/g, (_all, what: string, header: string | undefined) =>
    header !== undefined ? (request.headers[header.toLowerCase()] ?? "") : request.body.toString("utf8"),
  );
}

function statusFault(scene: FaultScene): HandlerResult {
  const { fault } = scene;
  const status = fault.status ?? 500;
  const defaults = DEFAULT_FAULT_ERRORS[status] ?? {
    code: "ModelArts.6102",
    message: "Server error, try again later.",
  };
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers["Retry-After"] = String(fault.retryAfterSeconds);
  if (fault.rawBody !== undefined) return { status, headers, body: fault.rawBody };
  const code = fault.errorCode ?? defaults.code;
  const body = errorBody(code, fault.errorMessage ?? defaults.message, scene.requestId, scene.family);
  return { status, headers, body };
}

function otherInstance(scene: FaultScene): HandlerResult {
  const applied = scene.applied!;
  if (scene.family === undefined || applied.status < 200 || applied.status > 299) return applied;
  const { params } = scene.request;
  const createdId = (applied.body as { id?: unknown } | undefined)?.id;
  const exclude = [
    params.instance_id,
    params.id,
    params.resource_id,
    typeof createdId === "string" ? createdId : undefined,
  ];
  const other = otherInstanceBody(scene.service, scene.family, exclude, scene.fault.otherId);
  return other === undefined ? applied : { status: applied.status, headers: applied.headers, body: other };
}

export function faultAnswer(scene: FaultScene): HandlerResult {
  const { fault } = scene;
  switch (fault.kind) {
    case "status":
      return statusFault(scene);
    case "body": {
      const text = fault.rawBody ?? "";
      return { status: fault.status ?? 200, body: text, contentType: fault.contentType ?? guessContentType(text) };
    }
    case "gateway-404": {
      const error = errors.noSuchApi();
      return { status: error.status, body: errorBody(error.errorCode, error.message, scene.requestId) };
    }
    case "oversized":
      return {
        status: fault.status ?? 200,
        generatedBytes: fault.bytes ?? 0,
        contentType: fault.contentType ?? "application/json",
      };
    case "echo-secrets": {
      const text = echo(fault.text ?? "", scene.request);
      return { status: fault.status ?? 400, body: text, contentType: fault.contentType ?? guessContentType(text) };
    }
    case "other-instance":
      return otherInstance(scene);
    case "ignore-offset":
      // The server served the request without its offset; its answer is the real one.
      return scene.applied!;
    case "drop-before":
    case "drop-after":
      // The server drops the connection; this answer is never sent.
      return scene.applied ?? { status: 0 };
  }
}
