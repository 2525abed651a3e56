/**
 * Request checks of the notebooks family. As for demanager, the documented rules with their own codes run
 * first (6335 required, 6334 characters, 6349 duration, 6324/6336/6331 volume), then the body's shape is
 * checked against the schema.json `Notebook…` $defs (6400). Enum values are accepted in any case and
 * answered in upper case ([notebooks §4.2]: the OTC example sends "evs"/"managed").
 */
import {
  LEASE_DISABLED,
  LEASE_DURATION_MAX_MS,
  LEASE_DURATION_MIN_MS,
  LEASE_TYPES,
  type LeaseType,
  type NotebookCreateRequest,
  type NotebookDataVolumesRequest,
  type NotebookTagsRequest,
  type NotebookUpdateRequest,
} from "../../protocol/notebooks/wireTypes.js";
import { validateWire } from "../../protocol/validation/validators.js";
import { errors } from "../shared/errors.js";
import { checkDescription, checkName } from "../shared/nameRules.js";
import { parseJson, type RoutedRequest } from "../shared/router.js";
import { EVS_MAX_GB, EVS_MIN_GB, notebookErrors } from "./errors.js";
import { enumParam, integerParam } from "./queryParams.js";

/** A subdirectory of /data/ ([notebooks §12]; Terraform checks `^/data/[a-zA-Z0-9_-]*\/$`). */
const MOUNT_PATH = /^\/data\/[^/]+(\/[^/]+)*\/$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON body; `optional` bodies (start, stop, lease renewal) may be absent. 6400 when it is not JSON. */
export function jsonBody(request: RoutedRequest, optional = false): unknown {
  if (request.body.length === 0 && optional) return undefined;
  const parsed = parseJson(request.body);
  if (parsed === undefined) throw errors.invalidPayload("(the body is not valid JSON)");
  return parsed;
}

function requireObject(body: unknown): Json {
  if (!isObject(body)) throw errors.invalidPayload("(the body must be a JSON object)");
  return body;
}

function checkShape(defName: string, body: unknown): void {
  const result = validateWire(defName, body);
  if (result.valid) return;
  const detail = result.errors.map((e) => `${e.property}: ${e.reason}`).join("; ");
  throw errors.invalidPayload(detail === "" ? "" : `(${detail})`);
}

function upper(object: unknown, key: string): void {
  if (isObject(object) && typeof object[key] === "string") object[key] = (object[key] as string).toUpperCase();
}

/** Upper-cases the enum fields a body may carry, in place (the body is a fresh parse). */
function upperCaseEnums(body: Json): void {
  upper(body, "feature");
  upper(body, "category");
  for (const volume of [body.volume, ...(Array.isArray(body.data_volumes) ? body.data_volumes : [])]) {
    upper(volume, "category");
    upper(volume, "ownership");
  }
  upper(body.lease, "type");
  if (Array.isArray(body.endpoints)) for (const endpoint of body.endpoints) upper(endpoint, "service");
  upper(body.custom_spec, "arch");
  upper(body.custom_spec, "category");
  const hooks = isObject(body.hooks) ? body.hooks.container_hooks : undefined;
  if (isObject(hooks)) {
    for (const hook of [hooks.pre_start, hooks.post_start]) {
      upper(hook, "type");
      upper(hook, "mode");
    }
  }
}

function requireField(value: unknown, field: string): void {
  if (value === undefined || value === null || value === "") throw errors.required(field);
}

/** 3600000–259200000 ms [notebooks §4.1, §9]; `-1` (no auto-stop, Terraform) where `allowDisable`. */
function checkDuration(duration: unknown, allowDisable: boolean): void {
  if (typeof duration !== "number") return;
  if (allowDisable && duration === LEASE_DISABLED) return;
  if (!Number.isInteger(duration) || duration < LEASE_DURATION_MIN_MS || duration > LEASE_DURATION_MAX_MS) {
    throw notebookErrors.leaseDurationRange();
  }
}

/**
 * The system volume [notebooks §4.2]: EVS or EFS (OBS, OBSFS and OTC's SFS are refused with 6324, [notebooks §19] question 9);
 * DEDICATED only with EFS, and then `uri` and `id` (6336); an EVS capacity within 5–4096 GB (6331).
 */
