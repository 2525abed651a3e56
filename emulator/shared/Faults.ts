/**
 * Faults injected through the admin API. They live in the memory of one emulator process (unlike instances,
 * which may be shared through the state file): a test arms them on the emulator its client talks to.
 */
import type { FailedReasons } from "../demanager/types.js";

/**
 * - `status`: answer with an error status and code, without applying the request;
 * - `drop-before`: destroy the socket before applying the request;
 * - `drop-after`: apply the request, then destroy the socket instead of answering (a create still creates);
 * - `body`: answer `status` (default 200) with exactly `rawBody` (an HTML page, `null`, `{}`, `""`);
 * - `other-instance`: apply the request, but answer with another instance's rendered body (same family);
 * - `gateway-404`: answer the gateway's 404 APIG.0101 "The API does not exist…", as a misrouted call would;
 * - `oversized`: answer `status` (default 200) with a JSON-looking body of `bytes` bytes, streamed;
 * - `echo-secrets`: answer an error (`status`, default 400) whose body is `text`, with `{{header:<name>}}`
 *   and `{{body}}` replaced by the request's own values, as a gateway echoing what it got would;
 * - `ignore-offset`: serve a listing as if it had no `offset` (always the first page), as a service or proxy that
 *   drops the parameter would; the answer is the real one.
 *
 * `body`, `gateway-404`, `oversized` and `echo-secrets` do not apply the request unless `apply: true`: then the
 * request is applied and only its answer replaced (a create that created an instance but answered garbage).
 */
export type FaultKind =
  | "status"
  | "drop-before"
  | "drop-after"
  | "body"
  | "other-instance"
  | "gateway-404"
  | "oversized"
  | "echo-secrets"
  | "ignore-offset";

export const FAULT_KINDS: readonly FaultKind[] = [
  "status",
  "drop-before",
  "drop-after",
  "body",
  "other-instance",
  "gateway-404",
  "oversized",
  "echo-secrets",
  "ignore-offset",
];

export interface FaultSpec {
  /** `METHOD /route/template` (e.g. `POST /v1/{project_id}/demanager/instances`), `METHOD *`, or `*`. */
  route: string;
  kind: FaultKind;
  /** How many matching requests fail; default 1. */
  count?: number;
  /**
   * Answer only the first matching request of each path (each notebook's first GET, say), one path after the
   * other until `count` paths were answered; later requests on a path already answered pass through.
   */
  firstPerPath?: boolean;
  /**
   * Answer every n-th matching request (the n-th, the 2n-th, …) and let the others pass, `count` times: a few
   * faults spread over a whole run rather than one burst at its start.
   */
  every?: number;
  /**
   * `status` faults: the service's own answer rather than the gateway's: the request first takes a gateway token
   * (one the gateway throttles never reaches the service) and passes authentication, as a "system busy" from
   * ModelArts behind APIG would.
   */
  behindGateway?: boolean;
  /**
   * HTTP status: `status` faults default to 500, `body` and `oversized` to 200, `echo-secrets` to 400.
   * `errorCode`/`errorMessage`: `status` faults (default code by status, e.g. 500 → ModelArts.6102).
   */
  status?: number;
  errorCode?: string;
  errorMessage?: string;
  /** Sent as a `Retry-After` header (whole seconds). */
  retryAfterSeconds?: number;
  /** `status` faults: sent verbatim instead of a JSON error body. `body` faults: the exact body (required). */
  rawBody?: string;
  /** `body` and `echo-secrets`: default `application/json` when the body parses as JSON, else `text/html`. */
  contentType?: string;
  /** `body`, `gateway-404`, `oversized`, `echo-secrets`: apply the request, then replace its answer. */
  apply?: boolean;
  /** `other-instance`: whose body to answer with; default any other live instance of the route's family. */
  otherId?: string;
  /** `oversized`: body size in bytes (at least 16). */
  bytes?: number;
  /** `echo-secrets`: the body (required). */
  text?: string;
}

export interface ArmedFault extends FaultSpec {
  id: number;
  remaining: number;
}

export interface CreateFailureSpec {
  count?: number;
  code?: string;
  message?: string;
  detail?: Record<string, string>;
}

/** The next `count` notebook (v2) creates end in CREATE_FAILED with this `fail_reason`. */
export interface NotebookCreateFailureSpec {
  count?: number;
  reason?: string;
}

/** Default code and message per injected status, from the error tables [demanager §7.3, §7.4]. */
export const DEFAULT_FAULT_ERRORS: Record<number, { code: string; message: string }> = {
  408: { code: "ModelArts.6100", message: "The request timed out." },
  429: { code: "ModelArts.6101", message: "The system is busy now. Please try again later." },
  500: { code: "ModelArts.6102", message: "Server error, try again later." },
  502: { code: "APIG.0202", message: "Backend unavailable." },
  503: { code: "APIG.0202", message: "Backend unavailable." },
  504: { code: "APIG.0203", message: "Backend timeout." },
};

