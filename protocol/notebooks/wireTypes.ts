/**
 * Wire shapes of the notebooks API (`/v1/{project_id}/notebooks`, "DevEnviron new version"), snake_case as
 * documented [notebooks §1–§13]. schema.json (`Notebook…` $defs) is the source of truth for the
 * rules; these types only give the compiler the shapes. Every response field is optional: the SDK models mark
 * them so [notebooks §3], and clients must tolerate what is missing. Responses are read by the tolerant reader
 * (protocol/validation/tolerantReader.ts): a field that came back null or of another type is absent here, never
 * `null`.
 */

/** Notebook statuses [notebooks §3, §14]: the 14 values of the SDK enum. */
export const NOTEBOOK_STATUSES = [
  "INIT",
  "CREATING",
  "STARTING",
  "STOPPING",
  "DELETING",
  "RUNNING",
  "STOPPED",
  "SNAPSHOTTING",
  "CREATE_FAILED",
  "START_FAILED",
  "DELETE_FAILED",
  "ERROR",
  "DELETED",
  "FROZEN",
] as const;
export type NotebookStatus = (typeof NOTEBOOK_STATUSES)[number];

/** Failure statuses a waiter stops on ([notebooks §14], Terraform's ERROR set). */
export const NOTEBOOK_FAILED_STATUSES = ["CREATE_FAILED", "START_FAILED", "DELETE_FAILED", "ERROR"] as const;

/** Dynamic storage mount statuses [notebooks §12]. */
export const STORAGE_MOUNT_STATUSES = [
  "MOUNTING",
  "MOUNTED",
  "UNMOUNTING",
  "UNMOUNTED",
  "MOUNT_FAILED",
  "UNMOUNT_FAILED",
] as const;
export type StorageMountStatus = (typeof STORAGE_MOUNT_STATUSES)[number];

/** `action_progress[].status` [notebooks §3]. */
export const ACTION_PROGRESS_STATUSES = ["WAITING", "PROCESSING", "FAILED", "COMPLETED"] as const;
export type ActionProgressStatus = (typeof ACTION_PROGRESS_STATUSES)[number];

/** `action_progress[].step` [notebooks §3]: 1 prepare storage, 2 prepare compute, 3 configure network, 4 init instance. */
export const ACTION_PROGRESS_STEPS = [1, 2, 3, 4] as const;

/** EVS `volume.status` values during which a waiter keeps waiting even at its target status [notebooks §4.2, §14]. */
export const VOLUME_PENDING_STATUSES = ["INITIALIZING", "RESIZING", "DELETING"] as const;

/** Enums the service accepts in either case and answers in upper case [notebooks §4.2, §9]. */
export const VOLUME_CATEGORIES = ["EVS", "EFS", "OBS", "OBSFS", "SFS"] as const;
export const VOLUME_OWNERSHIPS = ["MANAGED", "DEDICATED"] as const;
export const LEASE_TYPES = ["TIMING", "IDLE"] as const;
export const NOTEBOOK_FEATURES = ["DEFAULT", "NOTEBOOK"] as const;
export const ENDPOINT_SERVICES = ["NOTEBOOK", "SSH"] as const;
export const IMAGE_TYPES = ["BUILD_IN", "DEDICATED"] as const;
export const DATA_VOLUME_CATEGORIES = ["OBS", "OBSFS", "EFS"] as const;

export type VolumeCategory = (typeof VOLUME_CATEGORIES)[number];
export type VolumeOwnership = (typeof VOLUME_OWNERSHIPS)[number];
export type LeaseType = (typeof LEASE_TYPES)[number];
export type NotebookFeature = (typeof NOTEBOOK_FEATURES)[number];
export type EndpointService = (typeof ENDPOINT_SERVICES)[number];

/** `lease.duration` / `duration` bounds in milliseconds [notebooks §4.1, §9]; `-1` means no auto-stop (Terraform). */
export const LEASE_DURATION_MIN_MS = 3_600_000;
export const LEASE_DURATION_MAX_MS = 259_200_000;
export const LEASE_DURATION_DEFAULT_MS = 3_600_000;
export const LEASE_DISABLED = -1;

