/** What report.json holds (bench/run.ts writes it), and the 0.1 numbers the report compares with. */
import type { RateLimitOptions } from "../../emulator/index.js";
import type { BusyResult } from "../busy.js";
import type { FaultsResult } from "../faults.js";
import type { HostileResult } from "../hostile.js";
import type { ResourceKind } from "../lib/inventory.js";
import type { NativeResult } from "../native.js";
import type { OverheadResult } from "../overhead.js";
import type { ScaleResult } from "../scale.js";
import type { StateResult } from "../state.js";
import type { WaitingResult } from "../waiting.js";

export interface Report {
  meta: {
    date: string;
    commit: string;
    node: string;
    pulumi: string;
    cpus: number;
    memoryGb: number;
    sectionsRun: string[];
    flags?: string[];
    wallSeconds?: number;
  };
  settings: {
    count: number;
    timeScale: number;
    parallel: number;
    resources: readonly ResourceKind[];
    rateLimits: (RateLimitOptions | null)[];
    pacing: boolean[];
    unthrottledRepeats: number;
    cliTimeoutMs: number;
    waitingScaledRuns: number;
    waitingRealTimeRuns: number;
    previewRepeats: number;
  };
  scale?: ScaleResult[];
  busy?: BusyResult[];
  faults?: FaultsResult[];
  waiting?: WaitingResult;
  overhead?: Omit<OverheadResult, "trivialState">;
  state?: StateResult;
  hostile?: HostileResult;
  native?: NativeResult;
}

/** The 0.1 numbers (bench/results/before-0.1.json): the committed report of pulumi-modelarts 0.1.0. */
export interface Before {
  source: string;
  scale: {
    rateLimit: RateLimitOptions;
    up: Before01Phase;
    destroy: Before01Phase;
  }[];
  waiting?: { measured: { label: string; ours: { meanLagS: number; meanGets: number } }[] };
  state?: { notebook: { providerBytes: number; providerCopies: number; entryAsExported: { meanBytes: number } } };
}

export interface Before01Phase {
  command: string;
  wallMs: number;
  requests: { total: number; throttled429: number };
}
