/**
 * What an armed fault answers (see `faults.ts` for the kinds). The server takes the fault, applies the
 * request when the kind says so, and sends what this module makes of it.
 */
import { errorBody } from "./errors.js";
import { DEFAULT_FAULT_ERRORS, type ArmedFault } from "./faults.js";
import type { HandlerResult, RouteFamily } from "./router.js";

export interface FaultScene {
  fault: ArmedFault;
  family?: RouteFamily;
  requestId: string;
  /** The real answer, when the request was applied. */
  applied?: HandlerResult;
}

/** Whether the request runs before the fault answers. */
export function faultApplies(fault: ArmedFault): boolean {
  return fault.kind === "drop-after";
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

export function faultAnswer(scene: FaultScene): HandlerResult {
  switch (scene.fault.kind) {
    case "status":
      return statusFault(scene);
    case "drop-before":
    case "drop-after":
      // The server drops the connection; this answer is never sent.
      return scene.applied ?? { status: 0 };
  }
}
