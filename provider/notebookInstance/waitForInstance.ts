import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import { isTransient } from "../api/errorClassification.js";
import { WaitError, type WaitFailureKind } from "../api/errors.js";
import { describeSubject, type Subject } from "../core/operationError.js";
import { formatDuration } from "../core/parseDuration.js";
import type { PollSchedule } from "../core/pollScheduleFromEnv.js";
import { createProgressTracker } from "../core/progress.js";
import { waitFor } from "../wait/waitFor.js";
import { classifyStatus, QUEUE_STATUSES, type WaitTarget } from "./statusClasses.js";

/** Names the failure the way the API reports it: status, failed_reasons and the top-level error_code (§4). */
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

/**
 * Polls GET until the instance reaches `target` (or is gone, for "GONE"). Transient API errors during the wait
 * are retried, not fatal: one bad minute of 5xx or throttling should not fail a 20-minute create. "Gone" is only
 * ever the API's own not-found answer (DemanagerClient.findInstance), or the DELETED status.
 */
export function waitForInstance(options: WaitForInstanceOptions & { target: "GONE" }): Promise<undefined>;
export function waitForInstance(options: WaitForInstanceOptions & { target: WaitTarget }): Promise<Instance>;
export async function waitForInstance(
  options: WaitForInstanceOptions & { target: WaitTarget | "GONE" },
): Promise<Instance | undefined> {
  const { client, id, target, schedule } = options;
  const what = `${options.verb} ${describeSubject(options.subject)}`;
  const tracker = createProgressTracker({ label: what, everyMs: schedule.progressEveryMs });
  let lastSeen: Instance | undefined;
  const result = await waitFor<Instance | undefined>({
    poll: () => client.findInstance(id),
    classify: (instance) => {
      if (instance === undefined) {
        return target === "GONE" ? { state: "SUCCESS" } : { state: "FAILURE", reason: "the instance no longer exists" };
      }
      lastSeen = instance;
      const status = String(instance.status);
      tracker.observe(status, QUEUE_STATUSES.has(status) ? { rank: instance.queuing_info?.rank } : undefined);
      if (target === "GONE") return status === "DELETED" ? { state: "SUCCESS" } : { state: "RETRY" };
      const cls = classifyStatus(status, target);
      return cls.state === "FAILURE" ? { state: "FAILURE", reason: cls.reason } : { state: cls.state };
    },
    initialDelayMs: schedule.initialDelayMs,
    minDelayMs: schedule.minDelayMs,
    maxDelayMs: schedule.maxDelayMs,
    maxWaitMs: options.timeoutMs,
    isRetryableError: isTransient,
  });
  switch (result.state) {
    case "SUCCESS":
      return target === "GONE" ? undefined : result.value;
    case "FAILURE": {
      const reasons = lastSeen ? describeFailure(lastSeen) : [];
      const why = [result.reason ?? "the wait failed", ...reasons].join("; ");
      const kind: WaitFailureKind = result.value === undefined && target !== "GONE" ? "gone" : "failed";
      throw new WaitError<Instance>(`${what}: ${why}`, kind, lastSeen, reasons);
    }
    case "TIMEOUT": {
      const status = lastSeen ? `; last status ${String(lastSeen.status)}` : "";
      const lastError = result.lastError instanceof Error ? `; last error: ${result.lastError.message}` : "";
      throw new WaitError<Instance>(
        `${what}: timed out after ${formatDuration(options.timeoutMs)} waiting for ${target}${status}${lastError}. ` +
          `Raise the timeouts input to wait longer; the next \`pulumi up\` resumes the wait.`,
        "timeout",
        lastSeen,
        [],
      );
    }
    default:
      throw new WaitError<Instance>(`${what}: the wait was aborted`, "aborted", lastSeen, []);
  }
}
