import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import type { Subject } from "../core/operationError.js";
import type { PollSchedule } from "../core/pollScheduleFromEnv.js";
import { waitForStatus, type StatusReading } from "../core/waitForStatus.js";
import { classifyStatus, QUEUE_STATUSES, type WaitTarget } from "./statusClasses.js";

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

export interface WaitForInstanceOptions {
  client: DemanagerClient;
  id: string;
  subject: Subject;
  timeoutMs: number;
  schedule: PollSchedule;
  verb: string;
}

/** How a demanager instance reads to the shared waiter. */
function readingOf(client: DemanagerClient): StatusReading<Instance> {
  return {
    find: (id) => client.findInstance(id),
    status: (instance) => String(instance.status),
    detail: (instance) =>
      QUEUE_STATUSES.has(String(instance.status)) && instance.queuing_info?.rank !== undefined
        ? `queue position ${instance.queuing_info.rank}`
        : undefined,
    reasons: describeFailure,
  };
}

/**
 * Polls GET until the instance reaches `target` (or is gone, for "GONE", which is only ever the API's own
 * not-found answer or the DELETED status). The loop, retries and progress lines are core/waitForStatus.ts.
 */
export function waitForInstance(options: WaitForInstanceOptions & { target: "GONE" }): Promise<undefined>;
export function waitForInstance(options: WaitForInstanceOptions & { target: WaitTarget }): Promise<Instance>;
export async function waitForInstance(
  options: WaitForInstanceOptions & { target: WaitTarget | "GONE" },
): Promise<Instance | undefined> {
  const { target } = options;
  const found = await waitForStatus<Instance>({
    reading: readingOf(options.client),
    id: options.id,
    subject: options.subject,
    verb: options.verb,
    targetName: target,
    untilGone: target === "GONE",
    timeoutMs: options.timeoutMs,
    schedule: options.schedule,
    classify: (instance) => {
      const status = String(instance.status);
      if (target === "GONE") return status === "DELETED" ? { state: "SUCCESS" } : { state: "RETRY" };
      const cls = classifyStatus(status, target);
      return cls.state === "FAILURE" ? { state: "FAILURE", reason: cls.reason } : { state: cls.state };
    },
  });
  return target === "GONE" ? undefined : found;
}
