/**
 * The one place where camelCase inputs meet the snake_case wire format [demanager §2, §3.3, §5].
 * Credentials the API returns (`spec.credential`, `repository`) are never read here, so they cannot reach
 * outputs or state.
 */
import type { CreateRequest, Instance, UpdateRequest, WireAutoStop } from "../../protocol/demanager/wireTypes.js";
import { jsonSafe } from "../base/jsonSafe.js";
import { camelCaseKeys, isoFromEpochMs, reportedOrNull } from "../base/outputFormats.js";
import { powerStateOf } from "./statusClasses.js";
import type { AutoStopInput, NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";

/** Annotation that marks an instance as created by this provider for one Pulumi resource. */
export const OWNER_ANNOTATION = "pulumi-modelarts/owner";

export function toCreateRequest(inputs: NotebookInstanceInputs & { name: string }, ownerKey: string): CreateRequest {
  const annotations = { ...inputs.annotations, [OWNER_ANNOTATION]: ownerKey };
  const request: CreateRequest = {
    name: inputs.name,
    profile_id: inputs.profileId,
    description: inputs.description,
    flavor: inputs.flavor,
    spec: {
      storage: { type: inputs.storage.type, location: { path: inputs.storage.path } },
      auto_stop: toWireAutoStop(inputs.autoStop),
    },
    workspace: { id: inputs.workspaceId },
  };
  if (inputs.extendStorage && inputs.extendStorage.length > 0) {
    request.spec.extend_storage = inputs.extendStorage.map((s) => ({ type: s.type, location: { path: s.path } }));
  }
  request.spec.annotations = annotations;
  if (inputs.pool) {
    request.pool = {
      id: inputs.pool.id,
      ...(inputs.pool.type !== undefined && { type: inputs.pool.type }),
      ...(inputs.pool.name !== undefined && { name: inputs.pool.name }),
      ...(inputs.pool.ownerProjectId !== undefined && { owner: { project_id: inputs.pool.ownerProjectId } }),
    };
  }
  if (inputs.aiProjectId !== undefined) request.ai_project = { id: inputs.aiProjectId };
  return request;
}

function toWireAutoStop(autoStop: AutoStopInput): { enable: boolean; duration?: number; prompt?: boolean } {
  return {
    enable: autoStop.enabled,
    ...(autoStop.durationSeconds !== undefined && { duration: autoStop.durationSeconds }),
    ...(autoStop.prompt !== undefined && { prompt: autoStop.prompt }),
  };
}

/** PUT body: the only modifiable fields are description and auto_stop [demanager §3.3]. */
export function toUpdateRequest(
  inputs: NotebookInstanceInputs,
  changed: { description: boolean; autoStop: boolean },
): UpdateRequest {
  const request: UpdateRequest = {};
  if (changed.description) request.description = inputs.description;
  if (changed.autoStop) request.spec = { auto_stop: toWireAutoStop(inputs.autoStop) };
  return request;
}

/** Outputs = the inputs as applied + what the service reports. Only JSON-safe values (no undefined). */
export function toOutputs(instance: Instance, inputs: NotebookInstanceInputs): NotebookInstanceOutputs {
  const spec = instance.spec ?? {};
  const annotations = spec.annotations ?? {};
  const autoStop: WireAutoStop = spec.auto_stop ?? {};
  const queuing = instance.queuing_info;
  const failed = spec.failed_reasons;
  const outputs: NotebookInstanceOutputs = {
    ...inputs,
    // The name the instance has: an adopted or resumed instance keeps its own.
    name: instance.name,
    instanceId: instance.id,
    status: String(instance.status),
    url: typeof annotations.url === "string" ? annotations.url : "",
    targetDomain: typeof annotations.target_domain === "string" ? annotations.target_domain : "",
    creationTimestamp: isoFromEpochMs(instance.creation_timestamp),
    latestUpdateTimestamp: isoFromEpochMs(instance.latest_update_timestamp),
    flavorDetails: instance.flavor_details
      ? reportedOrNull(camelCaseKeys(instance.flavor_details) as Record<string, unknown>)
      : null,
    profile: reportedOrNull({
      id: instance.profile?.id,
      name: instance.profile?.name,
      description: instance.profile?.description,
      flavorType: instance.profile?.flavor_type,
    }),
    autoStopAt: autoStop.enable ? isoFromEpochMs(autoStop.stop_timestamp) : "",
    autoStopRemainingSeconds: autoStop.enable && typeof autoStop.remain_time === "number" ? autoStop.remain_time : null,
    queuingInfo: reportedOrNull({
      status: queuing?.status,
      rank: queuing?.rank,
      remainTimeSeconds: queuing?.remain_time,
    }),
    failedReasons: reportedOrNull({ code: failed?.code, message: failed?.message, detail: failed?.detail }),
  };
  return jsonSafe(outputs);
}

/**
 * The inputs as the service sees them now, for refresh: fields the API reports overwrite the old inputs, so
 * the next preview shows drift as a change back to the declared values. `profileId` is kept: the service
 * answers with its own `profile.id`, which never equals the id that was sent [demanager §2.3].
 */
export function observedInputs(instance: Instance, old: NotebookInstanceInputs): NotebookInstanceInputs {
  const spec = instance.spec ?? {};
  const wireAutoStop = spec.auto_stop;
  const observed: NotebookInstanceInputs = {
    ...old,
    name: instance.name ?? old.name,
    // A read without declared inputs (NotebookInstance.get) takes the image name the service reports.
    profileId: old.profileId ?? instance.profile?.name ?? instance.profile?.id ?? "",
    flavor: instance.flavor ?? old.flavor,
    description: instance.description ?? "",
  };
  const path = spec.storage?.location?.path;
  if (spec.storage?.type === "obs" && typeof path === "string") observed.storage = { type: "obs", path };
  if (wireAutoStop) {
    // An auto-stop whose `enable` came back null says nothing: what is declared stands (unknown is not drift).
    const enabled = wireAutoStop.enable ?? old.autoStop?.enabled ?? false;
    observed.autoStop = pickDefined({
      enabled,
      // The duration only matters while auto-stop is on; keep the declared one otherwise, and when the service
      // does not say (unknown is not drift).
      durationSeconds: enabled
        ? (wireAutoStop.duration ?? old.autoStop?.durationSeconds)
        : old.autoStop?.durationSeconds,
      prompt: wireAutoStop.prompt ?? old.autoStop?.prompt,
    }) as AutoStopInput;
  }
  if (instance.workspace?.id !== undefined) observed.workspaceId = instance.workspace.id;
  if (old.desiredStatus !== undefined)
    observed.desiredStatus = powerStateOf(String(instance.status)) ?? old.desiredStatus;
  return jsonSafe(observed);
}

function pickDefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
