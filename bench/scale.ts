/**
 * Scale: one stack of N notebook instances, `pulumi up` then `pulumi destroy`, against an emulator whose rate limit
 * forces 429s. Wall time against the lifecycle floor, requests per route per instance against the minimum,
 * 429s, and the provider host's peak memory.
 */
import { startEmulator, NOMINAL_SECONDS, type RateLimitOptions } from "../emulator/index.js";
import { emulatorEnv, scaledPollSchedule } from "./lib/env.js";
import { takeInventory, summarizeCounts, type Inventory, type RouteCounts } from "./lib/inventory.js";
import { createWorkspace, errorLines, tail, type CliResult, type StackExport } from "./lib/pulumi.js";

export interface ScaleOptions {
  bin: string;
  count: number;
  timeScale: number;
  rateLimit: RateLimitOptions;
  parallel: number;
  timeoutMs: number;
  /** Keep the exported state (after up) for the state-size figures. */
  onState?: (state: StackExport) => void;
  log: (line: string) => void;
}

export interface PhaseResult {
  command: string;
  exitCode: number;
  timedOut: boolean;
  wallMs: number;
  /** The emulator's own time for the phase: what no client can beat. */
  lifecycleFloorMs: number;
  /** Minimum requests for the phase divided by the rate limit: what no client can beat under the limit. */
  throughputFloorMs: number;
  requests: RouteCounts;
  /** Requests per instance by route, and the minimum a correct client needs. */
  perInstance: Record<string, { measured: number; minimum: number }>;
  /** Each provider host process seen during the command: its peak RSS (VmHWM) and how often it was sampled. */
  providerHosts: { pid: number; peakRssMb: number; samples: number }[];
  errors: string[];
  inventoryAfter: Inventory;
  /**
   * Throttling seen by single calls on one instance (GET, PUT, DELETE, action): the longest run of 429s one call
   * got in a row, so the attempts the unluckiest call needed is that + 1. (Creates share one path and are left out.)
   */
  longest429Streak: number;
}

export interface ScaleResult {
  count: number;
  timeScale: number;
  rateLimit: RateLimitOptions;
  parallel: number;
  pollSchedule: ReturnType<typeof scaledPollSchedule>;
  up: PhaseResult;
  destroy: PhaseResult;
}

/** Requests a correct client cannot do without, per instance (see the report for why). */
export const MINIMUM_PER_INSTANCE = {
  up: { "POST create": 1, "GET instance": 1 },
  destroy: { "POST action": 1, "GET instance": 2, "DELETE instance": 1 },
} as const;

const scaled = (seconds: number, timeScale: number) => Math.max(1, Math.round(seconds * 1000 * timeScale));

export function phaseFromRun(
  run: CliResult,
  counts: RouteCounts,
  count: number,
  minimum: Record<string, number>,
  floors: { lifecycleMs: number; rateLimit?: RateLimitOptions },
  inventoryAfter: Inventory,
  longest429Streak = 0,
): PhaseResult {
  const perInstance: PhaseResult["perInstance"] = {};
  const routes = new Set([...Object.keys(counts.byRoute), ...Object.keys(minimum)]);
  for (const route of routes) {
    perInstance[route] = {
      measured: round((counts.byRoute[route] ?? 0) / count, 2),
      minimum: minimum[route] ?? 0,
    };
  }
  const minRequests = Object.values(minimum).reduce((a, b) => a + b, 0) * count;
  const rate = floors.rateLimit;
  // A full bucket serves `burst` at once; the rest at the steady rate.
  const throughputFloorMs = rate
    ? Math.max(0, ((minRequests - (rate.burst ?? Math.max(1, rate.requestsPerSecond))) / rate.requestsPerSecond) * 1000)
    : 0;
  return {
    command: run.command,
    exitCode: run.code,
    timedOut: run.timedOut,
    wallMs: run.durationMs,
    lifecycleFloorMs: floors.lifecycleMs,
    throughputFloorMs: Math.round(throughputFloorMs),
    requests: counts,
    perInstance,
    providerHosts: run.providerHosts.map((p) => ({
      pid: p.pid,
      peakRssMb: round(p.vmHwmKb / 1024, 1),
      samples: p.samples,
    })),
    errors: errorLines(run),
    inventoryAfter,
    longest429Streak,
  };
}

