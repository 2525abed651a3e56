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
 * engine's own and Pulumi's convention, and it never reaches inputs or state, so it causes no diff. Check cannot see
 * it, so a value outside 1s to 24h is brought to the nearer bound rather than refused.
 */
export function operationDeadline(
  timeouts: TimeoutsInput | undefined,
  operation: keyof TimeoutsInput,
  defaults: Required<TimeoutsInput>,
  customTimeoutMs?: number,
): Deadline {
  const custom = customTimeoutMs !== undefined && customTimeoutMs > 0;
  const limitMs = custom
    ? Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, customTimeoutMs))
    : timeoutMs(timeouts, operation, defaults);
  const setting = custom ? `customTimeouts.${operation}` : `timeouts.${operation}`;
  const given = custom || timeouts?.[operation] !== undefined ? setting : `${setting} default`;
  const raise = custom ? `Raise the resource option ${setting}` : `Raise ${setting}`;
  const resume = operation === "delete" ? "`pulumi destroy` again continues it" : "the next `pulumi up` resumes it";
  return new Deadline(
    limitMs,
    () =>
      new DeadlineError(
        `timed out after ${formatDuration(limitMs)} (${given}, the limit for the whole ${operation})`,
        `${raise} to allow longer; ${resume}`,
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

/**
 * A read's deadline: refresh and import have no `timeouts` input of their own, and a read is one GET; the limit is
 * the longest any operation may have, so every step of the frame has a deadline without a read ever hitting it.
 */
export function readDeadline(): Deadline {
  return new Deadline(MAX_TIMEOUT_MS, () => new DeadlineError(`timed out after ${formatDuration(MAX_TIMEOUT_MS)}`));
}
