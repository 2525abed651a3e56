/**
 * The one place where a Notebook's camelCase inputs meet the notebooks API's snake_case [notebooks §3, §4, §7, §9].
 * The per-notebook `token` and any credential the API returns are never read here, so they cannot reach outputs or
 * state.
 */
import type {
  Notebook,
  NotebookCreateRequest,
  NotebookEndpointRequest,
  NotebookTag,
  NotebookUpdateRequest,
  NotebookVolumeRequest,
} from "../../protocol/notebooks/wireTypes.js";
import { jsonSafe } from "../base/jsonSafe.js";
import { isMountMarkKey } from "../api/mountMark.js";
import { isoFromEpochMs, reportedOrNull } from "../base/outputFormats.js";
import { DEFAULT_EVS_CAPACITY_GB } from "./fields.js";
import { mountsOf } from "./mountsOutput.js";
import { OWNER_TAG_KEY } from "./ownerTag.js";
import { powerStateOf } from "../api/notebookStatuses.js";
import type { NotebookAutoStopInput, NotebookInputs, NotebookOutputs, NotebookVolumeInput } from "./types.js";

/** `duration: -1` starts a notebook with no auto-stop (Terraform's way; the docs give no other). */
export const NO_AUTO_STOP_MS = -1;

export function toCreateRequest(inputs: NotebookInputs, name: string): NotebookCreateRequest {
  const request: NotebookCreateRequest = {
    name,
    image_id: inputs.imageId,
    flavor: inputs.flavor,
    description: inputs.description,
    feature: "NOTEBOOK",
    volume: toVolumeRequest(inputs.volume),
    workspace_id: inputs.workspaceId,
  };
  if (inputs.poolId !== undefined) request.pool_id = inputs.poolId;
  if (inputs.ssh) request.endpoints = toEndpoints(inputs.ssh);
  const lease = leaseOf(inputs.autoStop);
  if (lease.durationMs === NO_AUTO_STOP_MS) request.duration = NO_AUTO_STOP_MS;
  else request.lease = { duration: lease.durationMs, ...(lease.type !== undefined && { type: lease.type }) };
  return request;
}

function toVolumeRequest(volume: NotebookVolumeInput): NotebookVolumeRequest {
  return {
    category: volume.category,
    ownership: volume.ownership,
    ...(volume.category === "EVS" && { capacity: volume.capacityGb ?? DEFAULT_EVS_CAPACITY_GB }),
    ...(volume.uri !== undefined && { uri: volume.uri }),
    ...(volume.id !== undefined && { id: volume.id }),
    ...(volume.mountPath !== undefined && { mount_path: volume.mountPath }),
    ...(volume.readOnly !== undefined && { read_only: volume.readOnly }),
    ...(volume.dewSecretName !== undefined && { dew_secret_name: volume.dewSecretName }),
  };
}

function toEndpoints(ssh: NonNullable<NotebookInputs["ssh"]>): NotebookEndpointRequest[] {
  return [
    {
      service: "SSH",
      key_pair_names: [ssh.keyPairName],
      ...(ssh.allowedAccessIps !== undefined && { allowed_access_ips: ssh.allowedAccessIps }),
    },
  ];
}

/** The lease a create or a start applies: milliseconds and type, or no auto-stop. */
export function leaseOf(autoStop: NotebookAutoStopInput | undefined): {
  durationMs: number;
  type?: NotebookAutoStopInput["type"];
} {
  if (!autoStop?.enabled || autoStop.durationSeconds === undefined) return { durationMs: NO_AUTO_STOP_MS };
  return { durationMs: autoStop.durationSeconds * 1000, ...(autoStop.type !== undefined && { type: autoStop.type }) };
}

/**
 * The PUT body for the fields that changed (paths of the one diff) [notebooks §7]: name, description, the EVS size,
 * flavor, image, SSH.
 */
