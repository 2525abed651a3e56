/**
 * What a failed request means, in one place: throttled (not applied; wait and send again), transient (a retry
 * may cure it), not sent (the server never saw it), ambiguous (it may have been applied), not found (the API's
 * own "does not exist" answer), a refusal (for the object's state, or any answer below 500), an answer carrying a
 * given error code. The retry strategy, the clients and the lifecycle code all ask these questions here, and
 * nowhere else. Codes: [demanager §7].
 */
import { ApiError, InvalidResponseError, TransportError } from "./errors.js";

/** HTTP statuses worth another try: the request was throttled or the service failed. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** ModelArts and gateway codes that mean "throttled": the request was not applied. */
export const THROTTLED_ERROR_CODES: ReadonlySet<string> = new Set(["ModelArts.6101", "APIG.0308", "APIGW.0308"]);

/** ModelArts codes that mean "busy, try later" even when they arrive with HTTP 400. */
export const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  "ModelArts.6100", // request timed out
  "ModelArts.6102", // server error, try again later
  ...THROTTLED_ERROR_CODES,
]);

/** Socket-level failures that a retry may cure. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

/**
 * Failures before the server could have received the request: the endpoint cannot be reached. They are not
 * ambiguous, and a long retry does not cure them (a wrong endpoint, no network): they get a short budget.
 */
export const NOT_SENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** HTTP 429, ModelArts.6101 or APIG.0308: not applied, and a sign of load rather than of a fault. */
export function isThrottled(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  return err.status === 429 || (err.errorCode !== undefined && THROTTLED_ERROR_CODES.has(err.errorCode));
}

/** A retry may cure it (for a request that is safe to repeat). */
export function isTransient(err: unknown): boolean {
  if (err instanceof ApiError) {
    return (
      RETRYABLE_STATUSES.has(err.status) || (err.errorCode !== undefined && RETRYABLE_ERROR_CODES.has(err.errorCode))
    );
  }
  if (err instanceof InvalidResponseError) return err.retryable;
  return err instanceof TransportError && RETRYABLE_NETWORK_CODES.has(err.code);
}

/** The endpoint could not be reached: the request was never sent. */
export function wasNotSent(err: unknown): boolean {
  return err instanceof TransportError && NOT_SENT_NETWORK_CODES.has(err.code);
}

/**
 * A failed non-idempotent request may nevertheless have been applied: the connection broke after it was sent,
 * the client timed out, the server failed (5xx, 408), or the answer could not be read. A throttled request or
 * one that was never sent was not applied.
 */
export function isAmbiguous(err: unknown): boolean {
  if (err instanceof TransportError) return !NOT_SENT_NETWORK_CODES.has(err.code);
  if (err instanceof InvalidResponseError) return true;
  if (err instanceof ApiError) {
    if (isThrottled(err)) return false;
    return err.status >= 500 || err.status === 408;
  }
  return false;
}

/**
 * The API's own "does not exist" answer for the object the request named: HTTP 400 (or 404) carrying one of
 * `codes` (the demanager API answers 400 ModelArts.6309; the notebooks API 6404 or 6309). Anything else, a bare
 * 404 or the gateway's APIG.0101 in particular, is not proof that the object is gone.
 */
export function isNotFoundAnswer(err: unknown, codes: ReadonlySet<string>): boolean {
  return (
    err instanceof ApiError &&
    (err.status === 400 || err.status === 404) &&
    err.errorCode !== undefined &&
    codes.has(err.errorCode)
  );
}

/** An answer of the API (any status), with `errorCode` when given. */
export function isApiError(err: unknown, errorCode?: string): err is ApiError {
  return err instanceof ApiError && (errorCode === undefined || err.errorCode === errorCode);
}

/** An answer of the API carrying one of `codes`. */
export function hasErrorCode(err: unknown, codes: ReadonlySet<string>): err is ApiError {
  return err instanceof ApiError && err.errorCode !== undefined && codes.has(err.errorCode);
}

/**
 * ModelArts refused the request for the object's state (HTTP 400 with a `ModelArts.` code: starting, busy, not
 * running, ...): the object exists and the answer is the service's own. A gateway's answer is not one.
 */
export function isStateRefusal(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 400 && err.errorCode?.startsWith("ModelArts.") === true;
}

/** The API answered and refused the request (below 500): it was not applied, and no retry sends it differently. */
export function isRefusal(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status < 500;
}
