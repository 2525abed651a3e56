/**
 * The demanager instance's timeline: which phases each request schedules, and how long each lasts
 * (`../shared/phases.ts` reads the current one from the stored schedule).
 */
import { scaledMs } from "../shared/phases.js";
import type { AutoStopConfig, Phase, PhaseStatus } from "./types.js";

/**
 * Realistic durations in seconds, multiplied by the emulator's time scale. The docs give no figures; these
 * are the console's typical waits (create ~30 s, start ~10 s).
 */
export const NOMINAL_SECONDS = {
  creating: 30,
  starting: 10,
  restarting: 10,
  stopping: 5,
  deleting: 5,
  /** Free flavors queue (CREATE_QUEUING / START_QUEUING, [demanager §4]); `queuing_info.rank` drops by one per step. */
  queueRankStep: 10,
  createQueueRanks: 3,
  startQueueRanks: 2,
} as const;

/** RUNNING from `at`, then auto-stop when enabled: the duration applies to every start [demanager §2.1, Table 6]. */
export function planRunning(at: number, autoStop: AutoStopConfig, timeScale: number): Phase[] {
  const phases: Phase[] = [{ status: "RUNNING", at }];
  if (autoStop.enable && autoStop.duration !== undefined) {
    const stopAt = at + scaledMs(autoStop.duration, timeScale);
    phases.push({ status: "STOPPING", at: stopAt, autoStop: true });
    phases.push({ status: "STOPPED", at: stopAt + scaledMs(NOMINAL_SECONDS.stopping, timeScale) });
  }
  return phases;
}

/** A queue of `ranks` steps, or of `seconds` (nominal) when given: the rank still drops by one per step. */
function queue(
  status: PhaseStatus,
  at: number,
  ranks: number,
  timeScale: number,
  seconds?: number,
): { phase: Phase; end: number } {
  const rankStepMs = scaledMs(NOMINAL_SECONDS.queueRankStep, timeScale);
  const lengthMs = seconds === undefined ? ranks * rankStepMs : scaledMs(seconds, timeScale);
  return { phase: { status, at, rankStepMs }, end: at + lengthMs };
}

export interface CreatePlanOptions {
  free: boolean;
  /** Ends in CREATE_FAILED instead of starting (admin fault). */
  fail: boolean;
  autoStop: AutoStopConfig;
  timeScale: number;
  /** Nominal seconds of CREATING (admin `create-durations`); default `NOMINAL_SECONDS.creating`. */
  creatingSeconds?: number;
  /** Nominal seconds of a free flavor's CREATE_QUEUING (admin `create-durations`); default 3 ranks of 10 s. */
  queueSeconds?: number;
}

/** [CREATE_QUEUING →] CREATING → STARTING → RUNNING [→ STOPPING → STOPPED], or → CREATE_FAILED. */
export function planCreate(now: number, options: CreatePlanOptions): Phase[] {
  const { timeScale } = options;
  const phases: Phase[] = [];
  let t = now;
  if (options.free) {
    const q = queue("CREATE_QUEUING", t, NOMINAL_SECONDS.createQueueRanks, timeScale, options.queueSeconds);
    phases.push(q.phase);
    t = q.end;
  }
  phases.push({ status: "CREATING", at: t });
  t += scaledMs(options.creatingSeconds ?? NOMINAL_SECONDS.creating, timeScale);
  if (options.fail) return [...phases, { status: "CREATE_FAILED", at: t }];
  phases.push({ status: "STARTING", at: t });
  t += scaledMs(NOMINAL_SECONDS.starting, timeScale);
  return [...phases, ...planRunning(t, options.autoStop, timeScale)];
}

/** [START_QUEUING →] STARTING → RUNNING …; free flavors queue again on every start. */
export function planStart(now: number, free: boolean, autoStop: AutoStopConfig, timeScale: number): Phase[] {
  const phases: Phase[] = [];
  let t = now;
  if (free) {
    const q = queue("START_QUEUING", t, NOMINAL_SECONDS.startQueueRanks, timeScale);
    phases.push(q.phase);
    t = q.end;
  }
  phases.push({ status: "STARTING", at: t });
  t += scaledMs(NOMINAL_SECONDS.starting, timeScale);
  return [...phases, ...planRunning(t, autoStop, timeScale)];
}

export function planRestart(now: number, autoStop: AutoStopConfig, timeScale: number): Phase[] {
  const runningAt = now + scaledMs(NOMINAL_SECONDS.restarting, timeScale);
  return [{ status: "RESTARTING", at: now }, ...planRunning(runningAt, autoStop, timeScale)];
}

export function planStop(now: number, timeScale: number): Phase[] {
  return [
    { status: "STOPPING", at: now },
    { status: "STOPPED", at: now + scaledMs(NOMINAL_SECONDS.stopping, timeScale) },
  ];
}

/** DELETE is asynchronous: DELETING for a while, then the record is gone (GET answers 6309). */
export function planDelete(now: number, timeScale: number): Phase[] {
  return [
    { status: "DELETING", at: now },
    { status: "GONE", at: now + scaledMs(NOMINAL_SECONDS.deleting, timeScale) },
  ];
}
