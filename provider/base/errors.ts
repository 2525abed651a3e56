/**
 * The provider's one error family, the way got and octokit expose one: a `name` per class, a stable `code`, and
 * a `cause` that is only ever another error of this family (a foreign error, got's for one, can hold the request
 * options with the Authorization header, so it is never kept). Every message is masked and stripped of terminal
 * controls (redact.ts) when the error is made, and every string property that comes from the service is
 * sanitised, so printing any of these errors, or `util.inspect` of one, shows no secret and no escape code.
 */
import { maskedText, sanitizeServiceText } from "./redact.js";

export abstract class ModelArtsError extends Error {
  /** A stable, machine-readable code: the ModelArts `error_code`, a Node.js socket code, or our own. */
  readonly code: string;

  protected constructor(message: string, code: string, cause?: ModelArtsError) {
    super(maskedText(message), cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

export interface ApiErrorDetails {
  status: number;
  errorCode?: string;
  apiMessage?: string;
  requestId?: string;
  method: string;
  /** The request path (no host, no query): it holds the project id and instance id, nothing secret. */
  path: string;
  /** Seconds from a `Retry-After` header, when the server sent one. */
  retryAfterSeconds?: number;
  /** Added to the message: what the user can do about it (e.g. a wrong endpoint). */
  hint?: string;
}

/**
 * The form of every code Huawei Cloud's gateways and services send (`ModelArts.6309`, `APIG.0101`, `IAM.0004`):
 * letters, a dot, digits. Callers compare codes and put them in messages, so nothing else is accepted as one.
 */
export const ERROR_CODE = /^[A-Za-z]{1,32}\.[0-9]{1,8}$/;

/** Request ids are 32 hex digits or a UUID; a longer one is cut, so a hostile one cannot fill a message. */
const MAX_REQUEST_ID_LENGTH = 120;

function shortened(text: string): string {
  return text.length > MAX_REQUEST_ID_LENGTH ? `${text.slice(0, MAX_REQUEST_ID_LENGTH)}…` : text;
}

/** The API answered with a non-2xx status. */
export class ApiError extends ModelArtsError {
  override readonly name = "ModelArtsApiError";
  readonly status: number;
  readonly errorCode?: string;
  readonly apiMessage?: string;
  readonly requestId?: string;
  readonly method: string;
  readonly path: string;
  readonly retryAfterSeconds?: number;

  constructor(raw: ApiErrorDetails) {
    // Every string the service sent is masked and stripped of control characters before anyone can print it, and
    // an error code is only ever a code: anything else in its place is treated as no code at all.
    const details = {
      ...raw,
      errorCode: raw.errorCode !== undefined && ERROR_CODE.test(raw.errorCode) ? raw.errorCode : undefined,
      apiMessage: raw.apiMessage === undefined ? undefined : sanitizeServiceText(raw.apiMessage),
      requestId: raw.requestId === undefined ? undefined : shortened(sanitizeServiceText(raw.requestId)),
    };
    super(formatApiError(details), details.errorCode ?? `HTTP.${details.status}`);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.apiMessage = details.apiMessage;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** The request never got an HTTP answer: connection refused or reset, DNS failure, client-side timeout. */
export class TransportError extends ModelArtsError {
  override readonly name = "ModelArtsTransportError";
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, code: string, detail: string) {
    super(`${method} ${path}: ${detail} (${code})`, code);
    this.method = method;
    this.path = path;
  }
}

/**
 * A 2xx answer that does not have the documented shape (an HTML page from a proxy, `null`, `{}`, another
 * instance's body, a body over the size cap). Never read as "gone". `retryable` when a proxy or network glitch is
 * a plausible cause, so an idempotent call tries again.
 */
export class InvalidResponseError extends ModelArtsError {
  override readonly name = "ModelArtsInvalidResponseError";
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly retryable: boolean;

  constructor(options: { method: string; path: string; status: number; problem: string; retryable: boolean }) {
    // The problem quotes the answer (its start, its property names): the service's text, sanitised.
    super(
      `${options.method} ${options.path}: HTTP ${options.status} with an answer that is not the documented one: ` +
        sanitizeServiceText(options.problem),
      "InvalidResponse",
    );
    this.method = options.method;
    this.path = options.path;
    this.status = options.status;
    this.retryable = options.retryable;
  }
}

/** A setting is missing or invalid, or the endpoint cannot be reached at all; nothing was applied. */
export class ConfigurationError extends ModelArtsError {
  override readonly name = "ModelArtsConfigurationError";

  constructor(message: string, code = "Configuration", cause?: ModelArtsError) {
    super(message, code, cause);
  }
}

/**
 * What the service holds conflicts with what is declared, and the provider will not resolve it by itself: a name
 * taken by an instance this resource does not own, an adopted instance that differs in a field that cannot change,
 * a lost create answer that cannot be told apart from someone else's notebook. Nothing was changed.
 */
export class ConflictError extends ModelArtsError {
  override readonly name = "ModelArtsConflictError";

  constructor(message: string, code: string) {
    super(message, code);
  }
}

/**
 * A listing that would not end: pages that repeat what was listed (a service that ignores `offset`), more pages or
 * entries than any project holds, or longer than the request budget. Nothing was acted on from it.
 */
export class ListingError extends ModelArtsError {
  override readonly name = "ModelArtsListingError";

  constructor(message: string, code: "ListingRepeats" | "ListingTooLong" | "ListingTooSlow") {
    super(message, code);
  }
}

export type WaitFailureKind = "failed" | "timeout" | "gone" | "aborted";

/**
 * A wait ended without reaching its target. Carries the last object seen, for partial-failure state: the
 * service's answer as it came, credentials included (a notebook's `token`), so it is not enumerable and
 * `util.inspect` of this error, or of an error caused by it, does not print it.
 */
export class WaitError<T = unknown> extends ModelArtsError {
  override readonly name = "ModelArtsWaitError";
  readonly kind: WaitFailureKind;
  declare readonly lastSeen: T | undefined;
  /** The service's own reasons (failed_reasons, fail_reason), already formatted. */
  readonly reasons: string[];

  constructor(
    message: string,
    kind: WaitFailureKind,
    lastSeen: T | undefined,
    reasons: string[],
    cause?: ModelArtsError,
  ) {
    // One line: what was waited for (ours) and the service's status and reasons.
    super(sanitizeServiceText(message), `Wait.${kind}`, cause);
    this.kind = kind;
    Object.defineProperty(this, "lastSeen", { value: lastSeen, enumerable: false });
    this.reasons = reasons.map(sanitizeServiceText);
  }
}

/**
 * An operation's time limit (`timeouts.create`, `.update`, `.delete`) passed before it was done: whatever step it
 * was at (a wait, a request, its place in the rate limiter's queue) gave up there.
 */
export class DeadlineError extends ModelArtsError {
  override readonly name = "ModelArtsDeadlineError";

  constructor(
    /** What passed: "timed out after 10s (timeouts.update)". */
    readonly limit: string,
    /** What to do about it. */
    readonly advice?: string,
  ) {
    super(advice === undefined ? limit : `${limit}. ${advice}`, "Timeout");
  }
}

/**
 * One lifecycle operation failed: `<verb> notebook instance "<name>": <what happened>`. The cause is kept when it
 * is one of ours, and its code is carried over.
 */
export class OperationError extends ModelArtsError {
  override readonly name = "ModelArtsOperationError";

  constructor(message: string, cause?: unknown) {
    const ours = cause instanceof ModelArtsError ? cause : undefined;
    super(message, ours?.code ?? "OperationFailed", ours);
  }
}

/**
 * The shape the provider host turns into ErrorResourceInitFailed: the engine then records the object (id and
 * properties) in state with the reasons, instead of orphaning it. `properties` carries `__provider` (the host
 * does not add it on this path) and is JSON-safe (an undefined anywhere would hang the RPC). See
 * docs/pulumi-dynamic-providers.md.
 */
export class PartialFailureError extends ModelArtsError {
  override readonly name = "ModelArtsPartialFailureError";
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];

  constructor(message: string, id: string, properties: Record<string, unknown>, cause?: ModelArtsError) {
    super(message, cause?.code ?? "PartialFailure", cause);
    this.id = id;
    this.properties = properties;
    // The engine prints only the reasons (never the message) and records them as the resource's init errors, so
    // the one reason is the whole (masked) message.
    this.reasons = [this.message];
  }
}

function formatApiError(d: ApiErrorDetails): string {
  const parts = [`HTTP ${d.status}`];
  if (d.errorCode) parts.push(d.errorCode);
  let message = `${d.method} ${d.path}: ${parts.join(" ")}`;
  if (d.apiMessage) message += `: ${d.apiMessage}`;
  if (d.requestId) message += ` (request id ${d.requestId})`;
  if (d.hint) message += `. ${d.hint}`;
  return message;
}
