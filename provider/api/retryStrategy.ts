/**
 * The one retry loop every API call goes through (like got's single retry decision, or smithy's one
 * retry-strategy object): attempt bookkeeping, throttling, the time budget, the 401 token refresh, the short
 * budget for an endpoint that cannot be reached, and a hook for calls that must not be repeated blindly (a
 * create looks its object up before POSTing again). What a failure means comes from errorClassification.ts.
 */
import { computeBackoffMs } from "../wait/backoff.js";
import { ApiError } from "../base/errors.js";
import { isAmbiguous, isThrottled, isTransient, wasNotSent } from "../base/errorClassification.js";

/** Bounds of the loop. Small enough to shrink in tests; defaults follow [demanager §7.4]. */
export interface RetryOptions {
  /**
   * Total attempts, the first included. Throttled answers do not count: the server applied nothing and said when
   * to come back, so only `maxElapsedMs` bounds them (a 50-instance stack saw 30 429s in a row for one call).
   */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time has passed since the first attempt. */
  maxElapsedMs: number;
  /** A `Retry-After` longer than this is clamped, so one header cannot stall a deployment. */
  maxRetryAfterMs: number;
  /**
   * Attempts when the endpoint cannot be reached at all (refused, no DNS): a wrong endpoint or no network is not
   * cured by waiting, so these give up within seconds instead of riding out the whole budget.
   */
  maxUnreachableAttempts: number;
  unreachableDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxElapsedMs: 5 * 60_000,
  maxRetryAfterMs: 60_000,
  maxUnreachableAttempts: 3,
  unreachableDelayMs: 1000,
};

/**
 * `idempotent`: repeated on transient failures. `once`: never repeated (the caller decides). `recoverable`:
 * repeated when the failure was surely not applied; a failure that may have been applied goes to `recover` first.
 */
export type RetryMode = "idempotent" | "once" | "recoverable";

/** What `recover` found out after a failure that may have been applied. */
export type RecoverOutcome<T> =
  | { kind: "done"; value: T } // it was applied: here is the result
  | { kind: "resend" } // it was surely not applied: sending again is safe
  | { kind: "fail"; error: unknown }; // neither can be shown: stop with this error

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface RetryLoop<T> {
  mode: RetryMode;
  /** One attempt. */
  attempt: () => Promise<T>;
  /**
   * For `recoverable`: called after an ambiguous failure, and after any later failure once an earlier attempt may
   * have been applied (a create answered "already exists" after a lost answer).
   */
  recover?: (err: unknown, context: { maybeApplied: boolean }) => Promise<RecoverOutcome<T>>;
  /** Called once after an HTTP 401; true when fresh credentials were obtained. */
  refreshAuth?: () => Promise<boolean>;
  /** Turns the last error of an unreachable endpoint into the error the user sees (it names the setting). */
  unreachable?: (err: unknown, attempts: number, elapsedMs: number) => unknown;
  onRetry?: (event: RetryEvent) => void;
  /**
   * A shared rate limiter paces every attempt: a throttled attempt then waits out only its own `Retry-After` (none
   * when the answer gave none) before it goes back to the limiter's queue, without jitter: the queue spaces it.
   */
  pacedThrottling?: boolean;
  /**
   * On `now`'s clock: no attempt starts at or after it, and a retry's wait ends there (the request's budget, or
   * its operation's deadline if sooner).
   */
  deadlineAt?: number;
  /**
   * Whether the loop ends here because the time is up: the error to end with, or undefined to go on as usual.
   * Called before an attempt once `deadlineAt` has passed (with `failed` undefined: the error must then be given),
   * and after each failed attempt, with the attempt's error and the one before it.
   */
  outOfTime?: (failed: unknown, previous: unknown) => unknown;
  options: RetryOptions;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export async function runWithRetries<T>(loop: RetryLoop<T>): Promise<T> {
  const { options, now } = loop;
  const started = now();
  let attempt = 1;
  let throttled = 0;
  let unreachable = 0;
  let refreshedAfter401 = false;
  let maybeApplied = false;
  let previous: unknown;
  const timeIsUp = () => loop.deadlineAt !== undefined && now() >= loop.deadlineAt;
  for (; ; attempt++) {
    if (timeIsUp()) throw loop.outOfTime?.(undefined, previous) ?? previous;
    try {
      return await loop.attempt();
    } catch (err) {
      const stop = loop.outOfTime?.(err, previous);
      if (stop !== undefined) throw stop;
      previous = err;
      if (err instanceof ApiError && err.status === 401 && !refreshedAfter401 && loop.refreshAuth) {
        refreshedAfter401 = true;
        if (await loop.refreshAuth()) continue;
      }
      if (loop.mode === "once") throw err;
      // After a failure that may have been applied, a later non-transient one ("already exists") is recovered too.
      if (loop.mode === "recoverable" && loop.recover && (isAmbiguous(err) || (maybeApplied && !isTransient(err)))) {
        maybeApplied = true;
        const outcome = await loop.recover(err, { maybeApplied });
        if (outcome.kind === "done") return outcome.value;
        if (outcome.kind === "fail") throw outcome.error;
      }
      if (!isTransient(err)) throw err;
      if (wasNotSent(err)) {
        unreachable++;
        if (unreachable >= options.maxUnreachableAttempts) {
          throw loop.unreachable ? loop.unreachable(err, unreachable, now() - started) : err;
        }
      }
      if (isThrottled(err)) throttled++;
      if (attempt - throttled >= options.maxAttempts) throw err;
      // A throttled attempt under shared pacing waits out the Retry-After its answer named, then goes back to the
      // limiter, which paces it in turn; the others are only slowed by the limiter's rate (AdaptiveRateLimiter.ts).
      const delayMs = wasNotSent(err)
        ? options.unreachableDelayMs
        : loop.pacedThrottling && isThrottled(err)
          ? retryAfterMs(err, options)
          : retryDelayMs(err, attempt, options, loop.random);
      if (now() + delayMs - started > options.maxElapsedMs) throw err;
      loop.onRetry?.({ attempt, delayMs, reason: (err as Error).message });
      // Not past the deadline: the loop then ends there, with the error it names.
      const waitMs = loop.deadlineAt === undefined ? delayMs : Math.min(delayMs, Math.max(0, loop.deadlineAt - now()));
      if (waitMs > 0) await loop.sleep(waitMs);
    }
  }
}

/**
 * Delay before retry number `attempt` (1 = first retry): the server's `Retry-After` when it sent one (clamped,
 * plus a little jitter so many resources throttled together do not come back in lockstep), otherwise capped
 * exponential backoff with jitter.
 */
export function retryDelayMs(err: unknown, attempt: number, options: RetryOptions, random: () => number): number {
  if (err instanceof ApiError && err.retryAfterSeconds !== undefined) {
    const base = Math.min(err.retryAfterSeconds * 1000, options.maxRetryAfterMs);
    return base + Math.floor(random() * Math.min(1000, options.baseDelayMs));
  }
  return computeBackoffMs({ attempt, baseMs: options.baseDelayMs, capMs: options.maxDelayMs, random });
}

/** The `Retry-After` a throttled answer named (clamped), or 0 when it named none. */
export function retryAfterMs(err: unknown, options: RetryOptions): number {
  if (!(err instanceof ApiError) || err.retryAfterSeconds === undefined) return 0;
  return Math.min(err.retryAfterSeconds * 1000, options.maxRetryAfterMs);
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into seconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - nowMs) / 1000);
}
