/**
 * Scale: one stack of N notebooks of one API family (`NotebookInstance`, demanager v1, or `Notebook`, notebooks v2),
 * `pulumi up` then `pulumi destroy`, against an emulator without a rate limit or with one that forces 429s; the
 * provider's pacing on (the default) or off (`MODELARTS_RATE_LIMIT=off`). Wall time against the floor, requests per
 * route per instance against the minimum, 429s, and the provider host's peak memory.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  NOMINAL_SECONDS,
  NOTEBOOK_NOMINAL_SECONDS,
  startEmulator,
  type FaultSpec,
  type RateLimitOptions,
} from "../emulator/index.js";
import { emulatorEnv, scaledPollSchedule } from "./lib/env.js";
import { inventoryNow, summarizeCounts, type Inventory, type ResourceKind, type RouteCounts } from "./lib/inventory.js";
import { tail, type StackExport } from "../devkit/pulumiCli.js";
import { errorLines } from "./lib/cliErrors.js";
import { createSampledWorkspace, type CliResult } from "./lib/sampledWorkspace.js";

/** What a scale run is made under, kept in its result. */
export interface ScaleRunSettings {
  resource: ResourceKind;
  count: number;
  timeScale: number;
  /** The emulator's limit; absent: never throttled. */
  rateLimit?: RateLimitOptions;
  /** The provider's pacing (AdaptiveRateLimiter); false runs with `MODELARTS_RATE_LIMIT=off`. */
  pacing: boolean;
  /** More environment for the provider host (experiments: `--provider-env=`). */
  providerEnv?: Record<string, string>;
  parallel: number;
}

export interface ScaleOptions extends ScaleRunSettings {
  bin: string;
  /** Armed right before the up and cleared after it (the busy section's answers); the destroy runs without. */
  upFaults?: FaultSpec[];
  timeoutMs: number;
  /** Keep the exported state (after up) for the state-size figures. */
  onState?: (state: StackExport) => void;
  log: (line: string) => void;
}

/** Lower bounds on a phase's wall time: what no client can beat (see `floorsFor`). */
export interface Floors {
  /** One lifecycle, every instance at once (`--parallel` >= count). */
  lifecycleMs: number;
  /** The minimum requests less the gateway's burst, at its rate. */
  throughputMs: number;
  /** up: the last POST accepted at (N - burst) / rate at the earliest, then one create's lifecycle. */
  pipelineMs: number;
  /** The largest of the three. */
  floorMs: number;
}

export interface PhaseResult {
  command: string;
  exitCode: number;
  timedOut: boolean;
  wallMs: number;
  floors: Floors;
  requests: RouteCounts;
  /** Requests per instance by route, and the minimum a correct client needs. */
  perInstance: Record<string, { measured: number; minimum: number }>;
  /** Requests that were not throttled (any answer but 429), per instance, and the minimum per instance. */
  acceptedPerInstance: number;
  minimumPerInstance: number;
  /** 429s in the first 2 s of the command's requests (a cold start) and after. */
  throttledEarly: number;
  /** The provider host's first request, ms after the command started (the CLI's and the host's start-up). */
  firstRequestAtMs?: number;
  /** ms after the command started: the last create accepted (up), the last request (both). */
  lastCreateAcceptedAtMs?: number;
  lastRequestAtMs?: number;
  /** Each provider host process seen during the command: its peak RSS (VmHWM) and how often it was sampled. */
  providerHosts: { pid: number; peakRssMb: number; samples: number }[];
  errors: string[];
  inventoryAfter: Inventory;
  /** Answers the armed faults gave (`upFaults`): 429s that the gateway's limit did not cause. */
  injectedFaults?: number;
  /**
   * Throttling seen by single calls on one instance (GET, PUT, DELETE, action): the longest run of 429s one call
   * got in a row, so the attempts the unluckiest call needed is that + 1. (Creates share one path and are left out.)
   */
  longest429Streak: number;
}

export interface ScaleResult extends ScaleRunSettings {
  pollSchedule: ReturnType<typeof scaledPollSchedule>;
  /** `uptime`'s 1-minute load average before the up and before the destroy (2 CPUs: above 2 means contention). */
  loadBefore: { up: number; destroy: number };
  up: PhaseResult;
  destroy: PhaseResult;
}

