import type { Authenticator } from "./authenticator.js";
import { canonicalQueryString } from "../../protocol/signing/canonical.js";
import type { AnswerShape } from "../../protocol/validation/answerShapes.js";
import { readAnswer } from "../../protocol/validation/tolerantReader.js";
import type { Deadline } from "../wait/Deadline.js";
import { abortableSleep } from "../wait/abortableSleep.js";
import { QueueDeadlineError, type AdaptiveRateLimiter } from "./AdaptiveRateLimiter.js";
import { isThrottled } from "../base/errorClassification.js";
import { ApiError, ConfigurationError, DeadlineError, ERROR_CODE, InvalidResponseError } from "../base/errors.js";
import { sendWithGot, MAX_RESPONSE_BYTES, type HttpResponse, type HttpSend } from "./httpTransport.js";
import { registerSecretsIn, sanitizeServiceText } from "../base/redact.js";
import {
  DEFAULT_RETRY_OPTIONS,
  parseRetryAfter,
  runWithRetries,
  type RecoverOutcome,
  type RetryEvent,
  type RetryMode,
  type RetryOptions,
} from "./retryStrategy.js";

export interface RequestSpec<T = unknown> {
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Path below the base URL, already percent-encoded per segment. */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  body?: unknown;
  /** Extra headers that are sent and signed (e.g. IAM's charset content type). */
  headers?: Record<string, string>;
  /** How failures are retried (retryStrategy.ts). A 401 is retried once in every mode after a token refresh. */
  retry: RetryMode;
  /** For `recoverable`: finds out whether a failed attempt was applied (a create looks its object up). */
  recover?: (err: unknown, context: { maybeApplied: boolean }) => Promise<RecoverOutcome<ExecutorResponse<T>>>;
  /** Send without credentials (the IAM password-token call carries them in its body). */
  anonymous?: boolean;
  /**
   * The documented 2xx answer: a schema.json `$defs` name, read by the tolerant reader (tolerantReader.ts). What
   * the provider acts on must be readable; anything else that is null, missing or of another type is read as
   * absent. A body that is not JSON, or whose acted-on fields cannot be read, is an InvalidResponseError, never an
   * empty object. Absent: the body is not read (e.g. IAM's token).
   */
  answer?: AnswerShape;
  /** A 2xx answer with no body at all is the documented answer (e.g. 204 on the notebooks API's tag calls). */
  emptyAnswerAllowed?: boolean;
  /** Checks beyond the shape, e.g. that a GET for instance A did not answer with instance B: returns the problem. */
  verify?: (data: T) => string | undefined;
  /**
   * `background`: a waiter's poll, which yields to requests that start work when the rate limiter paces. `spare`:
   * a waiter's early look, sent only with quota nobody queued for (AdaptiveRateLimiter.ts), or not at all.
   */
  priority?: "normal" | "background" | "spare";
  /** On the executor's clock: a request still waiting for the rate limiter then is not sent (a spare look's end). */
  queueUntil?: number;
  /**
   * The deadline of the operation the request belongs to: its retries, its place in the rate limiter's queue and,
   * for an idempotent request, its per-request timeout end there (a create's POST is never cut short in flight:
   * its answer decides whether a notebook exists).
   */
  deadline?: Deadline;
}

export interface ExecutorResponse<T> {
  status: number;
  headers: Record<string, string | undefined>;
  data: T;
}

/** What a request asks of the shared rate limiter (AdaptiveRateLimiter): its place in the queue, and its outcome. */
export type RequestPacer = Pick<AdaptiveRateLimiter, "paces" | "congested" | "acquire" | "record">;

export interface ExecutorOptions {
  baseUrl: string;
  /** Where the base URL came from (`stack config modelarts:endpoint`, ...), for the "cannot reach" error. */
  baseUrlSource?: string;
  auth?: Authenticator;
  send?: HttpSend;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  /** Default: setTimeout, ending early when the request's operation deadline passes. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (event: RetryEvent & { method: string; path: string }) => void;
  userAgent?: string;
  /**
   * The process's shared pacing for the gateway quota (AdaptiveRateLimiter.ts): every attempt waits for it and
   * reports its answer; a throttled attempt waits out its own `Retry-After` first. Absent: no pacing (IAM,
   * in-process tests).
   */
  limiter?: RequestPacer;
}

/**
 * Sends signed JSON requests through the one retry loop (retryStrategy.ts) and checks every answer against its
 * documented shape. Shared by the ModelArts and IAM calls.
 */
export class RequestExecutor {
  readonly baseUrl: string;
  readonly retryOptions: RetryOptions;
  private readonly options: ExecutorOptions;

  constructor(options: ExecutorOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.retryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  }

