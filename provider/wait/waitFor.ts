import { performance } from "node:perf_hooks";
import { computeBackoffMs } from "./backoff.js";
import { abortableSleep } from "./abortableSleep.js";

/**
 * What one polled value means: done, failed for good (`reason` is shown to the user, e.g. `the notebook is
 * CREATE_FAILED`), or not there yet. Every waiter of the provider speaks it.
 */
export type WaitVerdict =
  { state: "SUCCESS" } | { state: "RETRY"; reason?: string } | { state: "FAILURE"; reason: string };

/** Reported after every attempt, e.g. to log progress. */
export interface AttemptInfo<T> {
  /** 1 for the first poll. */
  readonly attempt: number;
  readonly elapsedMs: number;
  /** `ERROR` when poll threw (retryable or not). */
  readonly state: WaitVerdict["state"] | "ERROR";
  readonly value?: T;
  readonly reason?: string;
  readonly error?: unknown;
  /** Delay before the next attempt; undefined when this was the last attempt. */
  readonly nextDelayMs?: number;
}

export interface WaitForOptions<T> {
  /** Fetches the current value. Receives `signal` so an HTTP call in flight can be cancelled. */
  readonly poll: (signal?: AbortSignal) => Promise<T>;
  readonly classify: (value: T) => WaitVerdict;
  /** Lower bound between two polls (except the final one squeezed in before the deadline). Must be > 0. */
  readonly minDelayMs: number;
  /** Upper bound between two polls. */
  readonly maxDelayMs: number;
  /** No attempt starts later than this after the call; the waiter never sleeps past it. */
  readonly maxWaitMs: number;
  /** Wait before the first poll (default 0), for things known to take a while. Clamped to maxWaitMs. */
  readonly initialDelayMs?: number;
  readonly onAttempt?: (info: AttemptInfo<T>) => void;
  /** Aborting ends the wait with state ABORTED (after the poll in flight, if it ignores the signal). */
  readonly signal?: AbortSignal;
  /** Default: a monotonic clock, so wall-clock adjustments cannot stretch or cut the wait. */
  readonly clock?: { now(): number };
  /** Default: setTimeout, resolving early on abort. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Default: Math.random. */
  readonly random?: () => number;
  /** Errors from `poll` for which this returns true are counted and retried; others are rethrown. Default: none. */
  readonly isRetryableError?: (err: unknown) => boolean;
  /**
   * The delay before the next poll, decided by the caller from what the last poll showed (a status-aware schedule,
   * provider/wait/pollSchedule.ts) instead of the backoff; still kept within `[minDelayMs, maxDelayMs]` and the
   * deadline. `value` is undefined after a poll that threw.
   */
  readonly planDelayMs?: (info: { attempt: number; value?: T }) => number;
}

export interface WaitResult<T> {
  readonly state: "SUCCESS" | "FAILURE" | "TIMEOUT" | "ABORTED";
  /** The last value polled, if any poll returned. */
  readonly value?: T;
  /** The last classification's reason (or the abort reason). */
  readonly reason?: string;
  /** Polls made, including ones that threw. */
  readonly attempts: number;
  /** Polls that threw a retryable error. */
  readonly errorCount: number;
  readonly elapsedMs: number;
  /** On TIMEOUT and ABORTED: the most recent error thrown by `poll`, so a timeout caused by errors says so. */
  readonly lastError?: unknown;
}

const MONOTONIC_CLOCK = { now: () => performance.now() };

/**
 * Polls until `classify` says SUCCESS or FAILURE, the deadline passes, or `signal` aborts; modelled on AWS SDK
 * v3's `createWaiter`. Outcomes are returned as a state, never thrown; only a non-retryable error from `poll`
 * (or an exception from `classify`/`onAttempt`) propagates.
 *
 * Delays between polls follow capped exponential backoff with jitter in `[minDelayMs, maxDelayMs]`. Unlike
 * createWaiter, which gives up as soon as the next delay would overshoot, the last delay is shortened so one final
 * attempt happens at the deadline: a resource that becomes ready during the last interval is still seen.
 * Time spent inside `poll` counts, so elapsedMs can exceed maxWaitMs by the duration of the last poll.
 */