/**
 * Requests a correct client cannot do without, per instance:
 * - v1 up: the POST, and one GET that sees RUNNING (the POST answers CREATING).
 * - v1 destroy: the stop action (a RUNNING instance cannot be deleted, ModelArts.6304), one GET that sees STOPPED (a
 *   DELETE while STOPPING fails), the DELETE, one GET that sees it gone (deletion is asynchronous).
 * - v2 up: the POST, the owner tag (the create body takes no tags or annotations [notebooks §4.1]: without the mark
 *   an interrupted run's notebook cannot be told from someone else's namesake), one GET that sees RUNNING.
 * - v2 destroy: the DELETE (a running notebook may be deleted [notebooks §8]) and one GET that sees it gone.
 * A listing per run (the creates' look-up for an interrupted run's leftovers) is not in the minimum.
 */
export const MINIMUM_PER_INSTANCE: Record<
  ResourceKind,
  { up: Record<string, number>; destroy: Record<string, number> }
> = {
  NotebookInstance: {
    up: { "POST create": 1, "GET instance": 1 },
    destroy: { "POST action": 1, "GET instance": 2, "DELETE instance": 1 },
  },
  Notebook: {
    up: { "POST create": 1, "POST tags": 1, "GET notebook": 1 },
    destroy: { "DELETE notebook": 1, "GET notebook": 1 },
  },
};

const scaled = (seconds: number, timeScale: number) => Math.max(1, Math.round(seconds * 1000 * timeScale));

/** The emulator's own time for one instance's up or destroy: no client can be faster. */
export function lifecycleMs(resource: ResourceKind, phase: "up" | "destroy", timeScale: number): number {
  if (resource === "NotebookInstance") {
    return phase === "up"
      ? scaled(NOMINAL_SECONDS.creating, timeScale) + scaled(NOMINAL_SECONDS.starting, timeScale)
      : scaled(NOMINAL_SECONDS.stopping, timeScale) + scaled(NOMINAL_SECONDS.deleting, timeScale);
  }
  return phase === "up"
    ? scaled(NOTEBOOK_NOMINAL_SECONDS.creating, timeScale)
    : scaled(NOTEBOOK_NOMINAL_SECONDS.deleting, timeScale);
}

/**
 * The floor of a phase: the largest of
 * - lifecycle: one instance's lifecycle, every instance at once (`--parallel` >= count; with Pulumi's default of
 *   4 operations per CPU it would be one lifecycle per wave);
 * - throughput: the minimum requests of all instances, less the gateway's burst, at its rate;
 * - pipeline (up only): the N-th POST cannot be accepted before (N - burst) / rate, and its instance then takes a
 *   whole create (at 10 req/s and burst 10: 4 s + 10 s for the v1 API, where the lifecycle alone says 10 s).
 * The CLI's own time (starting the program and the provider host, registering N resources: `pulumi up` of N no-op
 * dynamic resources, Overhead) is not in the floor: the wall time pays it on top.
 */
export function floorsFor(
  resource: ResourceKind,
  phase: "up" | "destroy",
  count: number,
  timeScale: number,
  rateLimit: RateLimitOptions | undefined,
  /** Requests the gateway carries besides the minimum that no client can avoid (the service's busy answers). */
  extraRequests = 0,
): Floors {
  const life = lifecycleMs(resource, phase, timeScale);
  const minimum = Object.values(MINIMUM_PER_INSTANCE[resource][phase]).reduce((a, b) => a + b, 0);
  let throughputMs = 0;
  let pipelineMs = 0;
  if (rateLimit) {
    const rate = rateLimit.requestsPerSecond;
    const burst = rateLimit.burst ?? Math.max(1, rate);
    throughputMs = (Math.max(0, minimum * count + extraRequests - burst) / rate) * 1000;
    if (phase === "up") pipelineMs = (Math.max(0, count - burst) / rate) * 1000 + life;
  }
  return {
    lifecycleMs: life,
    throughputMs: Math.round(throughputMs),
    pipelineMs: Math.round(pipelineMs),
    floorMs: Math.round(Math.max(life, throughputMs, pipelineMs)),
  };
}

/** One request as the emulator logged it, with the time it was logged. */
interface Logged {
  at: number;
  method: string;
  path: string;
  status: string;
}

/** Follows the emulator's request log: per method and instance path, the current and longest run of 429s. */
export class RequestLog {
  private current = new Map<string, number>();
  longest = 0;
  lines: Logged[] = [];

