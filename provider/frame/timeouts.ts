import { DeadlineError } from "../base/errors.js";
import { Deadline } from "../wait/Deadline.js";
import { formatDuration, parseDurationMs } from "../base/parseDuration.js";
import type { TimeoutsInput } from "../base/sharedInputs.js";

/**
 * The longest timeout accepted at check: a wait longer than a day is a typo (400 digits passed check once and
 * failed only after the POST), and a deployment that long would outlive the credentials it runs with.
 */
export const MAX_TIMEOUT_MS = 24 * 3_600_000;

/**
 * The shortest timeout accepted at check: no request to the service can finish in less ("0.001s" passed check once
 * and failed every operation with a timeout before the first answer).
 */
export const MIN_TIMEOUT_MS = 1000;

/** The timeout for one operation, from the `timeouts` input (check has validated it) or the resource's default. */
export function timeoutMs(
  timeouts: TimeoutsInput | undefined,
  operation: keyof TimeoutsInput,
  defaults: Required<TimeoutsInput>,
): number {
  const declared = timeouts?.[operation];
  const parsed = declared === undefined ? undefined : parseDurationMs(declared);
  if (parsed !== undefined && parsed >= MIN_TIMEOUT_MS && parsed <= MAX_TIMEOUT_MS) return parsed;
  return parseDurationMs(defaults[operation])!;
}

/**
 * The one deadline of an operation, from now: every wait, request and rate-limiter queue inside it gets what
 * remains of it. Dispose of it when the operation ends.
 *
 * `customTimeoutMs` is the engine's limit for this operation (Pulumi's `customTimeouts` resource option, which only
 * the native provider receives; 0 or absent when unset). When set it wins over the `timeouts` input: it is the
 * engine's own and Pulumi's convention, and it never reaches inputs or state, so it causes no diff.
 */
export function operationDeadline(
  timeouts: TimeoutsInput | undefined,
  operation: keyof TimeoutsInput,
  defaults: Required<TimeoutsInput>,
  customTimeoutMs?: number,
): Deadline {
  const resume = operation === "delete" ? "`pulumi destroy` again continues it" : "the next `pulumi up` resumes it";
  if (isSet(customTimeoutMs)) return engineDeadline(customTimeoutMs, operation, resume);
  const limitMs = timeoutMs(timeouts, operation, defaults);
  const setting = `timeouts.${operation}`;
  const given = timeouts?.[operation] !== undefined ? setting : `${setting} default`;
  return new Deadline(
    limitMs,
    () =>
      new DeadlineError(
        `timed out after ${formatDuration(limitMs)} (${given}, the limit for the whole ${operation})`,
        `Raise ${setting} to allow longer; ${resume}`,
      ),
  );
}

/**
 * A read's deadline (refresh, `pulumi import`, a `.get`): the engine's `customTimeouts.read` when it sends one, as
 * for the other operations. Otherwise the longest any operation may have: a read has no `timeouts` input of its own
 * and is one GET, so every step of the frame has a deadline without a read ever hitting it. Pulumi sends it only
 * where it knows the resource's options: a refresh (the option recorded at the last `up`) and the `import` resource
 * option; a `.get` and the `pulumi import` command send none, nor does a CLI older than the option (3.206 sends
 * none) [pulumi §11.15].
 */
export function readDeadline(customTimeoutMs?: number): Deadline {
  if (isSet(customTimeoutMs)) {
    return engineDeadline(customTimeoutMs, "read", "a read changes nothing, so running it again is safe");
  }
  return new Deadline(MAX_TIMEOUT_MS, () => new DeadlineError(`timed out after ${formatDuration(MAX_TIMEOUT_MS)}`));
}

const isSet = (customTimeoutMs: number | undefined): customTimeoutMs is number =>
  customTimeoutMs !== undefined && customTimeoutMs > 0;

/**
 * The deadline the engine's limit sets. Check cannot see that limit, so a value outside 1s to 24h is brought to
 * the nearer bound rather than refused.
 */
function engineDeadline(customTimeoutMs: number, operation: string, rerun: string): Deadline {
  const limitMs = Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, customTimeoutMs));
  const setting = `customTimeouts.${operation}`;
  return new Deadline(
    limitMs,
    () =>
      new DeadlineError(
        `timed out after ${formatDuration(limitMs)} (${setting}, the limit for the whole ${operation})`,
        `Raise the resource option ${setting} to allow longer; ${rerun}`,
      ),
  );
}

/** Check-time rule for a `timeouts` input: each one parses and is between 1s and 24h. One failure per bad field. */
export function checkTimeouts(timeouts: unknown): { property: string; reason: string }[] {
  if (timeouts === null || typeof timeouts !== "object") return [];
  const failures: { property: string; reason: string }[] = [];
  for (const operation of ["create", "update", "delete"] as const) {
    const value = (timeouts as Record<string, unknown>)[operation];
    if (typeof value !== "string") continue;
    const ms = parseDurationMs(value);
    const got = JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
    if (ms !== undefined && ms > MAX_TIMEOUT_MS) {
      failures.push({
        property: `timeouts.${operation}`,
        reason: `timeouts.${operation} must be at most 24h (got ${got})`,
      });
    } else if (ms !== undefined && ms < MIN_TIMEOUT_MS) {
      failures.push({
        property: `timeouts.${operation}`,
        reason: `timeouts.${operation} must be at least 1s (got ${got})`,
      });
    }
  }
  return failures;
}