/** ListNotebooks `limit` values [notebooks §2]. */
export const NOTEBOOK_LIST_LIMITS = [10, 20, 50] as const;

// ---------------------------------------------------------------------------------------------------------
// Requests

/** `volume` of a create request [notebooks §4.2]. */
export interface NotebookVolumeRequest {
  category: string;
  ownership: string;
  capacity?: number;
  uri?: string;
  id?: string;
  mount_path?: string;
  read_only?: boolean;
  dew_secret_name?: string;
}

/** `endpoints[]` of create and update requests [notebooks §4.1]; `allowed_access_ips` is in the OTC docs only. */
export interface NotebookEndpointRequest {
  service?: string;
  key_pair_names?: string[];
  allowed_access_ips?: string[];
}

/** `lease` of a create request and the RenewLease body [notebooks §9]. */
export interface NotebookLeaseRequest {
  duration?: number;
  type?: string;
}

export interface NotebookHookConfig {
  script?: string;
  type?: string;
  mode?: string;
}

export interface NotebookCustomSpec {
  cpu: number;
  memory: number;
  gpu?: number;
  gpu_type?: string;
  arch?: string;
  category?: string;
  resource_flavor?: string;
}

export interface NotebookCreateRequest {
  name: string;
  image_id: string;
  volume: NotebookVolumeRequest;
  flavor?: string;
  description?: string;
  feature?: string;
  pool_id?: string;
  workspace_id?: string;
  endpoints?: NotebookEndpointRequest[];
  /** Milliseconds; wins over `lease` [notebooks §4.1]. `-1`: no auto-stop (Terraform; undocumented). */
  duration?: number;
  lease?: NotebookLeaseRequest;
  hooks?: { container_hooks?: { pre_start?: NotebookHookConfig; post_start?: NotebookHookConfig } };
  custom_spec?: NotebookCustomSpec;
  data_volumes?: NotebookVolumeRequest[];
  affinity?: Record<string, unknown>;
  run_user?: { uid?: number; gid?: number };
  user_vpc?: { vpc_id: string; subnet_id: string; security_group_ids: string[]; connect_cidrs?: string[] };
  public_network_config?: Record<string, unknown>;
}

/** PUT body [notebooks §7]: all optional; no lease, pool, workspace, volume type or feature. */
export interface NotebookUpdateRequest {
  name?: string;
  description?: string;
  flavor?: string;
  custom_spec?: NotebookCustomSpec;
  image_id?: string;
  endpoints?: NotebookEndpointRequest[];
  storage_new_size?: number;
  hooks?: NotebookCreateRequest["hooks"];
  affinity?: Record<string, unknown>;
  dew_secret_name?: string;
  data_volumes?: NotebookVolumeRequest[];
}

/** Start query [notebooks §8]: `duration` in ms (`-1`: no auto-stop), `type` TIMING | IDLE. */
export interface NotebookStartQuery {
  duration?: number;
  type?: string;
}

/** AttachDynamicStorage body, DataVolumesReq [notebooks §12]. */
export interface NotebookDataVolumesRequest {
  category: string;
  mount_path: string;
  uri: string;
  efs_id?: string;
}

export interface NotebookTag {
  key: string;
  value: string;
}

/** tags/create and tags/delete body [notebooks §13]. */
export interface NotebookTagsRequest {
  tags: NotebookTag[];
}

// ---------------------------------------------------------------------------------------------------------
// Responses

export interface NotebookLease {
  create_at?: number;
  duration?: number;
  enable?: boolean;
  type?: LeaseType | string;
  update_at?: number;
}

export interface NotebookActionProgress {
  status?: ActionProgressStatus | string;
  step?: number;
  description?: string;
}

export interface NotebookImage {
  id?: string;
  name?: string;
  swr_path?: string;
  tag?: string;
  type?: string;
  arch?: string;
  description?: string;
  dev_services?: string[];
  namespace?: string;
  origin?: string;
  resource_categories?: string[];
  service_type?: string;
  size?: number;
  status?: string;
  status_message?: string;
  support_res_categories?: string[];
  visibility?: string;
  workspace_id?: string;
  flavor_type?: string;
  swr_instance_id?: string;
  show_name?: string;
  show_tag?: string;
  tags?: unknown[];
  create_at?: number;
  update_at?: number;
}