export function toUpdateRequest(inputs: NotebookInputs, changed: ReadonlySet<string>): NotebookUpdateRequest {
  const request: NotebookUpdateRequest = {};
  if (changed.has("name") && inputs.name !== undefined) request.name = inputs.name;
  if (changed.has("description")) request.description = inputs.description;
  if (changed.has("volume.capacityGb") && inputs.volume.capacityGb !== undefined) {
    request.storage_new_size = inputs.volume.capacityGb;
  }
  if (changed.has("flavor")) request.flavor = inputs.flavor;
  if (changed.has("imageId")) request.image_id = inputs.imageId;
  if (changed.has("ssh")) request.endpoints = inputs.ssh ? toEndpoints(inputs.ssh) : [];
  return request;
}

/** Declared tags as the API's list, and back; the provider's own tags (owner, mounts' marks) are not user tags. */
export function toTagList(tags: Record<string, string> | undefined): NotebookTag[] {
  return Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));
}

export function userTags(notebook: Notebook): Record<string, string> {
  const tags: Record<string, string> = {};
  // A tag whose value came back null has the empty value, as TMS stores a tag without one.
  for (const tag of notebook.tags ?? []) {
    if (tag.key !== OWNER_TAG_KEY && !isMountMarkKey(tag.key)) tags[tag.key] = tag.value ?? "";
  }
  return tags;
}

/** Outputs = the inputs as applied + what the service reports. Only JSON-safe values; never the token. */
export function toOutputs(notebook: Notebook, inputs: NotebookInputs): NotebookOutputs {
  const lease = notebook.lease;
  const ssh = notebook.endpoints?.find((e) => (e.service ?? e.dev_service) === "SSH");
  const running = notebook.status === "RUNNING";
  const deadline =
    lease?.enable && typeof lease.create_at === "number" && typeof lease.duration === "number" && lease.duration > 0
      ? lease.create_at + lease.duration
      : undefined;
  return jsonSafe({
    ...inputs,
    name: notebook.name ?? inputs.name ?? "",
    notebookId: notebook.id ?? "",
    status: String(notebook.status ?? "UNKNOWN"),
    url: notebook.url ?? "",
    failReason: notebook.fail_reason ?? "",
    image: reportedOrNull({
      id: notebook.image?.id,
      name: notebook.image?.name,
      swrPath: notebook.image?.swr_path,
      tag: notebook.image?.tag,
      type: notebook.image?.type,
    }),
    // The deadline is only a plan while the notebook runs: a stopped notebook stops nothing.
    autoStopAt: running && deadline !== undefined ? isoFromEpochMs(deadline) : "",
    // A lease whose every field came back null says nothing: no lease is reported.
    lease:
      lease && Object.keys(lease).length > 0
        ? {
            enabled: lease.enable === true,
            ...(typeof lease.duration === "number" && { durationSeconds: Math.round(lease.duration / 1000) }),
            type: lease.type ?? "",
            createdAt: isoFromEpochMs(lease.create_at),
            updatedAt: isoFromEpochMs(lease.update_at),
          }
        : null,
    volumeStatus: notebook.volume?.status ?? "",
    sshUri: ssh?.uri ?? "",
    createdAt: isoFromEpochMs(notebook.create_at),
    updatedAt: isoFromEpochMs(notebook.update_at),
    mounts: mountsOf(notebook),
  });
}

/**
 * What a program declares to match an existing notebook: every input the service shows, as refresh would report
 * it; the rest is left to check's defaults. For a read with no stored inputs (`pulumi import`), so the imported
 * resource's code previews with no change.
 */
