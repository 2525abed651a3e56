/**
 * Busy: a small stack's `pulumi up` and `pulumi destroy` behind a gateway that throttles, twice: once with only the
 * gateway's limit (the cold start: how many requests the first contact costs), and once with a service that also
 * answers each instance's first GET `429 ModelArts.6101 "The system is busy now"` with `Retry-After: 1`, which
 * spreads that many busy answers over the run. Both answers look alike to a client (the emulator's gateway sends
 * the same code), so the provider's pacing meets both with one rule. The busy answers come from behind the gateway
 * (each took a gateway token, as the service's answer behind APIG would), so the floor counts them.
 */
import type { FaultSpec, RateLimitOptions } from "../emulator/index.js";
import type { ResourceKind } from "./lib/inventory.js";
import { runScale, type PhaseResult, type ScaleResult } from "./scale.js";
import type { SectionOptions } from "./lib/sectionOptions.js";

export const BUSY_SETTINGS = {
  count: 20,
  rateLimit: { requestsPerSecond: 5, burst: 5 } as RateLimitOptions,
  /** One busy answer per instance: its first GET. */
  busyAnswers: 20,
  retryAfterSeconds: 1,
  /**
   * Each scenario runs this often, the scenarios interleaved: single runs at rest vary by about 2 s, so the wall
   * time target is judged on the median `pulumi up` (the refusals in every run).
   */
  repeats: 3,
};

/** The targets ("System busy slows the whole run for a minute"). */
export const BUSY_TARGETS = {
  /** `pulumi up` with the busy answers, wall time over its floor. */
  upOverFloor: 1.5,
  /** Requests the gateway refused, over all requests, in both scenarios and both commands. */
  refusedShare: 0.1,
};

export type BusyScenario = "gateway" | "busy";

export interface BusyResult {
  scenario: BusyScenario;
  run: ScaleResult;
  /** Which of the scenario's repeats (0-based); absent in reports from before the section repeated its runs. */
  repeat?: number;
}

/** The runs of each resource and scenario, in the order they ran. */
export function busyGroups(runs: readonly BusyResult[]): BusyResult[][] {
  const groups = new Map<string, BusyResult[]>();
  for (const r of runs) {
    const key = `${r.run.resource}/${r.scenario}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

/** The run whose `pulumi up` took the median wall time (of an even count, the slower of the middle two). */
export function medianUpRun(group: readonly BusyResult[]): BusyResult {
  const sorted = [...group].sort((a, b) => a.run.up.wallMs - b.run.up.wallMs);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const GET_ROUTES: Record<ResourceKind, string> = {
  NotebookInstance: "GET /v1/{project_id}/demanager/instances/{instance_id}",
  Notebook: "GET /v1/{project_id}/notebooks/{id}",
};

/** The service's busy answer to each instance's first GET. */
export function busyFaults(resource: ResourceKind): FaultSpec[] {
  return [
    {
      route: GET_ROUTES[resource],
      kind: "status",
      status: 429,
      errorCode: "ModelArts.6101",
      errorMessage: "The system is busy now. Please try again later.",
      retryAfterSeconds: BUSY_SETTINGS.retryAfterSeconds,
      firstPerPath: true,
      behindGateway: true,
      count: BUSY_SETTINGS.busyAnswers,
    },
  ];
}

/** The gateway's refusals: every 429 but the busy answers the service gave. */
export function refusedByGateway(phase: PhaseResult): number {
  return phase.requests.throttled429 - (phase.injectedFaults ?? 0);
}

export function refusedShare(phase: PhaseResult): number {
  return refusedByGateway(phase) / Math.max(1, phase.requests.total);
}

export async function runBusy(
  options: Omit<SectionOptions, "count"> & { resources: readonly ResourceKind[]; repeats?: number },
): Promise<BusyResult[]> {
  const repeats = options.repeats ?? BUSY_SETTINGS.repeats;
  const results: BusyResult[] = [];
  for (const resource of options.resources) {
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const scenario of ["gateway", "busy"] as const) {
        options.log(`busy: ${resource}, ${scenario} (run ${repeat + 1} of ${repeats})`);
        const run = await runScale({
          bin: options.bin,
          resource,
          count: BUSY_SETTINGS.count,
          timeScale: options.timeScale,
          rateLimit: BUSY_SETTINGS.rateLimit,
          pacing: true,
          parallel: options.parallel,
          timeoutMs: options.timeoutMs,
          log: options.log,
          ...(scenario === "busy" && { upFaults: busyFaults(resource) }),
          ...(options.providerEnv && { providerEnv: options.providerEnv }),
        });
        results.push({ scenario, run, repeat });
      }
    }
  }
  return results;
}
