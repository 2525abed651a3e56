/**
 * Replays poll schedules against a known status timeline (polls take no time), to compare how late each one sees
 * the target and how many GETs it spends. Used by pollSchedule.simulation.test.ts and bench/pacing.ts.
 */
import { computeBackoffMs } from "../provider/wait/backoff.js";
import { PollPlanner, type PollScheduleOptions } from "../provider/wait/pollSchedule.js";
import { seededRandom } from "./throttleSimulation.js";

/** From `at` (ms after the operation was accepted) on, the instance shows `status`; the last phase is the target. */
export interface TimelinePhase {
  readonly status: string;
  readonly at: number;
  readonly queue?: { readonly rank?: number; readonly remainTimeMs?: number };
  /** v2 `action_progress`: the init step in progress (1-4). */
  readonly progressStep?: number;
}

export interface ReplayOutcome {
  /** From the target being reached to the poll that saw it. */
  readonly lagMs: number;
  readonly gets: number;
}

export function statusAtTime(timeline: readonly TimelinePhase[], t: number): TimelinePhase {
  let current = timeline[0]!;
  for (const phase of timeline) if (phase.at <= t) current = phase;
  return current;
}

function outcome(timeline: readonly TimelinePhase[], pollTimes: number[]): ReplayOutcome {
  const readyAt = timeline[timeline.length - 1]!.at;
  return { lagMs: pollTimes[pollTimes.length - 1]! - readyAt, gets: pollTimes.length };
}

/** pollSchedule.ts: the planner starts with the status the operation's answer showed (the first phase). */
export function replayStatusAware(timeline: readonly TimelinePhase[], options: PollScheduleOptions): ReplayOutcome {
  const target = timeline[timeline.length - 1]!;
  const first = timeline[0]!;
  const planner = new PollPlanner(options, 0, sightingAt(first, 0));
  const polls: number[] = [];
  let t = 0;
  for (;;) {
    t += planner.nextDelayMs(t);
    polls.push(t);
    const seen = statusAtTime(timeline, t);
    if (seen === target) return outcome(timeline, polls);
    planner.observe(t, sightingAt(seen, t));
    if (polls.length > 10_000) throw new Error("replay: no end");
  }
}

/** What a poll at `t` shows of `phase`: its status, queue and init step. */
function sightingAt(phase: TimelinePhase, t: number) {
  return {
    status: phase.status,
    ...(phase.queue ? { queue: queueAt(phase, t) } : {}),
    ...(phase.progressStep !== undefined ? { progressStep: phase.progressStep } : {}),
  };
}

/** A queue's remain time counts down while it lasts. */
function queueAt(phase: TimelinePhase, t: number): { rank?: number; remainTimeMs?: number } {
  const q = phase.queue!;
  return q.remainTimeMs === undefined ? q : { ...q, remainTimeMs: Math.max(0, q.remainTimeMs - (t - phase.at)) };
}

/** Terraform's huaweicloud_modelarts_notebook: first poll 10 s after the POST, then every 10 s. */
export function replayTerraform(timeline: readonly TimelinePhase[]): ReplayOutcome {
  const readyAt = timeline[timeline.length - 1]!.at;
  const polls: number[] = [];
  for (let t = 10_000; ; t += 10_000) {
    polls.push(t);
    if (t >= readyAt) return outcome(timeline, polls);
  }
}

/** Today's waitFor schedule (pollScheduleFromEnv defaults): 2 s, then max(2 s, backoff) capped at 12 s, jittered. */
export function replayCurrent(
  timeline: readonly TimelinePhase[],
  random: () => number,
  schedule = { initialDelayMs: 2_000, minDelayMs: 2_000, maxDelayMs: 12_000 },
): ReplayOutcome {
  const readyAt = timeline[timeline.length - 1]!.at;
  const polls: number[] = [];
  let t = schedule.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    polls.push(t);
    if (t >= readyAt) return outcome(timeline, polls);
    const backoff = computeBackoffMs({
      attempt,
      baseMs: schedule.minDelayMs,
      capMs: schedule.maxDelayMs,
      random,
    });
    t += Math.max(schedule.minDelayMs, backoff);
  }
}

/** A create: CREATING for `creatingMs`, STARTING for `startingMs`, then RUNNING. */
export function createTimeline(creatingMs: number, startingMs = 10_000): TimelinePhase[] {
  return [
    { status: "CREATING", at: 0 },
    { status: "STARTING", at: creatingMs },
    { status: "RUNNING", at: creatingMs + startingMs },
  ];
}

/**
 * A notebook create of `totalMs` (the notebooks API's four init steps): steps 1, 3 and 4 of 7.5 s, as the emulator
 * plays them, and step 2 (compute) the rest, at least as long.
 */
export function notebookCreateTimeline(totalMs: number): TimelinePhase[] {
  const step = 7_500;
  const second = Math.max(step, totalMs - 3 * step);
  return [
    { status: "CREATING", at: 0, progressStep: 1 },
    { status: "CREATING", at: step, progressStep: 2 },
    { status: "CREATING", at: step + second, progressStep: 3 },
    { status: "CREATING", at: 2 * step + second, progressStep: 4 },
    { status: "RUNNING", at: 3 * step + second },
  ];
}

export interface ComparisonRow {
  readonly label: string;
  readonly statusAware: { meanLagS: number; p95LagS: number; meanGets: number };
  readonly current: { meanLagS: number; p95LagS: number; meanGets: number };
  readonly terraform: { meanLagS: number; p95LagS: number; meanGets: number };
}

/** Each schedule over `samples` timelines drawn by `draw` (seeded: the same figures every run). */
export function compareSchedules(
  label: string,
  draw: (random: () => number) => TimelinePhase[],
  options: PollScheduleOptions,
  samples = 5_000,
  seed = 7,
): ComparisonRow {
  const pick = seededRandom(seed);
  const jitter = seededRandom(seed + 1);
  const timelines = Array.from({ length: samples }, () => draw(pick));
  return {
    label,
    statusAware: summarize(timelines.map((t) => replayStatusAware(t, options))),
    current: summarize(timelines.map((t) => replayCurrent(t, jitter))),
    terraform: summarize(timelines.map((t) => replayTerraform(t))),
  };
}

function summarize(outcomes: ReplayOutcome[]): { meanLagS: number; p95LagS: number; meanGets: number } {
  const lags = outcomes.map((o) => o.lagMs / 1000).sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    meanLagS: round(mean(lags)),
    p95LagS: round(lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.95))] ?? 0),
    meanGets: round(mean(outcomes.map((o) => o.gets))),
  };
}