/** The notebook's system volume (VolumeRes, [notebooks §3]). */
export interface NotebookVolume {
  category?: string;
  ownership?: string;
  capacity?: number;
  mount_path?: string;
  status?: string;
  id?: string;
  uri?: string;
  read_only?: boolean;
  dew_secret_name?: string;
  evs_sku_code?: string;
  mount_type?: string;
}

/** `data_volumes[]` of a notebook (VolumeResponse, [notebooks §3]). */
export interface NotebookDataVolume {
  category?: string;
  mount_path?: string;
  url?: string;
  status?: StorageMountStatus | string;
  mount_type?: string;
}

export interface NotebookEndpoint {
  service?: string;
  dev_service?: string;
  uri?: string;
  key_pair_names?: string[];
  /** OTC's name for the key list ([notebooks §19] question 5). */
  ssh_keys?: string[];
  allowed_access_ips?: string[];
}

/** The notebook object of create, show, update, start, stop and delete; list items lack `action_progress` [notebooks §3]. */
export interface Notebook {
  id?: string;
  name?: string;
  description?: string;
  status?: NotebookStatus | string;
  fail_reason?: string;
  action_progress?: NotebookActionProgress[];
  flavor?: string;
  custom_spec?: Record<string, unknown>;
  image?: NotebookImage;
  lease?: NotebookLease;
  pool?: { id?: string; name?: string };
  volume?: NotebookVolume;
  data_volumes?: NotebookDataVolume[];
  endpoints?: NotebookEndpoint[];
  url?: string;
  /** Authenticates opening the notebook: a secret, never stored or logged. */
  token?: string;
  workspace_id?: string;
  feature?: string;
  billing_items?: string[];
  user?: { id?: string; name?: string; domain?: { id?: string; name?: string } };
  user_id?: string;
  ip?: string;
  jupyter_version?: string;
  is_need_credentials?: boolean;
  affinity?: Record<string, unknown>;
  run_user?: Record<string, unknown>;
  user_vpc?: Record<string, unknown>;
  /** A tag's value may be missing (null on the wire); its key never is. */
  tags?: { key: string; value?: string }[];
  create_at?: number;
  update_at?: number;
}

/** The list envelope of notebooks, flavors, images and storages [notebooks §2]. */
export interface NotebookPage<T> {
  current?: number;
  data?: T[];
  pages?: number;
  size?: number;
  total?: number;
}

export type NotebookListResponse = NotebookPage<Notebook>;

export interface NotebookFlavor {
  id?: string;
  name?: string;
  arch?: string;
  category?: string;
  description?: string;
  feature?: string;
  free?: boolean;
  sold_out?: boolean;
  storages?: string[];
  vcpus?: number;
  /** KiB (8 GB = 8388608 in the examples). */
  memory?: number;
  gpu?: { gpu?: number; gpu_memory?: number; type?: string };
  ascend?: { npu?: number; npu_memory?: string | number; type?: string };
  billing?: { code?: string; unit_num?: number };
  evs_max_size?: string;
  evs_sku_code?: string;
  grow_support_type?: string;
}

/** ListFlavors and ShowSwitchableFlavors: the envelope with the items in both `data` and `flavors` [notebooks §10]. */
export interface NotebookFlavorsResponse extends NotebookPage<NotebookFlavor> {
  flavors?: NotebookFlavor[];
}

export type NotebookImagesResponse = NotebookPage<NotebookImage>;

/** A dynamically mounted storage (DataVolumesRes, [notebooks §12]). */
export interface NotebookStorage {
  id?: string;
  category?: string;
  mount_path?: string;
  uri?: string;
  status?: StorageMountStatus | string;
  failure_reason?: string;
  efs_id?: string;
  mount_type?: string;
}

export type NotebookStorageListResponse = NotebookPage<NotebookStorage>;

/** ShowNotebookTags: project-wide, merged by key [notebooks §13]. */
export interface NotebookTagsResponse {
  tags?: { key?: string; values?: string[] }[];
}

/** `{error_code, error_msg}` [notebooks §1]; gateway errors add `request_id`. */
export interface NotebookErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
}
