/**
 * The test-only admin API under `/_admin/` (no auth, never counted, never throttled or faulted). It changes
 * instances out of band, arms faults, and reads request counts. `AdminClient.ts` is its typed client.
 */
import { AdminError, asObject } from "./AdminError.js";
import { checkAnswerStyle } from "./answerStyle.js";
import { renderContext, type ServiceContext } from "./context.js";
import { FAULT_KINDS, type CreateFailureSpec, type FaultSpec } from "./Faults.js";
import { FLAVORS, findFlavor } from "./flavors.js";
import { routeNotebookAdmin } from "./notebooks/admin.js";
import type { RateLimitOptions } from "./RateLimiter.js";
import { renderInstance } from "./render.js";
import type { RequestCounts } from "./RequestCounts.js";
import { parseJson, type HandlerResult } from "./router.js";
import { statusAt } from "./timeline.js";
import { STATUSES, type InstanceRecord, type State, type Status } from "./types.js";

export interface AdminContext {
  service: ServiceContext;
  counts: RequestCounts;
  rateLimit(): RateLimitOptions | undefined;
  setRateLimit(options: RateLimitOptions | undefined): void;
  /** Instances, notebooks, sold-out marks, faults, counts, the rate limit, the token lifetime, the switches and the answer style back to the start-up configuration. */
  resetAll(): void;
}

/** Out-of-band changes, as if made in the console or by the service itself. */
export interface AdminInstancePatch {
  description?: string;
  auto_stop?: { enable?: boolean; duration?: number; prompt?: boolean };
  /** Jumps to this status now; no further transitions are scheduled. */
  status?: Status;
  failed_reasons?: { code: string; message: string; detail?: Record<string, string> } | null;
  repository?: boolean;
}

function view(record: InstanceRecord, context: AdminContext, state: State) {
  return {
    ...renderInstance(record, renderContext(context.service, state.soldOutFlavors)),
    project_id: record.projectId,
  };
}

function findRecord(state: State, id: string): InstanceRecord {
  const record = state.instances.find((r) => r.id === id);
  if (record === undefined) throw new AdminError(404, `no instance ${id}`);
  return record;
}

function patchInstance(record: InstanceRecord, patch: AdminInstancePatch, now: number): void {
  if (patch.description !== undefined) record.description = patch.description;
  if (patch.auto_stop !== undefined) record.autoStop = { ...record.autoStop, ...patch.auto_stop };
  if (patch.status !== undefined) {
    if (!STATUSES.includes(patch.status)) throw new AdminError(400, `unknown status ${String(patch.status)}`);
    record.timeline = [{ status: patch.status, at: now }];
  }
  if (patch.failed_reasons !== undefined) {
    record.failedReasons = patch.failed_reasons === null ? null : { detail: {}, ...patch.failed_reasons };
  }
  if (patch.repository !== undefined) record.hasRepository = patch.repository;
  record.updatedAt = now;
}

/** Bounds for the `oversized` fault: enough for `{"padding":""}`, and no more than a gigabyte. */
const OVERSIZED_MIN_BYTES = 16;
const OVERSIZED_MAX_BYTES = 1024 * 1024 * 1024;

function checkFault(body: unknown): FaultSpec {
  const spec = asObject(body) as unknown as FaultSpec;
  if (typeof spec.route !== "string") throw new AdminError(400, "route is required");
  if (!FAULT_KINDS.includes(spec.kind)) throw new AdminError(400, `kind must be one of ${FAULT_KINDS.join(", ")}`);
  if (spec.kind === "body" && typeof spec.rawBody !== "string") {
    throw new AdminError(400, "a body fault needs rawBody (a string)");
  }
  if (spec.kind === "echo-secrets" && typeof spec.text !== "string") {
    throw new AdminError(400, "an echo-secrets fault needs text (a string)");
  }
  if (
    spec.kind === "oversized" &&
    !(Number.isInteger(spec.bytes) && spec.bytes! >= OVERSIZED_MIN_BYTES && spec.bytes! <= OVERSIZED_MAX_BYTES)
  ) {
    throw new AdminError(
      400,
      `an oversized fault needs bytes, an integer from ${OVERSIZED_MIN_BYTES} to ${OVERSIZED_MAX_BYTES}`,
    );
  }
  if (spec.every !== undefined && !(Number.isInteger(spec.every) && spec.every >= 1)) {
    throw new AdminError(400, "every must be a whole number >= 1");
  }
  if (spec.firstPerPath !== undefined && typeof spec.firstPerPath !== "boolean") {
    throw new AdminError(400, "firstPerPath must be a boolean");
  }
  if (spec.behindGateway !== undefined && !(spec.behindGateway === false || spec.kind === "status")) {
    throw new AdminError(400, "only a status fault can be behindGateway (the service's own error answer)");
  }
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 100 && spec.status <= 599)) {
    throw new AdminError(400, "status must be an HTTP status code");
  }
  return spec;
}