function checkVolume(volume: Json): void {
  const { category, ownership, capacity } = volume;
  if (typeof category === "string" && category !== "EVS" && category !== "EFS") throw errors.storageTypeUnsupported();
  if (ownership === "DEDICATED") {
    if (category !== "EFS") throw errors.incorrectValue("volume.ownership");
    if (volume.uri === undefined || volume.uri === "") throw errors.incorrectValue("volume.uri");
    if (volume.id === undefined || volume.id === "") throw errors.incorrectValue("volume.id");
  }
  if (category === "EVS" && typeof capacity === "number" && (capacity < EVS_MIN_GB || capacity > EVS_MAX_GB)) {
    throw notebookErrors.evsSize(EVS_MIN_GB, EVS_MAX_GB);
  }
}

export type NotebookCreateInput = NotebookCreateRequest & {
  volume: { category: "EVS" | "EFS"; ownership: "MANAGED" | "DEDICATED" };
  lease?: { duration?: number; type?: LeaseType };
};

export function checkCreateRequest(body: unknown): NotebookCreateInput {
  const b = requireObject(body);
  upperCaseEnums(b);
  requireField(b.name, "name");
  requireField(b.image_id, "image_id");
  requireField(b.volume, "volume");
  if (isObject(b.volume)) {
    requireField(b.volume.category, "volume.category");
    requireField(b.volume.ownership, "volume.ownership");
  }
  // `flavor` is mandatory in the OTC table; the SDK lets custom_spec replace it [notebooks §4.1].
  if (b.custom_spec === undefined) requireField(b.flavor, "flavor");
  else if (b.pool_id === undefined) throw errors.incorrectValue("custom_spec");
  checkName(b.name);
  checkDescription(b.description);
  checkDuration(b.duration, true);
  if (isObject(b.lease)) checkDuration(b.lease.duration, true);
  if (isObject(b.volume)) checkVolume(b.volume);
  checkShape("NotebookCreateRequest", b);
  return b as unknown as NotebookCreateInput;
}

export function checkUpdateRequest(body: unknown): NotebookUpdateRequest {
  const b = requireObject(body);
  upperCaseEnums(b);
  checkName(b.name);
  checkDescription(b.description);
  checkShape("NotebookUpdateRequest", b);
  return b as NotebookUpdateRequest;
}

/** Start query [notebooks §8]: `duration` in ms, `-1` disables (Terraform); `type` TIMING | IDLE. */
export function checkStartQuery(query: Map<string, string>): { duration?: number; type?: LeaseType } {
  const duration = integerParam(query, "duration");
  checkDuration(duration, true);
  return { duration, type: enumParam(query, "type", LEASE_TYPES) };
}

/**
 * RenewLease [notebooks §9]: a query `duration` wins over the body and forces TIMING; a duration is required (6348) and
 * must be in range (6349). There is no documented way to disable the lease here, so `-1` is out of range.
 */
export function checkRenewLease(query: Map<string, string>, body: unknown): { duration: number; type?: LeaseType } {
  let given: Json = {};
  if (body !== undefined) {
    given = requireObject(body);
    upper(given, "type");
    checkDuration(given.duration, false);
    checkShape("NotebookLeaseRequest", given);
  }
  const fromQuery = integerParam(query, "duration");
  checkDuration(fromQuery, false);
  const duration = fromQuery ?? (given.duration as number | undefined);
  if (duration === undefined) throw notebookErrors.leaseDurationMissing();
  return { duration, type: fromQuery !== undefined ? "TIMING" : (given.type as LeaseType | undefined) };
}

/** DataVolumesReq [notebooks §12]: category, mount_path under /data/, uri (obs:// for OBS/OBSFS); efs_id for EFS. */
export function checkDataVolumesRequest(body: unknown): NotebookDataVolumesRequest {
  const b = requireObject(body);
  upper(b, "category");
  requireField(b.category, "category");
  requireField(b.mount_path, "mount_path");
  requireField(b.uri, "uri");
  if (b.category === "EFS") requireField(b.efs_id, "efs_id");
  if (typeof b.mount_path === "string" && !MOUNT_PATH.test(b.mount_path)) throw errors.incorrectValue("mount_path");
  if ((b.category === "OBS" || b.category === "OBSFS") && typeof b.uri === "string" && !b.uri.startsWith("obs://")) {
    throw errors.incorrectValue("uri");
  }
  checkShape("NotebookDataVolumesRequest", b);
  return b as unknown as NotebookDataVolumesRequest;
}

export function checkTagsRequest(body: unknown): NotebookTagsRequest {
  const b = requireObject(body);
  requireField(b.tags, "tags");
  checkShape("NotebookTagsRequest", b);
  return b as unknown as NotebookTagsRequest;
}
