import { computeBackoffMs } from "../wait/backoff.js";
import { ApiError, TransportError } from "./errors.js";

/** Bounds of the HTTP retry loop. Small enough to shrink in tests; defaults follow the API reference §7.4. */
export interface RetryOptions {
  /**
   * Total attempts, the first included. Throttled answers (see `isThrottled`) do not count: the server applied
   * nothing and said when to come back, so only `maxElapsedMs` bounds them.
   */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time has passed since the first attempt. */
  maxElapsedMs: number;
  /** A `Retry-After` longer than this is clamped, so one header cannot stall a deployment. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxElapsedMs: 5 * 60_000,
  maxRetryAfterMs: 60_000,
};

/** HTTP statuses worth another try: the request was throttled or the service failed (§7.2, §7.4). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** ModelArts codes that mean "busy, try later" even when they arrive with HTTP 400 (§7.3). */
export const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  "ModelArts.6100", // request timed out
  "ModelArts.6101", // system busy (throttled)
  "ModelArts.6102", // server error, try again later
  "APIG.0308", // gateway throttling
  "APIGW.0308",
]);

/** Socket-level failures that a retry may cure. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

/** Failures that happened before the server could have received the request. */
const NOT_SENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

export function isRetryable(err: unknown): boolean {
  if (err instanceof ApiError) {
    return (
      RETRYABLE_STATUSES.has(err.status) || (err.errorCode !== undefined && RETRYABLE_ERROR_CODES.has(err.errorCode))
    );
  }
  return err instanceof TransportError && RETRYABLE_NETWORK_CODES.has(err.code);
}

/**
 * The request was throttled (HTTP 429, ModelArts.6101, APIG.0308): not applied, and a sign of load rather than
 * of a fault. Many resources deploying at once can be throttled many times in a row (bench/results/report.md:
 * 30 429s in a row for one call of a 50-instance stack), so these retries are bounded by time, not by count.
 */
export function isThrottled(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  return (
    err.status === 429 ||
    err.errorCode === "ModelArts.6101" ||
    err.errorCode === "APIG.0308" ||
    err.errorCode === "APIGW.0308"
  );
}

/**
 * True when a failed non-idempotent request may nevertheless have been applied: the connection broke after
 * it was sent, the client timed out, or the server failed (5xx). A throttled request (429, 6101) or a
 * refused connection was not applied.
 */
export function isAmbiguous(err: unknown): boolean {
  if (err instanceof TransportError) return !NOT_SENT_NETWORK_CODES.has(err.code);
  if (err instanceof ApiError) {
    if (err.status === 429 || err.errorCode === "ModelArts.6101") return false;
    return err.status >= 500 || err.status === 408;
  }
  return false;
}

/**
 * Delay before retry number `attempt` (1 = first retry): the server's `Retry-After` when it sent one
 * (clamped), otherwise capped exponential backoff with jitter.
 */
export function retryDelayMs(err: unknown, attempt: number, options: RetryOptions, random: () => number): number {
  if (err instanceof ApiError && err.retryAfterSeconds !== undefined) {
    // A little jitter on top, so many resources throttled together do not come back in lockstep.
    const base = Math.min(err.retryAfterSeconds * 1000, options.maxRetryAfterMs);
    return base + Math.floor(random() * Math.min(1000, options.baseDelayMs));
  }
  return computeBackoffMs({ attempt, baseMs: options.baseDelayMs, capMs: options.maxDelayMs, random });
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