export function matchesRoute(pattern: string, method: string, template: string): boolean {
  if (pattern === "*") return true;
  const [patternMethod, patternRoute] = pattern.split(" ", 2);
  return patternMethod === method && (patternRoute === "*" || patternRoute === template);
}

/** The phases of a demanager create whose length the admin API can set. */
export type CreatePhase = "CREATING" | "CREATE_QUEUING";

export interface CreateDurations {
  creatingSeconds?: number;
  queueSeconds?: number;
}

export class Faults {
  private armed: ArmedFault[] = [];
  private createFailures: FailedReasons[] = [];
  private notebookCreateFailures: string[] = [];
  /**
   * Instance name → nominal seconds of CREATING (benchmarks' varied timelines) or of CREATE_QUEUING (a free flavor's
   * queue, long enough for a test to see it) for the next create of that name.
   */
  private createDurations = new Map<string, CreateDurations>();
  private nextId = 1;
  /** Per fault id: the paths a `firstPerPath` fault has seen, and how many requests an `every` fault has matched. */
  private seenPaths = new Map<number, Set<string>>();
  private matched = new Map<number, number>();

  arm(spec: FaultSpec): ArmedFault {
    const fault: ArmedFault = { ...spec, id: this.nextId++, remaining: spec.count ?? 1 };
    this.armed.push(fault);
    return fault;
  }

  list(): ArmedFault[] {
    return this.armed.map((f) => ({ ...f }));
  }

  /**
   * Consumes and returns the first armed fault that answers this request, if any. `path` is the request's own path
   * (`firstPerPath` faults answer each path once); `where`: before the gateway (the default) or behind it
   * (`behindGateway` faults).
   */
  take(
    method: string,
    template: string,
    path = template,
    where: "gateway" | "service" = "gateway",
  ): ArmedFault | undefined {
    // Every fault whose route matches counts the request, whether or not an earlier one answers it.
    const answering = this.armed.filter(
      (f) =>
        f.remaining > 0 &&
        (f.behindGateway === true) === (where === "service") &&
        matchesRoute(f.route, method, template) &&
        this.answers(f, path),
    );
    const fault = answering[0];
    if (fault === undefined) return undefined;
    fault.remaining--;
    this.armed = this.armed.filter((f) => f.remaining > 0);
    return fault;
  }

  /** Whether a fault whose route matches answers this request; counts the request for `every` and `firstPerPath`. */
  private answers(fault: ArmedFault, path: string): boolean {
    if (fault.firstPerPath) {
      const seen = this.seenPaths.get(fault.id) ?? new Set<string>();
      this.seenPaths.set(fault.id, seen);
      if (seen.has(path)) return false;
      seen.add(path);
    }
    if (fault.every !== undefined && fault.every > 1) {
      const n = (this.matched.get(fault.id) ?? 0) + 1;
      this.matched.set(fault.id, n);
      if (n % fault.every !== 0) return false;
    }
    return true;
  }

  failNextCreates(spec: CreateFailureSpec): void {
    const reason: FailedReasons = {
      code: spec.code ?? "ModelArts.6200",
      message: spec.message ?? "No resources available.",
      detail: spec.detail ?? {},
    };
    for (let i = 0; i < (spec.count ?? 1); i++) this.createFailures.push({ ...reason, detail: { ...reason.detail } });
  }

  /** The failure the next create must end in, if one is armed. */
  takeCreateFailure(): FailedReasons | undefined {
    return this.createFailures.shift();
  }

  /**
   * The next create of each named instance spends this many nominal seconds in `phase`: CREATING (instead of 30) or,
   * for a free flavor, CREATE_QUEUING (instead of 3 ranks of 10).
   */
  setCreateDurations(durations: Record<string, number>, phase: CreatePhase = "CREATING"): void {
    const key = phase === "CREATING" ? "creatingSeconds" : "queueSeconds";
    for (const [name, seconds] of Object.entries(durations)) {
      this.createDurations.set(name, { ...this.createDurations.get(name), [key]: seconds });
    }
  }

  /** The durations set for this name, if any (used up by the create). */
  takeCreateDurations(name: string): CreateDurations {
    const durations = this.createDurations.get(name) ?? {};
    this.createDurations.delete(name);
    return durations;
  }

  failNextNotebookCreates(spec: NotebookCreateFailureSpec): void {
    const reason = spec.reason ?? "Insufficient resources. Try again later.";
    for (let i = 0; i < (spec.count ?? 1); i++) this.notebookCreateFailures.push(reason);
  }

  /** The `fail_reason` the next notebook create must end with, if one is armed. */
  takeNotebookCreateFailure(): string | undefined {
    return this.notebookCreateFailures.shift();
  }

  clear(): void {
    this.armed = [];
    this.seenPaths.clear();
    this.matched.clear();
    this.createFailures = [];
    this.notebookCreateFailures = [];
    this.createDurations.clear();
  }
}
