/**
 * Wire shapes of the demanager v1 API (snake_case, as documented in [demanager §2–§5]).
 * schema.json is the source of truth for the rules; these types only give the compiler the shapes.
 * Responses are read by the tolerant reader (protocol/validation/tolerantReader.ts): the service returns `null`
 * for several objects [demanager §5], and anything not acted on may be null, missing or of another type. What the
 * provider sees holds well-typed values or nothing, never `null`, so the response types below have no `null`.
 */

/** The demanager statuses [demanager §6.1], plus `DELETING`, which only third-party code declares. */
export const INSTANCE_STATUSES = [
  "CREATE_QUEUING",
  "CREATING",
  "CREATE_FAILED",
  "START_QUEUING",
  "READY_TO_START",
  "STARTING",
  "RESTARTING",
  "START_FAILED",
  "RUNNING",
  "STOPPING",
  "STOPPED",
  "UNAVAILABLE",
  "DELETED",
  "RESIZING",
  "RESIZE_FAILED",
  "DELETING",
] as const;

export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export interface WireStorage {
  type: string;
  location?: { path?: string; volume_size?: number; mount_path?: string; access_modes?: string };
}

/** `spec.storage` of a returned instance: its type may be missing too. */
export interface StorageInfo {
  type?: string;
  location?: { path?: string; volume_size?: number; volume_unit?: string; mount_path?: string; access_modes?: string };
}

export interface WireAutoStop {
  enable?: boolean;
  duration?: number;
  prompt?: boolean;
  stop_timestamp?: number;
  remain_time?: number;
}

export interface CreateRequest {
  name: string;
  profile_id: string;
  description?: string;
  flavor: string;
  spec: {
    storage: WireStorage;
    extend_storage?: WireStorage[];
    auto_stop?: { enable?: boolean; duration?: number; prompt?: boolean };
    annotations?: Record<string, string>;
  };
  workspace?: { id: string };
  pool?: { id: string; type?: string; name?: string; owner?: { project_id?: string } };
  ai_project?: { id: string };
}

export interface UpdateRequest {
  description?: string;
  spec?: { auto_stop?: { enable?: boolean; duration?: number; prompt?: boolean } };
}

export type InstanceAction = "start" | "stop" | "restart" | "queue" | "dequeue";

export interface ActionResponse {
  current_status?: string;
  previous_state?: string;
}

export interface DeleteResponse {
  instance_id?: string;
}

export interface FailedReasons {
  code?: string;
  message?: string;
  detail?: Record<string, string>;
}

export interface QueuingInfo {
  id?: string;
  name?: string;
  status?: string;
  rank?: number;
  remain_time?: number;
  begin_timestamp?: number;
  end_timestamp?: number;
  [key: string]: unknown;
}

export interface Instance {
  id: string;
  name: string;
  description?: string;
  status: InstanceStatus | string;
  creation_timestamp?: string;
  latest_update_timestamp?: string;
  profile?: {
    id?: string;
    name?: string;
    description?: string;
    de_type?: string;
    flavor_type?: string;
    [key: string]: unknown;
  };
  flavor?: string;
  flavor_details?: Record<string, unknown>;
  pool?: { id?: string; name?: string; type?: string; owner?: { project_id?: string } };
  spec?: {
    storage?: StorageInfo;
    extend_storage?: StorageInfo[];
    auto_stop?: WireAutoStop;
    failed_reasons?: FailedReasons;
    /** Strings only; the owner mark (`pulumi-modelarts/owner`) is acted on. */
    annotations?: Record<string, string>;
    /** OBS AK/SK the service returns: never stored, never logged. */
    credential?: unknown;
    repository?: unknown;
    [key: string]: unknown;
  };
  workspace?: { id?: string };
  ai_project?: { id?: string };
  error_code?: string;
  queuing_info?: QueuingInfo;
  user?: { id?: string; name?: string };
  /** Git repository with connection credentials: never stored, never logged. */
  repository?: unknown;
}

export interface ListResponse {
  /** Documented as a String and sent as a number [demanager §3.1]; read as absent when it is neither. */
  total_count?: number | string;
  instances: Instance[];
}

export interface ListQuery {
  status?: string;
  sortby?: "name" | "creation_timestamp";
  order?: "asc" | "desc";
  workspace_id?: string;
  pool_id?: string;
  ai_project?: string;
  show_self?: "true" | "false";
}

export interface ErrorBody {
  error_code?: string;
  error_msg?: string;
  error_message?: string;
  request_id?: string;
}

/**
 * Instance ids: `DE-` + a UUID in the samples, a bare UUID in some [demanager §17]. An id is
 * put in URL paths, so anything else (`""`, `.`, `..`, a slash) is refused before a request is built. schema.json
 * `InstanceId` holds the same pattern (a test keeps them equal).
 */
export const INSTANCE_ID_PATTERN =
  /^(?:DE-)?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
