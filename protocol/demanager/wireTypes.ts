/**
 * Wire shapes of the demanager v1 API (snake_case, as documented in [demanager §2–§5]).
 * schema.json is the source of truth for the rules; these types only give the compiler the shapes.
 * Responses are decoded leniently: the service returns `null` for several objects [demanager §5].
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
  location?: { path?: string; volume_size?: number; mount_path?: string; access_modes?: string } | null;
}

export interface WireAutoStop {
  enable?: boolean;
  duration?: number;
  prompt?: boolean;
  stop_timestamp?: number | null;
  remain_time?: number | null;
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
  detail?: Record<string, string> | null;
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
  } | null;
  flavor: string;
  flavor_details?: Record<string, unknown> | null;
  pool?: { id?: string; name?: string; type?: string; owner?: { project_id?: string } | null } | null;
  spec?: {
    storage?: WireStorage | null;
    extend_storage?: WireStorage[] | null;
    auto_stop?: WireAutoStop | null;
    failed_reasons?: FailedReasons | null;
    annotations?: Record<string, string> | null;
    /** OBS AK/SK the service returns: never stored, never logged. */
    credential?: unknown;
    repository?: unknown;
    [key: string]: unknown;
  } | null;
  workspace?: { id?: string } | null;
  ai_project?: { id?: string } | null;
  error_code?: string | null;
  queuing_info?: QueuingInfo | null;
  user?: { id?: string; name?: string } | null;
  /** Git repository with connection credentials: never stored, never logged. */
  repository?: unknown;
}

export interface ListResponse {
  total_count: number | string;
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