export async function waitFor<T>(options: WaitForOptions<T>): Promise<WaitResult<T>> {
  validate(options);
  const { poll, classify, minDelayMs, maxDelayMs, maxWaitMs, onAttempt, signal } = options;
  const clock = options.clock ?? MONOTONIC_CLOCK;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const isRetryableError = options.isRetryableError ?? (() => false);

  const startedAt = clock.now();
  const deadline = startedAt + maxWaitMs;
  const elapsed = () => clock.now() - startedAt;

  let attempts = 0;
  let errorCount = 0;
  let last: { value: T } | undefined;
  let lastReason: string | undefined;
  let lastError: { error: unknown } | undefined;

  const finish = (state: WaitResult<T>["state"], reason = lastReason): WaitResult<T> => ({
    state,
    ...(last ? { value: last.value } : {}),
    ...(reason === undefined ? {} : { reason }),
    attempts,
    errorCount,
    elapsedMs: elapsed(),
    ...(lastError && (state === "TIMEOUT" || state === "ABORTED") ? { lastError: lastError.error } : {}),
  });
  const aborted = () => finish("ABORTED", describeAbort(signal));

  let delayMs = Math.min(options.initialDelayMs ?? 0, maxWaitMs);
  for (;;) {
    if (signal?.aborted) return aborted();
    if (delayMs > 0) {
      try {
        await sleep(delayMs, signal);
      } catch (err) {
        // A sleep that rejects because of the abort is the abort, not a failure.
        if (!signal?.aborted) throw err;
      }
      if (signal?.aborted) return aborted();
    }

    attempts++;
    const attempt = attempts;
    let polled: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      polled = { ok: true, value: await poll(signal) };
    } catch (error) {
      polled = { ok: false, error };
    }

    let state: AttemptInfo<T>["state"];
    if (polled.ok) {
      const verdict = classify(polled.value);
      last = { value: polled.value };
      lastReason = verdict.state === "SUCCESS" ? undefined : verdict.reason;
      state = verdict.state;
    } else {
      lastError = { error: polled.error };
      state = "ERROR";
    }
    const report = (nextDelayMs?: number) =>
      onAttempt?.({
        attempt,
        elapsedMs: elapsed(),
        state,
        ...(polled.ok ? { value: polled.value } : { error: polled.error }),
        ...(polled.ok && lastReason !== undefined ? { reason: lastReason } : {}),
        ...(nextDelayMs === undefined ? {} : { nextDelayMs }),
      });

    if (state === "SUCCESS" || state === "FAILURE") {
      report();
      return finish(state);
    }
    // A poll that fails because it was aborted is expected; report the abort, not the error.
    if (signal?.aborted) {
      report();
      return aborted();
    }
    if (!polled.ok) {
      if (!isRetryableError(polled.error)) {
        report();
        throw polled.error;
      }
      errorCount++;
    }

    const remainingMs = deadline - clock.now();
    if (remainingMs <= 0) {
      report();
      return finish("TIMEOUT");
    }
    const plannedMs = options.planDelayMs
      ? Math.min(
          maxDelayMs,
          Math.max(minDelayMs, options.planDelayMs(polled.ok ? { attempt, value: polled.value } : { attempt })),
        )
      : Math.max(minDelayMs, computeBackoffMs({ attempt, baseMs: minDelayMs, capMs: maxDelayMs, random }));
    delayMs = Math.min(plannedMs, remainingMs);
    report(delayMs);
  }
}

function validate<T>(options: WaitForOptions<T>): void {
  const { minDelayMs, maxDelayMs, maxWaitMs, initialDelayMs = 0 } = options;
  // A zero minimum could spin forever on a clock that does not move; these are programming errors.
  if (!(Number.isFinite(minDelayMs) && minDelayMs > 0)) throw new RangeError("waitFor: minDelayMs must be > 0");
  if (!(Number.isFinite(maxDelayMs) && maxDelayMs >= minDelayMs)) {
    throw new RangeError("waitFor: maxDelayMs must be finite and >= minDelayMs");
  }
  if (!(Number.isFinite(maxWaitMs) && maxWaitMs >= 0))
    throw new RangeError("waitFor: maxWaitMs must be finite and >= 0");
  if (!(Number.isFinite(initialDelayMs) && initialDelayMs >= 0)) {
    throw new RangeError("waitFor: initialDelayMs must be finite and >= 0");
  }
}

function describeAbort(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  if (typeof reason === "string") return reason;
  if (reason instanceof Error && reason.name !== "AbortError") return reason.message;
  return "aborted";
}