  line(line: string): void {
    const m = /^(GET|PUT|DELETE|POST|PATCH) (\/v1\/\S+) (\S+) /.exec(line);
    if (!m) return;
    this.lines.push({ at: Date.now(), method: m[1]!, path: m[2]!, status: m[3]! });
    // Calls on one instance or notebook (its own path or below it); creates and listings share a path.
    if (!/\/(demanager\/instances|notebooks)\/[^/]+/.test(m[2]!)) return;
    const key = `${m[1]} ${m[2]}`;
    if (m[3] === "429") {
      const n = (this.current.get(key) ?? 0) + 1;
      this.current.set(key, n);
      this.longest = Math.max(this.longest, n);
    } else {
      this.current.delete(key);
    }
  }

  reset(): void {
    this.current.clear();
    this.longest = 0;
    this.lines = [];
  }

  /** Timings relative to `startedAt` (the command's start). */
  timings(
    startedAt: number,
  ): Pick<PhaseResult, "throttledEarly" | "firstRequestAtMs" | "lastCreateAcceptedAtMs" | "lastRequestAtMs"> {
    const first = this.lines[0]?.at;
    const isCreate = (l: Logged) => l.method === "POST" && /\/(demanager\/instances|notebooks)$/.test(l.path);
    const creates = this.lines.filter((l) => isCreate(l) && /^2/.test(l.status));
    const early = first === undefined ? 0 : first + 2_000;
    return {
      throttledEarly: this.lines.filter((l) => l.status === "429" && l.at <= early).length,
      ...(first !== undefined && { firstRequestAtMs: first - startedAt }),
      ...(creates.length > 0 && { lastCreateAcceptedAtMs: creates[creates.length - 1]!.at - startedAt }),
      ...(this.lines.length > 0 && { lastRequestAtMs: this.lines[this.lines.length - 1]!.at - startedAt }),
    };
  }
}

