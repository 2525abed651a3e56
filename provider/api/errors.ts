/**
 * The error family of the ModelArts client. Every error here is safe to print: none carries a request
 * header, a signature, a token, a password or a request body. Callers catch `ModelArtsError` and branch on
 * `kind` (or use `isNotFound`), the way got and octokit expose a small family with `name`, `code` and `cause`.
 */
export type ModelArtsErrorKind = "api" | "transport" | "configuration" | "timeout";

export abstract class ModelArtsError extends Error {
  abstract readonly kind: ModelArtsErrorKind;
  /** A stable, machine-readable code: the ModelArts `error_code`, a Node.js socket code, or our own. */
  readonly code: string;

  protected constructor(message: string, code: string) {
    super(message);
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
}

/** The API answered with a non-2xx status. */
export class ApiError extends ModelArtsError {
  readonly kind = "api";
  override readonly name = "ModelArtsApiError";
  readonly status: number;
  readonly errorCode?: string;
  readonly apiMessage?: string;
  readonly requestId?: string;
  readonly method: string;
  readonly path: string;
  readonly retryAfterSeconds?: number;

  constructor(raw: ApiErrorDetails) {
    const details = raw.apiMessage === undefined ? raw : { ...raw, apiMessage: redactSecrets(raw.apiMessage) };
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
  readonly kind = "transport";
  override readonly name = "ModelArtsTransportError";
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, code: string, detail: string) {
    super(`${method} ${path}: ${detail} (${code})`, code);
    this.method = method;
    this.path = path;
  }
}

/** A setting is missing or invalid; nothing was sent. */
export class ConfigurationError extends ModelArtsError {
  readonly kind = "configuration";
  override readonly name = "ModelArtsConfigurationError";

  constructor(message: string, code = "Configuration") {
    super(message, code);
  }
}

/** A wait or an overall retry budget ran out. */
export class TimeoutError extends ModelArtsError {
  readonly kind = "timeout";
  override readonly name = "ModelArtsTimeoutError";

  constructor(message: string) {
    super(message, "Timeout");
  }
}

/**
 * ModelArts answers "instance does not exist" with HTTP 400 and ModelArts.6309 (API reference §3.2, §7.3);
 * a plain 404 comes from the gateway or the generic ModelArts.0015. Terraform's provider maps the same way.
 */
export const NOT_FOUND_ERROR_CODES: ReadonlySet<string> = new Set(["ModelArts.6309"]);

export function isNotFound(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  if (err.status === 404) return true;
  return err.status === 400 && err.errorCode !== undefined && NOT_FOUND_ERROR_CODES.has(err.errorCode);
}

export function isApiError(err: unknown, errorCode?: string): err is ApiError {
  return err instanceof ApiError && (errorCode === undefined || err.errorCode === errorCode);
}

function formatApiError(d: ApiErrorDetails): string {
  const parts = [`HTTP ${d.status}`];
  if (d.errorCode) parts.push(d.errorCode);
  let message = `${d.method} ${d.path}: ${parts.join(" ")}`;
  if (d.apiMessage) message += `: ${d.apiMessage}`;
  if (d.requestId) message += ` (request id ${d.requestId})`;
  return message;
}

/**
 * The gateway echoes its canonical request in APIGW.0301 messages (signing.md §1.7), and that echo contains
 * every signed header value, an X-Security-Token included. Header values that are credentials are masked.
 */
export function redactSecrets(text: string): string {
  return text.replace(
    /(x-security-token|x-auth-token|authorization|x-subject-token)(\s*[:=]\s*)[^|\n,]*/gi,
    "$1$2<redacted>",
  );
}