export function importedInputs(notebook: Notebook): NotebookInputs {
  const volume = notebook.volume;
  const lease = notebook.lease;
  const enabled = lease?.enable === true;
  const declared = {
    flavor: notebook.flavor,
    imageId: notebook.image?.id,
    ...(volume && {
      volume: {
        ...(volume.category !== undefined && { category: volume.category.toUpperCase() }),
        ...(volume.ownership !== undefined && { ownership: volume.ownership.toUpperCase() }),
        ...(volume.category?.toUpperCase() === "EVS" &&
          volume.capacity !== undefined && { capacityGb: volume.capacity }),
        ...(volume.uri !== undefined && { uri: volume.uri }),
        ...(volume.id !== undefined && { id: volume.id }),
        ...(volume.mount_path !== undefined && { mountPath: volume.mount_path }),
        ...(volume.read_only !== undefined && { readOnly: volume.read_only }),
      },
    }),
    ...(lease && {
      autoStop: {
        enabled,
        ...(enabled && typeof lease.duration === "number" && { durationSeconds: Math.round(lease.duration / 1000) }),
      },
    }),
    ...(notebook.pool?.id !== undefined && { poolId: notebook.pool.id }),
    ...(notebook.endpoints?.some((e) => (e.service ?? e.dev_service) === "SSH") && { ssh: { keyPairName: "" } }),
  } as NotebookInputs;
  return observedInputs(notebook, declared);
}

/**
 * The inputs as the service sees them now, for refresh: each declared field takes the service's value, so drift
 * shows in the next preview as a change back. Fields the user did not declare stay undeclared (the service fills
 * its own defaults there, and they are not drift). The lease's duration is not compared: the service counts it
 * from the lease's start, so it grows with every renewal; enabled and type are.
 */
export function observedInputs(notebook: Notebook, old: NotebookInputs): NotebookInputs {
  const observed: NotebookInputs = {
    ...old,
    ...(notebook.name !== undefined && { name: notebook.name }),
    description: notebook.description ?? "",
    flavor: notebook.flavor ?? old.flavor,
    imageId: notebook.image?.id ?? old.imageId,
    workspaceId: notebook.workspace_id ?? old.workspaceId,
  };
  if (old.volume && notebook.volume) {
    const v = notebook.volume;
    const declared = old.volume;
    observed.volume = {
      ...declared,
      ...(v.category !== undefined && { category: v.category.toUpperCase() as NotebookVolumeInput["category"] }),
      ...(v.ownership !== undefined && { ownership: v.ownership.toUpperCase() as NotebookVolumeInput["ownership"] }),
      ...(declared.capacityGb !== undefined && v.capacity !== undefined && { capacityGb: v.capacity }),
      ...(declared.uri !== undefined && v.uri !== undefined && { uri: v.uri }),
      ...(declared.id !== undefined && v.id !== undefined && { id: v.id }),
    };
  }
  if (old.poolId !== undefined) observed.poolId = notebook.pool?.id ?? old.poolId;
  if (old.ssh) {
    const ssh = notebook.endpoints?.find((e) => (e.service ?? e.dev_service) === "SSH");
    const keyPairName = ssh?.key_pair_names?.[0] ?? ssh?.ssh_keys?.[0];
    observed.ssh =
      ssh && keyPairName !== undefined
        ? { keyPairName, ...(ssh.allowed_access_ips !== undefined && { allowedAccessIps: ssh.allowed_access_ips }) }
        : undefined;
  }
  if (old.autoStop && notebook.lease) {
    // A lease whose `enable` came back null says nothing: what is declared stands (unknown is not drift).
    const enabled = notebook.lease.enable ?? old.autoStop.enabled;
    observed.autoStop = {
      ...old.autoStop,
      enabled,
      ...(enabled && notebook.lease.type !== undefined && { type: notebook.lease.type as "TIMING" | "IDLE" }),
    };
  }
  if (old.tags !== undefined || Object.keys(userTags(notebook)).length > 0) observed.tags = userTags(notebook);
  if (old.desiredStatus !== undefined) {
    observed.desiredStatus = powerStateOf(String(notebook.status)) ?? old.desiredStatus;
  }
  return jsonSafe(observed);
}
