import type { Authenticator } from "../auth/authenticator.js";
import { canonicalQueryString } from "../../protocol/signing/canonical.js";
import { ApiError } from "./errors.js";
import { sendWithGot, type HttpResponse, type HttpSend } from "./httpTransport.js";
import {
  DEFAULT_RETRY_OPTIONS,
  isRetryable,
  isThrottled,
  parseRetryAfter,
  retryDelayMs,
  type RetryOptions,
} from "./retryPolicy.js";
import type { ErrorBody } from "../../protocol/demanager/wireTypes.js";

export interface RequestSpec {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path below the base URL, already percent-encoded per segment. */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  body?: unknown;
  /** Extra headers that are sent and signed (e.g. IAM's charset content type). */
  headers?: Record<string, string>;
  /**
   * `idempotent`: retried on throttling, 5xx and network errors. `once`: never repeated here (create: the
   * caller decides after looking the instance up). A 401 is retried once in both modes if the authenticator
   * could refresh its token.
   */
  retry: "idempotent" | "once";
  /** Send without credentials (the IAM password-token call carries them in its body). */
  anonymous?: boolean;
}

export interface ExecutorResponse<T> {
  status: number;
  headers: Record<string, string | undefined>;
  data: T;
  /** Attempts made, the first included. */
  attempts: number;
}

export interface RetryEvent {
  method: string;
  path: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface ExecutorOptions {
  baseUrl: string;
  auth?: Authenticator;
  send?: HttpSend;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (event: RetryEvent) => void;
  userAgent?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends signed JSON requests with the retry policy of retryPolicy.ts. Shared by the ModelArts and IAM calls. */
export class RequestExecutor {
  readonly baseUrl: string;
  readonly retryOptions: RetryOptions;
  private readonly options: ExecutorOptions;

  constructor(options: ExecutorOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.retryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  }

  async execute<T>(spec: RequestSpec): Promise<ExecutorResponse<T>> {
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? defaultSleep;
    const random = this.options.random ?? Math.random;
    const started = now();
    let attempt = 1;
    // Attempts answered "throttled" do not count against maxAttempts (retryPolicy.ts).
    let throttled = 0;
    let refreshedAfter401 = false;
    for (;;) {
      try {
        const response = await this.sendOnce(spec);
        return { ...response, data: parseJson(response.body) as T, attempts: attempt };
      } catch (err) {
        if (
          err instanceof ApiError &&
          err.status === 401 &&
          !refreshedAfter401 &&
          this.options.auth &&
          !spec.anonymous
        ) {
          refreshedAfter401 = true;
          if (await this.options.auth.refreshAfterUnauthorized()) {
            attempt++;
            continue;
          }
        }
        if (isThrottled(err)) throttled++;
        if (spec.retry !== "idempotent" || !isRetryable(err) || attempt - throttled >= this.retryOptions.maxAttempts) {
          throw err;
        }
        const delayMs = retryDelayMs(err, attempt, this.retryOptions, random);
        if (now() + delayMs - started > this.retryOptions.maxElapsedMs) throw err;
        this.options.onRetry?.({
          method: spec.method,
          path: spec.path,
          attempt,
          delayMs,
          reason: (err as Error).message,
        });
        await sleep(delayMs);
        attempt++;
      }
    }
  }

  /** One HTTP exchange: build, authenticate, send, and turn a non-2xx answer into an ApiError. */
  async sendOnce(spec: RequestSpec): Promise<HttpResponse> {
    const query = spec.query && spec.query.length > 0 ? `?${canonicalQueryString(spec.query)}` : "";
    const url = `${this.baseUrl}${spec.path}${query}`;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const headers: Record<string, string> = { "Content-Type": "application/json", ...spec.headers };
    if (this.options.auth && !spec.anonymous) {
      Object.assign(headers, await this.options.auth.headersFor({ method: spec.method, url, headers, body }));
    }
    // The User-Agent is added after signing: it is not a signed header, so it can never break a signature.
    headers["User-Agent"] = this.options.userAgent ?? "pulumi-modelarts";
    const send = this.options.send ?? sendWithGot;
    const response = await send({ method: spec.method, url, headers, body }, this.options.requestTimeoutMs ?? 30_000);
    if (response.status >= 200 && response.status < 300) return response;
    throw toApiError(spec.method, spec.path, response, (this.options.now ?? Date.now)());
  }
}

export function toApiError(method: string, path: string, response: HttpResponse, nowMs: number): ApiError {
  const body = parseJson(response.body) as ErrorBody | undefined;
  const errorBody = body !== null && typeof body === "object" ? body : {};
  return new ApiError({
    status: response.status,
    errorCode: typeof errorBody.error_code === "string" ? errorBody.error_code : undefined,
    apiMessage: pickMessage(errorBody, response.body),
    requestId: errorBody.request_id ?? response.headers["x-request-id"],
    method,
    path,
    retryAfterSeconds: parseRetryAfter(response.headers["retry-after"], nowMs),
  });
}

function pickMessage(body: ErrorBody, raw: string): string | undefined {
  // The generic ModelArts error body uses error_msg, the demanager samples error_message (§7.1).
  const message = body.error_msg ?? body.error_message;
  if (typeof message === "string") return message;
  const text = raw.trim();
  return text === "" ? undefined : text.slice(0, 300);
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
