/**
 * Turns a checked create request into a stored record, filling the server-side defaults the docs name:
 * description "", workspace "0", ai_project "default-ai-project", auto_stop.enable false, auto_stop.prompt
 * true [demanager §2.1], and the user who asked.
 */
import type { Flavor } from "./flavors.js";
import { newInstanceId } from "./ids.js";
import type { CreateInput } from "./requestChecks.js";
import { planCreate } from "./timeline.js";
import type { AutoStopConfig, FailedReasons, InstanceRecord } from "./types.js";

export interface CreateContext {
  projectId: string;
  user: { id: string; name: string };
  flavor: Flavor;
  now: number;
  timeScale: number;
  /** Set when an admin fault makes this create end in CREATE_FAILED. */
  failure?: FailedReasons;
  /** Nominal seconds of CREATING, when the admin API set them for this name (`create-durations`). */
  creatingSeconds?: number;
  /** Nominal seconds of a free flavor's CREATE_QUEUING, when the admin API set them for this name. */
  queueSeconds?: number;
}

export function autoStopFrom(input: CreateInput["spec"]["auto_stop"]): AutoStopConfig {
  const config: AutoStopConfig = { enable: input?.enable ?? false, prompt: input?.prompt ?? true };
  if (input?.duration !== undefined) config.duration = input.duration;
  return config;
}

export function createRecord(request: CreateInput, context: CreateContext): InstanceRecord {
  const { now, flavor } = context;
  const autoStop = autoStopFrom(request.spec.auto_stop);
  return {
    id: newInstanceId(now),
    projectId: context.projectId,
    name: request.name,
    description: request.description ?? "",
    profileId: request.profile_id,
    flavor: request.flavor,
    storage: request.spec.storage,
    extendStorage: request.spec.extend_storage ?? null,
    annotations: request.spec.annotations ?? {},
    autoStop,
    workspaceId: request.workspace?.id ?? "0",
    aiProjectId: request.ai_project?.id ?? "default-ai-project",
    pool: request.pool ?? null,
    user: context.user,
    // Which instances come back with a Git repository is not documented; GPU ones do here, so clients meet
    // `repository.connection_info.credential.access_token` (which they must not store) in ordinary runs.
    hasRepository: flavor.type === "GPU",
    createdAt: now,
    updatedAt: now,
    timeline: planCreate(now, {
      free: flavor.free,
      fail: context.failure !== undefined,
      ...(context.creatingSeconds !== undefined && { creatingSeconds: context.creatingSeconds }),
      ...(context.queueSeconds !== undefined && { queueSeconds: context.queueSeconds }),
      autoStop,
      timeScale: context.timeScale,
    }),
    failedReasons: context.failure ?? null,
  };
}