function route(method: string, path: string, body: unknown, context: AdminContext): HandlerResult {
  const { service } = context;
  const store = service.store;
  const instance = /^\/_admin\/instances\/([^/]+)$/.exec(path);
  const flavor = /^\/_admin\/flavors\/([^/]+)$/.exec(path);
  const key = `${method} ${instance ? "/_admin/instances/{id}" : flavor ? "/_admin/flavors/{name}" : path}`;

  switch (key) {
    case "GET /_admin/health":
      return {
        status: 200,
        body: { ok: true, projectId: service.projectId, region: service.region, timeScale: service.timeScale },
      };
    case "POST /_admin/reset":
      context.resetAll();
      return { status: 200, body: { ok: true } };
    case "GET /_admin/instances": {
      const state = store.read();
      const now = service.now();
      const live = state.instances.filter((r) => statusAt(r.timeline, now) !== "GONE");
      return { status: 200, body: { instances: live.map((r) => view(r, context, state)) } };
    }
    case "GET /_admin/instances/{id}": {
      const state = store.read();
      return { status: 200, body: view(findRecord(state, decodeURIComponent(instance![1]!)), context, state) };
    }
    case "PATCH /_admin/instances/{id}": {
      const patch = asObject(body) as AdminInstancePatch;
      return store.mutate((state) => {
        const record = findRecord(state, decodeURIComponent(instance![1]!));
        patchInstance(record, patch, service.now());
        return { status: 200, body: view(record, context, state) };
      });
    }
    case "DELETE /_admin/instances/{id}":
      return store.mutate((state) => {
        const record = findRecord(state, decodeURIComponent(instance![1]!));
        state.instances = state.instances.filter((r) => r !== record);
        return { status: 200, body: { instance_id: record.id } };
      });
    case "GET /_admin/answer-style":
      return { status: 200, body: { style: service.answerStyle } };
    case "PUT /_admin/answer-style":
      try {
        service.answerStyle = checkAnswerStyle(asObject(body).style);
      } catch (err) {
        throw new AdminError(400, (err as Error).message, { cause: err });
      }
      return { status: 200, body: { style: service.answerStyle } };
    case "GET /_admin/faults":
      return { status: 200, body: { faults: service.faults.list() } };
    case "POST /_admin/faults":
      return { status: 200, body: service.faults.arm(checkFault(body)) };
    case "DELETE /_admin/faults":
      service.faults.clear();
      return { status: 200, body: { ok: true } };
    case "POST /_admin/create-failures":
      service.faults.failNextCreates(asObject(body) as CreateFailureSpec);
      return { status: 200, body: { ok: true } };
    case "POST /_admin/create-durations": {
      const durations = asObject(asObject(body).durations);
      for (const [name, seconds] of Object.entries(durations)) {
        if (!(typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0)) {
          throw new AdminError(400, `durations.${name} must be a positive number of seconds`);
        }
      }
      service.faults.setCreateDurations(durations as Record<string, number>);
      return { status: 200, body: { ok: true } };
    }
    case "GET /_admin/requests":
      return { status: 200, body: context.counts.snapshot() };
    case "DELETE /_admin/requests":
      context.counts.reset();
      return { status: 200, body: { ok: true } };
    case "GET /_admin/rate-limit":
      return { status: 200, body: { rateLimit: context.rateLimit() ?? null } };
    case "PUT /_admin/rate-limit": {
      const options = asObject(body) as unknown as RateLimitOptions;
      if (!(typeof options.requestsPerSecond === "number" && options.requestsPerSecond > 0)) {
        throw new AdminError(400, "requestsPerSecond must be a positive number");
      }
      context.setRateLimit(options);
      return { status: 200, body: { rateLimit: options } };
    }
    case "DELETE /_admin/rate-limit":
      context.setRateLimit(undefined);
      return { status: 200, body: { rateLimit: null } };
    case "GET /_admin/iam":
      return { status: 200, body: { tokenTtlSeconds: service.tokenTtlMs / 1000 } };
    case "PUT /_admin/iam": {
      const seconds = asObject(body).tokenTtlSeconds;
      if (!(typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0)) {
        throw new AdminError(400, "tokenTtlSeconds must be a positive number of seconds");
      }
      // Tokens issued from now on; those already out keep the expiry they were issued with.
      service.tokenTtlMs = seconds * 1000;
      return { status: 200, body: { tokenTtlSeconds: seconds } };
    }
    case "GET /_admin/flavors": {
      const soldOut = store.read().soldOutFlavors;
      return {
        status: 200,
        body: {
          flavors: FLAVORS.map((f) => ({
            name: f.name,
            type: f.type,
            free: f.free,
            soldOut: soldOut.includes(f.name),
          })),
        },
      };
    }
    case "PUT /_admin/flavors/{name}": {
      const name = decodeURIComponent(flavor![1]!);
      if (findFlavor(name) === undefined) throw new AdminError(404, `no flavor ${name}`);
      const soldOut = asObject(body).soldOut === true;
      store.mutate((state) => {
        state.soldOutFlavors = state.soldOutFlavors.filter((f) => f !== name);
        if (soldOut) state.soldOutFlavors.push(name);
      });
      return { status: 200, body: { name, soldOut } };
    }
    default: {
      const answer = routeNotebookAdmin(method, path, body, service);
      if (answer === undefined) throw new AdminError(404, `no admin route ${method} ${path}`);
      return answer;
    }
  }
}

export function handleAdmin(method: string, path: string, rawBody: Buffer, context: AdminContext): HandlerResult {
  try {
    return route(method, path, parseJson(rawBody), context);
  } catch (err) {
    if (err instanceof AdminError) return { status: err.status, body: { error: err.message } };
    throw err;
  }
}