  /** The executor's clock (injected in tests), for work that spans several requests, such as a listing. */
  now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The shared limiter is pacing (the gateway throttled this process): waiters then poll less. */
  get congested(): boolean {
    return this.options.limiter?.congested ?? false;
  }

  execute<T>(spec: RequestSpec<T>): Promise<ExecutorResponse<T>> {
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? abortableSleep;
    // The request's budget, or its operation's deadline if sooner: the end of its retries and of its queueing.
    const started = now();
    const deadlineAt = Math.min(
      started + this.retryOptions.maxElapsedMs,
      spec.deadline ? started + spec.deadline.remainingMs() : Number.POSITIVE_INFINITY,
      spec.queueUntil ?? Number.POSITIVE_INFINITY,
    );
    // An attempt after a throttled one tells the rate limiter whether the refusal met it again (its share).
    let refusedBefore = false;
    return runWithRetries<ExecutorResponse<T>>({
      mode: spec.retry,
      attempt: async () => {
        try {
          return await this.sendOnce(spec, deadlineAt, refusedBefore);
        } catch (err) {
          refusedBefore = isThrottled(err);
          throw err;
        }
      },
      deadlineAt,
      outOfTime: (failed, previous) => this.outOfTime(spec, deadlineAt, failed, previous),
      recover: spec.recover,
      refreshAuth:
        this.options.auth && !spec.anonymous ? () => this.options.auth!.refreshAfterUnauthorized() : undefined,
      unreachable: (err, attempts, elapsedMs) =>
        new ConfigurationError(
          `cannot reach ${this.baseUrl}${this.options.baseUrlSource ? ` (from ${this.options.baseUrlSource})` : ""}: ` +
            `${(err as Error).message}; tried ${attempts} times in ${(elapsedMs / 1000).toFixed(1)} s. ` +
            `Check the endpoint or region setting and the network`,
          "EndpointUnreachable",
        ),
      onRetry: (event) => this.options.onRetry?.({ ...event, method: spec.method, path: spec.path }),
      pacedThrottling: this.options.limiter?.paces ?? false,
      options: this.retryOptions,
      now,
      sleep: (ms) => sleep(ms, spec.deadline?.signal),
      random: this.options.random ?? Math.random,
    });
  }

  /**
   * The error a request ends with when its time is up, or undefined when `failed` is an ordinary failure for the
   * retry loop: a request still queued at the deadline (never sent), or any attempt after the deadline of an
   * idempotent one. The operation's deadline names itself; the request's budget ends with the last real error, as
   * a throttled request always did, or says that the rate limiter held it.
   */
  private outOfTime<T>(spec: RequestSpec<T>, deadlineAt: number, failed: unknown, previous: unknown): unknown {
    const now = (this.options.now ?? Date.now)();
    const notSent = failed === undefined || failed instanceof QueueDeadlineError || isAbortOf(spec.deadline, failed);
    if (!notSent && !(spec.retry === "idempotent" && now >= deadlineAt)) return undefined;
    if (spec.deadline?.passed) return spec.deadline.error();
    const real = notSent ? previous : failed;
    if (real !== undefined) return real;
    return new DeadlineError(
      `${spec.method} ${spec.path}: not sent within the request budget of ` +
        `${Math.round(this.retryOptions.maxElapsedMs / 1000)} s: the rate limiter held it while the service throttled`,
    );
  }

  /** One HTTP exchange: build, authenticate, send, and turn the answer into data or one of our errors. */
  private async sendOnce<T>(spec: RequestSpec<T>, deadlineAt: number, retry: boolean): Promise<ExecutorResponse<T>> {
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
    const { limiter } = this.options;
    // Signed before the wait: a signature stays valid for 15 minutes, far longer than any pacing delay.
    const ticket = limiter
      ? await limiter.acquire({
          priority: spec.priority ?? "normal",
          deadline: deadlineAt,
          ...(spec.deadline && { signal: spec.deadline.signal }),
        })
      : undefined;
    const now = this.options.now ?? Date.now;
    const requestTimeoutMs = this.options.requestTimeoutMs ?? 30_000;
    // What remains of the deadline bounds an idempotent request in flight; a poll never overruns the operation.
    const timeoutMs =
      spec.retry === "idempotent" ? Math.max(1, Math.min(requestTimeoutMs, deadlineAt - now())) : requestTimeoutMs;
    // What the limiter weighs an answer by: a retry of a refused request, a spare request.
    const marks = { ...(retry && { retry: true }), ...(spec.priority === "spare" && { spare: true }) };
    let response: HttpResponse;
    try {
      response = await send({ method: spec.method, url, headers, body }, timeoutMs);
    } catch (err) {
      // No answer: nothing learnt about the quota, but the request is no longer out.
      limiter?.record({ throttled: false, unanswered: true, ticket });
      throw err;
    }
    const decoded = decodeJson(response.body);
    // Credentials an answer carries (an OBS key pair, a repository or notebook token) are masked from then on.
    if (decoded.ok) registerSecretsIn(decoded.value);
    if (response.status < 200 || response.status >= 300) {
      const error = toApiError(spec.method, spec.path, response, (this.options.now ?? Date.now)());
      limiter?.record({ throttled: isThrottled(error), ticket, ...marks });
      throw error;
    }
    limiter?.record({ throttled: false, ticket, ...marks });
    return { status: response.status, headers: response.headers, data: this.readAnswer(spec, response, decoded) };
  }

