import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import type { Step } from "../frame/Step.js";
import { waitForObject, type ObjectWait } from "../frame/waitForStatus.js";
import type { StatusReading } from "../wait/statusReading.js";
import type { StatusSighting } from "../wait/pollSchedule.js";
import { classifyStatus, INSTANCE_STATUS_TIMINGS, QUEUE_STATUSES, type WaitTarget } from "./statusClasses.js";

/** Names the failure the way the API reports it: status, failed_reasons and the top-level error_code [demanager §4]. */
export function describeFailure(instance: Instance): string[] {
  const reasons: string[] = [];
  const failed = instance.spec?.failed_reasons;
  if (failed && (failed.code || failed.message)) {
    const detail = failed.detail && Object.keys(failed.detail).length > 0 ? ` ${JSON.stringify(failed.detail)}` : "";
    reasons.push(`${failed.code ?? "unknown code"}: ${failed.message ?? "no message"}${detail}`);
  }
  // The top-level error_code usually repeats failed_reasons.code; name it only when it adds something.
  if (instance.error_code && instance.error_code !== failed?.code) reasons.push(`error_code ${instance.error_code}`);
  return reasons;
}

/** One operation on an instance: the frame's step, with the demanager API's client. */
export type InstanceStep = Step<DemanagerClient, Instance>;

export type WaitForInstanceOptions = ObjectWait<DemanagerClient, Instance>;

/** What an instance shows the poll schedule: its status and, when queued, its queue position and remaining time. */
export function sightingOf(instance: Instance): StatusSighting {
  const queue = instance.queuing_info;
  return {
    status: String(instance.status),
    ...(queue && {
      queue: {
        rank: queue.rank,
        // remain_time is in seconds [demanager §5]; the schedule counts milliseconds.
        remainTimeMs: typeof queue.remain_time === "number" ? queue.remain_time * 1000 : undefined,
      },
    }),
  };
}

/** How a demanager instance reads to the shared waiter. */
function readingOf(client: DemanagerClient): StatusReading<Instance> {
  return {
    find: (id, look) => client.findInstance(id, { poll: true, ...look }),
    status: (instance) => String(instance.status),
    detail: (instance) =>
      QUEUE_STATUSES.has(String(instance.status)) && instance.queuing_info?.rank !== undefined
        ? `queue position ${instance.queuing_info.rank}`
        : undefined,
    reasons: describeFailure,
    sighting: sightingOf,
    timings: INSTANCE_STATUS_TIMINGS,
    congested: () => client.congested,
  };
}

/**
 * Polls GET until the instance reaches `target` (or is gone, for "GONE", which is only ever the API's own
 * not-found answer or the DELETED status). The loop, retries and progress lines are frame/waitForStatus.ts.
 */
export function waitForInstance(options: WaitForInstanceOptions & { target: "GONE" }): Promise<undefined>;
export function waitForInstance(options: WaitForInstanceOptions & { target: WaitTarget }): Promise<Instance>;
export function waitForInstance(
  options: WaitForInstanceOptions & { target: WaitTarget | "GONE" },
): Promise<Instance | undefined> {
  return waitForObject(options, readingOf(options.client), (instance, target) => {
    const status = String(instance.status);
    if (target === "GONE") return status === "DELETED" ? { state: "SUCCESS" } : { state: "RETRY" };
    return classifyStatus(status, target);
  });
}