/** Follows the emulator's request log: per method and instance path, the current and longest run of 429s. */
export class StreakTracker {
  private current = new Map<string, number>();
  longest = 0;

  line(line: string): void {
    const m = /^(GET|PUT|DELETE|POST) (\/v1\/[^/]+\/demanager\/instances\/[^ ]+) (\S+) /.exec(line);
    if (!m) return;
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
  }
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const { count, timeScale, rateLimit, parallel, log } = options;
  const streaks = new StreakTracker();
  const emulator = await startEmulator({ timeScale, rateLimit, log: (line) => streaks.line(line) });
  const schedule = scaledPollSchedule(timeScale);
  const ws = await createWorkspace({
    bin: options.bin,
    program: "notebooks",
    stack: "scale",
    env: emulatorEnv(emulator, schedule),
    config: { "modelarts-bench:count": String(count) },
  });
  try {
    const cli = ["--yes", "--skip-preview", "--parallel", String(parallel)];

    await emulator.admin.resetRequestCounts();
    streaks.reset();
    log(`scale: pulumi up of ${count} instances (time scale ${timeScale}, ${rateLimit.requestsPerSecond} req/s)`);
    const up = await ws.run(["up", ...cli], { timeoutMs: options.timeoutMs });
    const upCounts = summarizeCounts(await emulator.admin.requestCounts());
    const upStreak = streaks.longest;
    const state = await ws.exportStack();
    options.onState?.(state);
    const afterUp = takeInventory(await emulator.admin.listInstances(), state);
    log(`scale: up exited ${up.code} in ${(up.durationMs / 1000).toFixed(1)} s; ${afterUp.instances} instances`);
    if (up.code !== 0) log(tail(up.stdout + up.stderr, 30));

    await emulator.admin.resetRequestCounts();
    streaks.reset();
    const destroy = await ws.run(["destroy", ...cli], { timeoutMs: options.timeoutMs });
    const destroyCounts = summarizeCounts(await emulator.admin.requestCounts());
    const afterDestroy = takeInventory(await emulator.admin.listInstances());
    log(
      `scale: destroy exited ${destroy.code} in ${(destroy.durationMs / 1000).toFixed(1)} s; ${afterDestroy.instances} left`,
    );
    if (destroy.code !== 0) log(tail(destroy.stdout + destroy.stderr, 30));

    // With `parallel` >= count every instance runs its lifecycle at once: the floor is one lifecycle per wave.
    const waves = Math.ceil(count / parallel);
    const createMs = scaled(NOMINAL_SECONDS.creating, timeScale) + scaled(NOMINAL_SECONDS.starting, timeScale);
    const deleteMs = scaled(NOMINAL_SECONDS.stopping, timeScale) + scaled(NOMINAL_SECONDS.deleting, timeScale);
    return {
      count,
      timeScale,
      rateLimit,
      parallel,
      pollSchedule: schedule,
      up: phaseFromRun(
        up,
        upCounts,
        count,
        MINIMUM_PER_INSTANCE.up,
        { lifecycleMs: waves * createMs, rateLimit },
        afterUp,
        upStreak,
      ),
      destroy: phaseFromRun(
        destroy,
        destroyCounts,
        count,
        MINIMUM_PER_INSTANCE.destroy,
        { lifecycleMs: waves * deleteMs, rateLimit },
        afterDestroy,
        streaks.longest,
      ),
    };
  } finally {
    ws.dispose();
    await emulator.close();
  }
}
