/**
 * Record → wire Instance [demanager §5], shaped like the seed's sample response: 13-digit string
 * timestamps, `null` for the unused objects, `url` empty until RUNNING, and the secrets the service really
 * returns (`spec.credential`, repository tokens).
 */
import type { ServiceContext } from "../shared/context.js";
import { FAKE_OBS_CREDENTIAL, FAKE_REPOSITORY_ACCESS_TOKEN } from "../shared/defaults.js";
import { phaseAt } from "../shared/phases.js";
import { findFlavor, flavorDetails } from "./flavors.js";
import { findProfile, profileWire } from "./profiles.js";
import type { InstanceRecord, Phase } from "./types.js";

export interface RenderContext {
  now: number;
  region: string;
  timeScale: number;
  soldOutFlavors: readonly string[];
}

export function renderContext(service: ServiceContext, soldOutFlavors: readonly string[]): RenderContext {
  return { now: service.now(), region: service.region, timeScale: service.timeScale, soldOutFlavors };
}

/** Remaining time in emulated seconds, so it stays within the documented ranges whatever the time scale. */
function nominalSecondsUntil(at: number, context: RenderContext): number {
  return Math.max(0, Math.round((at - context.now) / 1000 / context.timeScale));
}

function repository(record: InstanceRecord): Record<string, unknown> | null {
  if (!record.hasRepository) return null;
  return {
    id: `repo-${record.id.slice(3, 11)}`,
    branch: "master",
    user_name: record.user.name,
    user_email: `${record.user.name}@example.com`,
    type: "GitHub",
    connection_info: {
      protocol: "https",
      url: `https://github.com/${record.user.name}/${record.name}.git`,
      credential: { ssh_private_key: null, access_token: FAKE_REPOSITORY_ACCESS_TOKEN },
    },
  };
}

function autoStopWire(record: InstanceRecord, phases: { current: Phase; future: Phase[] }, context: RenderContext) {
  const wire: Record<string, unknown> = { enable: record.autoStop.enable, prompt: record.autoStop.prompt };
  if (record.autoStop.duration !== undefined) wire.duration = record.autoStop.duration;
  // The stop time belongs to the current run: a PUT while RUNNING changes the config, not this schedule [demanager §3.3].
  const stop = phases.future.find((p) => p.autoStop);
  if (phases.current.status === "RUNNING" && stop !== undefined) {
    wire.stop_timestamp = stop.at;
    wire.remain_time = nominalSecondsUntil(stop.at, context);
  }
  return wire;
}

export function renderInstance(record: InstanceRecord, context: RenderContext): Record<string, unknown> {
  const { current, next } = phaseAt(record.timeline, context.now);
  const status = current.status;
  const future = record.timeline.filter((p) => p.at > context.now);
  const flavor = findFlavor(record.flavor);
  const soldOut = context.soldOutFlavors.includes(record.flavor);
  const details = flavor ? flavorDetails(flavor, soldOut) : { name: record.flavor };
  const profile = findProfile(record.profileId);
  const failed = status === "CREATE_FAILED" || status === "START_FAILED" ? record.failedReasons : null;
  const region = context.region;

  const instance: Record<string, unknown> = {
    ai_project: { id: record.aiProjectId },
    creation_timestamp: String(record.createdAt),
    description: record.description,
    flavor: record.flavor,
    flavor_details: details,
    id: record.id,
    // A status change is an update too: the later of the last modification and the current phase's start.
    latest_update_timestamp: String(Math.max(record.updatedAt, current.at)),
    name: record.name,
    profile: profile && flavor ? profileWire(profile, flavor.type) : { id: record.profileId, de_type: "Notebook" },
    spec: {
      annotations: {
        ...record.annotations,
        target_domain: `https://modelarts-notebook-2.${region}.myhuaweicloud.com`,
        url:
          status === "RUNNING"
            ? `https://modelarts-lvs-common-lb.${region}.myhuaweicloud.com:32000/modelarts/${region}/hubv100/notebook/user/${record.id}`
            : "",
      },
      auto_stop: autoStopWire(record, { current, future }, context),
      credential: { ...FAKE_OBS_CREDENTIAL },
      extend_params: null,
      extend_storage: record.extendStorage,
      failed_reasons: failed,
      repository: repository(record),
      storage: record.storage,
    },
    status,
    user: { ...record.user },
    workspace: { id: record.workspaceId },
  };
  if (record.pool !== null) instance.pool = record.pool;
  if (failed !== null) instance.error_code = failed.code;
  if (record.hasRepository) instance.repository = repository(record);
  if ((status === "CREATE_QUEUING" || status === "START_QUEUING") && next !== undefined) {
    const remain = nominalSecondsUntil(next.at, context);
    const rank = Math.max(1, Math.ceil((next.at - context.now) / (current.rankStepMs ?? 1)));
    instance.flavor_details = { ...details, queuing_num: rank, queue_left_time: remain };
    instance.queuing_info = {
      id: record.id,
      name: record.name,
      de_type: "Notebook",
      flavor: record.flavor,
      flavor_details: instance.flavor_details,
      status,
      begin_timestamp: current.at,
      remain_time: remain,
      end_timestamp: next.at,
      rank,
    };
  }
  return instance;
}
