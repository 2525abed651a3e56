import { isRetryable } from "../api/retryPolicy.js";
import type { ModelArtsClient } from "../api/ModelArtsClient.js";
import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { waitFor } from "../wait/waitFor.js";
import { formatDuration } from "./parseDuration.js";
import { createProgressTracker } from "./progress.js";
import { classifyStatus, QUEUE_STATUSES, type WaitTarget } from "./statusClasses.js";

/** Poll schedule; the environment can shrink it for tests and benchmarks against a time-scaled emulator. */
export interface PollSchedule {
  initialDelayMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  progressEveryMs: number;
}

export function pollScheduleFromEnv(env: Record<string, string | undefined> = process.env): PollSchedule {
  const num = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  // Defaults tuned by the waiting benchmark (bench/results/report.md): a 12 s cap polls every 9 s on average once
  // backed off, which keeps the mean lag of any create under Terraform's fixed 10 s polling (15 s did not).
  return {
    initialDelayMs: num("MODELARTS_POLL_INITIAL_DELAY_MS", 2_000),
    minDelayMs: num("MODELARTS_POLL_MIN_DELAY_MS", 2_000),
    maxDelayMs: num("MODELARTS_POLL_MAX_DELAY_MS", 12_000),
    progressEveryMs: num("MODELARTS_PROGRESS_EVERY_MS", 30_000),
  };
}

export type WaitFailureKind = "failed" | "timeout" | "gone" | "aborted";

/** A wait ended without reaching its target. Carries the last instance seen, for partial-failure state. */
export class InstanceWaitError extends Error {
  override readonly name = "InstanceWaitError";
  constructor(
    message: string,
    readonly kind: WaitFailureKind,
    readonly lastSeen: Instance | undefined,
    readonly reasons: string[],
  ) {
    super(message);
  }
}

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

/**
 * Polls GET until the instance reaches `target` (or is gone, for "GONE"). Transient API errors during the wait
 * are retried, not fatal: one bad minute of 5xx or throttling should not fail a 20-minute create.
 */
export async function waitForInstance(options: {
  client: ModelArtsClient;
  id: string;
  label: string;
  target: WaitTarget | "GONE";
  timeoutMs: number;
  schedule: PollSchedule;
  verb: string;
}): Promise<Instance | undefined> {
  const { client, id, label, target, schedule } = options;
  const tracker = createProgressTracker({
    label: `${options.verb} notebook instance ${label}`,
    everyMs: schedule.progressEveryMs,
  });
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
    isRetryableError: isRetryable,
  });
  switch (result.state) {
    case "SUCCESS":
      return target === "GONE" ? undefined : result.value;
    case "FAILURE": {
      const reasons = lastSeen ? describeFailure(lastSeen) : [];
      const why = [result.reason ?? "the wait failed", ...reasons].join("; ");
      const kind: WaitFailureKind = result.value === undefined && target !== "GONE" ? "gone" : "failed";
      throw new InstanceWaitError(`${options.verb} notebook instance "${label}": ${why}`, kind, lastSeen, reasons);
    }
    case "TIMEOUT": {
      const status = lastSeen ? `; last status ${String(lastSeen.status)}` : "";
      const lastError = result.lastError instanceof Error ? `; last error: ${result.lastError.message}` : "";
      throw new InstanceWaitError(
        `${options.verb} notebook instance "${label}": timed out after ${formatDuration(options.timeoutMs)} waiting for ${target}${status}${lastError}. ` +
          `Raise the timeouts input to wait longer; the next \`pulumi up\` resumes the wait.`,
        "timeout",
        lastSeen,
        [],
      );
    }
    default:
      throw new InstanceWaitError(
        `${options.verb} notebook instance "${label}": the wait was aborted`,
        "aborted",
        lastSeen,
        [],
      );
  }
}