export function phaseFromRun(
  run: CliResult,
  counts: RouteCounts,
  count: number,
  minimum: Record<string, number>,
  floors: Floors,
  inventoryAfter: Inventory,
  extra: Pick<
    PhaseResult,
    "throttledEarly" | "firstRequestAtMs" | "lastCreateAcceptedAtMs" | "lastRequestAtMs" | "injectedFaults"
  > & {
    longest429Streak: number;
  },
): PhaseResult {
  const perInstance: PhaseResult["perInstance"] = {};
  const routes = new Set([...Object.keys(counts.byRoute), ...Object.keys(minimum)]);
  for (const route of routes) {
    perInstance[route] = {
      measured: round((counts.byRoute[route] ?? 0) / count, 2),
      minimum: minimum[route] ?? 0,
    };
  }
  return {
    command: run.command,
    exitCode: run.code,
    timedOut: run.timedOut,
    wallMs: run.durationMs,
    floors,
    requests: counts,
    perInstance,
    acceptedPerInstance: round((counts.total - counts.throttled429) / count, 2),
    minimumPerInstance: Object.values(minimum).reduce((a, b) => a + b, 0),
    ...extra,
    providerHosts: run.providerHosts.map((p) => ({
      pid: p.pid,
      peakRssMb: round(p.vmHwmKb / 1024, 1),
      samples: p.samples,
    })),
    errors: errorLines(run),
    inventoryAfter,
  };
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The 1-minute load average (os.loadavg, as `uptime` prints it). */
export function loadAverage(): number {
  return round(os.loadavg()[0]!, 2);
}

export function describeRun(r: { resource: ResourceKind; rateLimit?: RateLimitOptions; pacing: boolean }): string {
  const limit = r.rateLimit ? `${r.rateLimit.requestsPerSecond} req/s` : "no limit";
  return `${r.resource}, ${limit}, pacing ${r.pacing ? "on" : "off"}`;
}

/** `BENCH_REQUEST_LOG=<dir>`: each phase's request log (ms since the command started, method, path, status). */
function dumpLog(label: string, startedAt: number, requests: RequestLog): void {
  const dir = process.env.BENCH_REQUEST_LOG;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label.replace(/[^A-Za-z0-9]+/g, "-")}.log`);
  writeFileSync(
    file,
    requests.lines.map((l) => `${l.at - startedAt} ${l.method} ${l.path} ${l.status}`).join("\n") + "\n",
  );
}

export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const { resource, count, timeScale, rateLimit, parallel, log } = options;
  const requests = new RequestLog();
  const emulator = await startEmulator({
    timeScale,
    ...(rateLimit && { rateLimit }),
    log: (line) => requests.line(line),
  });
  const schedule = scaledPollSchedule(timeScale);
  const ws = await createSampledWorkspace({
    bin: options.bin,
    program: "notebooks",
    stack: `scale-${resource === "Notebook" ? "v2" : "v1"}`,
    env: {
      ...emulatorEnv(emulator, schedule),
      ...(options.pacing ? {} : { MODELARTS_RATE_LIMIT: "off" }),
      ...options.providerEnv,
    },
    config: { "modelarts-bench:count": String(count), "modelarts-bench:resource": resource },
  });
  const label = describeRun(options);
  try {
    const cli = ["--yes", "--skip-preview", "--parallel", String(parallel)];

    await emulator.admin.resetRequestCounts();
    requests.reset();
    for (const fault of options.upFaults ?? []) await emulator.admin.injectFault(fault);
    const loadUp = loadAverage();
    log(`scale: ${label}: pulumi up of ${count} (time scale ${timeScale}; load ${loadUp})`);
    const upStarted = Date.now();
    const up = await ws.run(["up", ...cli], { timeoutMs: options.timeoutMs });
    const upCounts = summarizeCounts(await emulator.admin.requestCounts());
    const armed = (options.upFaults ?? []).reduce((n, f) => n + (f.count ?? 1), 0);
    const unused = (await emulator.admin.listFaults()).reduce((n, f) => n + f.remaining, 0);
    await emulator.admin.clearFaults();
    const upExtra = {
      ...requests.timings(upStarted),
      longest429Streak: requests.longest,
      ...(options.upFaults && { injectedFaults: armed - unused }),
    };
    dumpLog(`${label} up`, upStarted, requests);
    const state = await ws.exportStack();
    options.onState?.(state);
    const afterUp = await inventoryNow(emulator, resource, state);
    log(
      `scale: ${label}: up exited ${up.code} in ${(up.durationMs / 1000).toFixed(1)} s; ${afterUp.instances} ` +
        `instances; ${upCounts.total} requests, ${upCounts.throttled429} 429s`,
    );
    if (up.code !== 0) log(tail(up.stdout + up.stderr, 30));

    await emulator.admin.resetRequestCounts();
    requests.reset();
    const loadDestroy = loadAverage();
    const destroyStarted = Date.now();
    const destroy = await ws.run(["destroy", ...cli], { timeoutMs: options.timeoutMs });
    const destroyCounts = summarizeCounts(await emulator.admin.requestCounts());
    const destroyExtra = { ...requests.timings(destroyStarted), longest429Streak: requests.longest };
    dumpLog(`${label} destroy`, destroyStarted, requests);
    const afterDestroy = await inventoryNow(emulator, resource);
    log(
      `scale: ${label}: destroy exited ${destroy.code} in ${(destroy.durationMs / 1000).toFixed(1)} s; ` +
        `${afterDestroy.instances} left; ${destroyCounts.total} requests, ${destroyCounts.throttled429} 429s (load ${loadDestroy})`,
    );
    if (destroy.code !== 0) log(tail(destroy.stdout + destroy.stderr, 30));

    const minimum = MINIMUM_PER_INSTANCE[resource];
    return {
      resource,
      count,
      timeScale,
      ...(rateLimit && { rateLimit }),
      pacing: options.pacing,
      ...(options.providerEnv && { providerEnv: options.providerEnv }),
      parallel,
      pollSchedule: schedule,
      loadBefore: { up: loadUp, destroy: loadDestroy },
      up: phaseFromRun(
        up,
        upCounts,
        count,
        minimum.up,
        // Answers the service gave behind the gateway took its tokens: no client avoids sending those requests.
        floorsFor(
          resource,
          "up",
          count,
          timeScale,
          rateLimit,
          options.upFaults?.every((f) => f.behindGateway) ? (upExtra.injectedFaults ?? 0) : 0,
        ),
        afterUp,
        upExtra,
      ),
      destroy: phaseFromRun(
        destroy,
        destroyCounts,
        count,
        minimum.destroy,
        floorsFor(resource, "destroy", count, timeScale, rateLimit),
        afterDestroy,
        destroyExtra,
      ),
    };
  } finally {
    ws.dispose();
    await emulator.close();
  }
}
