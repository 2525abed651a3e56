/**
 * Request-body checks. The documented business rules with their own error codes run first (so a missing
 * storage answers 6316, not a generic payload error); then the body's shape is checked against schema.json
 * with `validateWire`, and a shape failure answers ModelArts.6400 "Invalid request payload …".
 */
import { validateWire } from "../../protocol/validation/validators.js";
import { errors } from "../shared/errors.js";
import { checkDescription, checkName } from "../shared/nameRules.js";
import type { StorageSpec } from "./types.js";

/** `spec.auto_stop.duration` bounds in seconds [demanager §2.1, Table 6]. */
export const AUTO_STOP_MIN_S = 3600;
export const AUTO_STOP_MAX_S = 86400;

export interface AutoStopInput {
  enable?: boolean;
  duration?: number;
  prompt?: boolean;
}

export interface CreateInput {
  name: string;
  profile_id: string;
  description?: string;
  flavor: string;
  spec: {
    storage: StorageSpec;
    extend_storage?: StorageSpec[];
    auto_stop?: AutoStopInput;
    annotations?: Record<string, string>;
  };
  workspace?: { id?: string };
  pool?: Record<string, unknown> & { id: string };
  ai_project?: { id?: string };
}

export interface UpdateInput {
  description?: string;
  spec?: { auto_stop?: AutoStopInput };
}

export type ActionName = "start" | "stop" | "restart" | "queue" | "dequeue";
export const ACTIONS: readonly ActionName[] = ["start", "stop", "restart", "queue", "dequeue"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkShape(defName: string, body: unknown): void {
  const result = validateWire(defName, body);
  if (result.valid) return;
  const detail = result.errors.map((e) => `${e.property}: ${e.reason}`).join("; ");
  throw errors.invalidPayload(detail === "" ? "" : `(${detail})`);
}

function requireObjectBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw errors.invalidPayload("(the body must be a JSON object)");
  return body;
}

/** 6348 when enabled without a duration, 6349 when the duration is outside 3600–86400 s. */
function checkAutoStop(autoStop: unknown): void {
  if (!isObject(autoStop)) return;
  const { enable, duration } = autoStop;
  if (enable === true && (duration === undefined || duration === null)) throw errors.durationMissing();
  if (
    typeof duration === "number" &&
    (!Number.isInteger(duration) || duration < AUTO_STOP_MIN_S || duration > AUTO_STOP_MAX_S)
  ) {
    throw errors.durationRange(AUTO_STOP_MIN_S, AUTO_STOP_MAX_S);
  }
}

/**
 * Storage rules [demanager §2.1]: storage present (6316); only `obs` today (6324); an OBS path present (6317), ending
 * in `/` (6318), absolute, and naming a directory inside a bucket, not the bucket root (6358).
 */
function checkStorage(spec: unknown): void {
  const storage = isObject(spec) ? spec.storage : undefined;
  if (storage === undefined || storage === null) throw errors.storageMissing();
  if (!isObject(storage)) return;
  if (typeof storage.type === "string" && storage.type !== "obs") throw errors.storageTypeUnsupported();
  const location = storage.location;
  const path = isObject(location) ? location.path : undefined;
  if (path === undefined || path === null || path === "") throw errors.pathMissing();
  if (typeof path !== "string") return;
  if (!path.endsWith("/")) throw errors.pathNoSlash();
  // `/{bucket}/{dir}/…/` as in every sample; a scheme such as `obs://` is not part of the format [demanager §2.1].
  if (!path.startsWith("/")) throw errors.incorrectValue("path");
  const segments = path.split("/").filter((s) => s !== "");
  if (segments.length < 2) throw errors.bucketRoot();
}

export function checkCreateRequest(body: unknown): CreateInput {
  const b = requireObjectBody(body);
  checkStorage(b.spec);
  checkAutoStop(isObject(b.spec) ? b.spec.auto_stop : undefined);
  checkName(b.name);
  checkDescription(b.description);
  checkShape("CreateRequest", b);
  return b as unknown as CreateInput;
}

export function checkUpdateRequest(body: unknown): UpdateInput {
  const b = requireObjectBody(body);
  checkDescription(b.description);
  checkAutoStop(isObject(b.spec) ? b.spec.auto_stop : undefined);
  checkShape("UpdateRequest", b);
  return b as UpdateInput;
}

export function checkActionRequest(body: unknown): ActionName {
  const b = requireObjectBody(body);
  if (b.action === undefined) throw errors.required("action");
  if (!ACTIONS.includes(b.action as ActionName)) throw errors.incorrectValue("action");
  checkShape("ActionRequest", b);
  return b.action as ActionName;
}