  private readAnswer<T>(spec: RequestSpec<T>, response: HttpResponse, decoded: Decoded): T {
    const invalid = (problem: string, retryable: boolean) =>
      new InvalidResponseError({ method: spec.method, path: spec.path, status: response.status, problem, retryable });
    if (response.truncated) throw invalid(`the answer is larger than ${MAX_RESPONSE_BYTES} bytes`, false);
    if (spec.answer === undefined) return (decoded.ok ? decoded.value : undefined) as T;
    if (response.body.trim() === "") {
      if (spec.emptyAnswerAllowed) return undefined as T;
      // An empty 2xx body is what a broken proxy or a cut connection gives: worth another try.
      throw invalid("the body is empty", true);
    }
    if (!decoded.ok) throw invalid(`the body is not JSON (it starts with ${describeStart(response.body)})`, true);
    const read = readAnswer(spec.answer, decoded.value);
    if (!read.ok) {
      const more = read.problems.length > 3 ? `; and ${read.problems.length - 3} more` : "";
      throw invalid(`it does not match ${spec.answer} (${read.problems.slice(0, 3).join("; ")}${more})`, false);
    }
    const problem = spec.verify?.(read.value as T);
    // Another object's body (a caching proxy's mix-up) is not this object's state; a retry may get the right one.
    if (problem !== undefined) throw invalid(problem, true);
    return read.value as T;
  }
}

/** The error a request's wait for the rate limiter ended with when its operation's deadline aborted it. */
function isAbortOf(deadline: Deadline | undefined, err: unknown): boolean {
  return deadline !== undefined && deadline.signal.aborted && err === deadline.signal.reason;
}

type Decoded = { ok: true; value: unknown } | { ok: false };

function decodeJson(text: string): Decoded {
  if (text.trim() === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function describeStart(text: string): string {
  const start = sanitizeServiceText(text.trim().slice(0, 40));
  return JSON.stringify(start + (text.trim().length > 40 ? "…" : ""));
}

interface ErrorBodyFields {
  error_code?: unknown;
  error_msg?: unknown;
  error_message?: unknown;
  request_id?: unknown;
}

export function toApiError(method: string, path: string, response: HttpResponse, nowMs: number): ApiError {
  const decoded = decodeJson(response.body);
  const body: ErrorBodyFields =
    decoded.ok && decoded.value !== null && typeof decoded.value === "object" ? (decoded.value as ErrorBodyFields) : {};
  // Only a code of the documented form counts, for the hint as for the error (errors.ts).
  const errorCode =
    typeof body.error_code === "string" && ERROR_CODE.test(body.error_code) ? body.error_code : undefined;
  return new ApiError({
    status: response.status,
    errorCode,
    apiMessage: pickMessage(body, response.body),
    requestId: typeof body.request_id === "string" ? body.request_id : response.headers["x-request-id"],
    method,
    path,
    retryAfterSeconds: parseRetryAfter(response.headers["retry-after"], nowMs),
    hint: hintFor(response.status, errorCode),
  });
}

/** What the user can do, for the answers whose own text does not say. */
function hintFor(status: number, errorCode: string | undefined): string | undefined {
  if (status === 404 && (errorCode === undefined || !errorCode.startsWith("ModelArts."))) {
    return "The endpoint may be wrong: the gateway does not know this API (check modelarts:endpoint and modelarts:region)";
  }
  if (errorCode === "APIG.0301" || errorCode === "APIGW.0301") {
    return "Check that the secret key belongs to this access key, and that this machine's clock is right (the gateway refuses signatures more than 15 minutes off)";
  }
  return undefined;
}

function pickMessage(body: ErrorBodyFields, raw: string): string | undefined {
  // The generic ModelArts error body uses error_msg, the demanager samples error_message [demanager §7.1].
  const message = body.error_msg ?? body.error_message;
  if (typeof message === "string") return message;
  const text = raw.trim();
  return text === "" ? undefined : text.slice(0, 300);
}
