/**
 * Waiting: how late a create returns after its instance became RUNNING, and how many GETs it spent, against
 * Terraform's schedule (first poll 10 s after the POST, then every 10 s) and the 0.1 backoff (2 s, then 2-15 s
 * jittered) replayed on the same instance's timeline.
 *
 * Measured: the provider's own create (in process: the code the provider host runs, with its status-aware poll
 * schedule, provider/wait/pollSchedule.ts) against an emulator whose timelines are known, for both resources:
 * - NotebookInstance (v1): RUNNING at creation_timestamp + (CREATING + 10 s STARTING) x time scale; CREATING is the
 *   emulator's 30 s, or drawn per instance so that creates take 30-300 s (the admin API's create-durations);
 * - Notebook (v2): RUNNING at create_at + 30 s x time scale (the four init steps in equal parts).
 * Time-scaled batches scale the poll schedule by the same factor (MODELARTS_POLL_TIME_SCALE), so every poll falls
 * at the same point of the lifecycle as at real time; lags are reported in real-time seconds (measured / scale). A
 * real-time batch checks that scaling.
 *
 * Simulated (devkit/pollReplay.ts, as `npm run bench:pacing`): the same schedules replayed over many drawn
 * timelines, polls taking no time, seeded.
 */
import { NOMINAL_SECONDS, NOTEBOOK_NOMINAL_SECONDS, startEmulator } from "../emulator/index.js";
import {
  createTimeline,
  replayCurrent,
  replayStatusAware,
  replayTerraform,
  notebookCreateTimeline,
  type TimelinePhase,
} from "../devkit/pollReplay.js";
import { seededRandom } from "../devkit/throttleSimulation.js";
import { notebookInstanceProvider, notebookProvider } from "../provider/index.js";
import { setProgressSink } from "../provider/frame/progress.js";
import { setProviderOverrides } from "../provider/frame/providerContext.js";
import { NOTEBOOK_STATUS_TIMINGS } from "../provider/api/notebookStatuses.js";
import { INSTANCE_STATUS_TIMINGS } from "../provider/notebookInstance/statusClasses.js";
import { DEFAULT_POLL_SCHEDULE, type PollScheduleOptions } from "../provider/wait/pollSchedule.js";
import { computeBackoffMs } from "../provider/wait/backoff.js";
import { emulatorEnv, scaledPollSchedule } from "./lib/env.js";
import type { ResourceKind } from "./lib/inventory.js";

/** A capped-backoff poll schedule, as the provider polled before the status-aware schedule. */
export interface BackoffSchedule {
  initialDelayMs: number;
  minDelayMs: number;
  maxDelayMs: number;
}

/** The poll schedule of pulumi-modelarts 0.1.0: 2 s, then max(2 s, backoff) capped at 15 s, jittered. */
export const SCHEDULE_BEFORE: BackoffSchedule = { initialDelayMs: 2_000, minDelayMs: 2_000, maxDelayMs: 15_000 };

/** huaweicloud_modelarts_notebook: StateChangeConf with Delay 10 s and PollInterval 10 s [notebooks §16]. */
export const TERRAFORM = { delayMs: 10_000, intervalMs: 10_000 };

export interface WaitOutcome {
  lagMs: number;
  gets: number;
}

/** Terraform's polls at delay, delay + interval, ...: the first at or after the ready time sees RUNNING. */
export function terraformReplay(readyAfterMs: number): WaitOutcome {
  const k = Math.max(1, Math.ceil((readyAfterMs - TERRAFORM.delayMs) / TERRAFORM.intervalMs) + 1);
  return { lagMs: TERRAFORM.delayMs + (k - 1) * TERRAFORM.intervalMs - readyAfterMs, gets: k };
}

/** The 0.1 waiter: the first poll after initialDelay, then max(min, backoff(attempt)) apart. */
export function backoffReplay(schedule: BackoffSchedule, readyAfterMs: number, random: () => number): WaitOutcome {
  let t = schedule.initialDelayMs;
  let gets = 1;
  while (t < readyAfterMs) {
    const backoff = computeBackoffMs({
      attempt: gets,
      baseMs: schedule.minDelayMs,
      capMs: schedule.maxDelayMs,
      random,
    });
    t += Math.max(schedule.minDelayMs, backoff);
    gets++;
  }
  return { lagMs: t - readyAfterMs, gets };
}

export interface Stats {
  meanLagS: number;
  p50LagS: number;
  p95LagS: number;
  maxLagS: number;
  meanGets: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function stats(outcomes: { lagS: number; gets: number }[]): Stats {
  const lags = outcomes.map((o) => o.lagS).sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(lags.length * q))] ?? 0;
  return {
    meanLagS: round(mean(lags)),
    p50LagS: round(at(0.5)),
    p95LagS: round(at(0.95)),
    maxLagS: round(lags[lags.length - 1] ?? 0),
    meanGets: round(mean(outcomes.map((o) => o.gets))),
  };
}

export interface MeasuredBatch {
  resource: ResourceKind;
  /** What the creates' timelines were, e.g. "the emulator's 40 s" or "30-300 s (drawn)". */
  timeline: string;
  timeScale: number;
  runs: number;
  wallS: number;
  ours: Stats & { getsHistogram: Record<string, number> };
  /** Replayed on each instance's own timeline (the ready time after the create's POST answered). */
  terraform: Stats;
  before: Stats;
}

interface BatchPlan {
  resource: ResourceKind;
  timeline: string;
  timeScale: number;
  runs: number;
  /** v1 only: nominal CREATING seconds of create i (default: the emulator's 30 s). */
  creatingSeconds?: (i: number) => number;
}

/** Nominal ms from the POST's answer to RUNNING, for create i of the plan. */
function readyAfterMs(plan: BatchPlan, i: number): number {
  if (plan.resource === "Notebook") return NOTEBOOK_NOMINAL_SECONDS.creating * 1000;
  return ((plan.creatingSeconds?.(i) ?? NOMINAL_SECONDS.creating) + NOMINAL_SECONDS.starting) * 1000;
}

const scaledMs = (seconds: number, timeScale: number) => Math.max(1, Math.round(seconds * 1000 * timeScale));

/** `runs` creates at once (each its own instance and timeline) through the provider's create. */
export async function measureBatch(plan: BatchPlan, log: (line: string) => void): Promise<MeasuredBatch> {
  const { resource, timeScale, runs } = plan;
  const gets = new Map<string, number>();
  const emulator = await startEmulator({
    timeScale,
    log: (line) => {
      const m = /^GET \/v1\/[^/]+\/(?:demanager\/instances|notebooks)\/([^/ ]+) /.exec(line);
      if (m) gets.set(m[1]!, (gets.get(m[1]!) ?? 0) + 1);
    },
  });
  setProviderOverrides({ env: emulatorEnv(emulator, scaledPollSchedule(timeScale)) });
  setProgressSink(() => {});
  const names = Array.from({ length: runs }, (_, i) => `wait-${i}`);
  if (plan.creatingSeconds) {
    await emulator.admin.setCreateDurations(Object.fromEntries(names.map((n, i) => [n, plan.creatingSeconds!(i)])));
  }
  const started = Date.now();
  const jitter = seededRandom(99);
  try {
    const results = await Promise.all(
      names.map(async (name, i) => {
        let id: string;
        let createdAt: number;
        if (resource === "NotebookInstance") {
          const { inputs } = await notebookInstanceProvider.check(
            {},
            {
              name,
              profileId: "Multi-Engine 1.0 (python3)-cpu",
              flavor: "modelarts.vm.cpu.2u",
              storage: { path: `/bench-bucket/wait/${i}/` },
            },
          );
          const created = await notebookInstanceProvider.create(inputs);
          id = created.id;
          createdAt = Date.parse(created.outs.creationTimestamp);
        } else {
          const { inputs } = await notebookProvider.check(
            {},
            {
              name,
              flavor: "modelarts.vm.cpu.2u",
              imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
              volume: { category: "EVS" },
              autoStop: { enabled: false },
            },
          );
          const created = await notebookProvider.create(inputs);
          id = created.id;
          createdAt = Date.parse(String(created.outs.createdAt));
        }
        const returnedAt = Date.now();
        const nominalReadyMs = readyAfterMs(plan, i);
        // The emulator's phases are each scaled and rounded to whole ms.
        const readyAt =
          resource === "Notebook"
            ? createdAt + scaledMs(NOTEBOOK_NOMINAL_SECONDS.creating, timeScale)
            : createdAt +
              scaledMs(plan.creatingSeconds?.(i) ?? NOMINAL_SECONDS.creating, timeScale) +
              scaledMs(NOMINAL_SECONDS.starting, timeScale);
        // Terraform's wait, and 0.1's, start when the POST answered: the instance's creation time.
        const tf = terraformReplay(nominalReadyMs);
        const before = backoffReplay(SCHEDULE_BEFORE, nominalReadyMs, jitter);
        return {
          ours: { lagS: (returnedAt - readyAt) / timeScale / 1000, gets: gets.get(id) ?? 0 },
          terraform: { lagS: tf.lagMs / 1000, gets: tf.gets },
          before: { lagS: before.lagMs / 1000, gets: before.gets },
        };
      }),
    );
    const histogram: Record<string, number> = {};
    for (const r of results) histogram[r.ours.gets] = (histogram[r.ours.gets] ?? 0) + 1;
    const batch: MeasuredBatch = {
      resource,
      timeline: plan.timeline,
      timeScale,
      runs,
      wallS: round((Date.now() - started) / 1000),
      ours: { ...stats(results.map((r) => r.ours)), getsHistogram: histogram },
      terraform: stats(results.map((r) => r.terraform)),
      before: stats(results.map((r) => r.before)),
    };
    log(
      `waiting: ${resource}, ${plan.timeline}, x${timeScale}: lag ${batch.ours.meanLagS} s, ${batch.ours.meanGets} GETs ` +
        `(Terraform ${batch.terraform.meanLagS} s, ${batch.terraform.meanGets}; 0.1 ${batch.before.meanLagS} s, ${batch.before.meanGets})`,
    );
    return batch;
  } finally {
    setProgressSink((line) => process.stdout.write(`${line}\n`));
    await emulator.close();
  }
}

export interface ReplayRow {
  wait: string;
  statusAware: Stats;
  before: Stats;
  terraform: Stats;
}

const stop = (ms: number): TimelinePhase[] => [
  { status: "STOPPING", at: 0 },
  { status: "STOPPED", at: ms },
];

/** The waits replayed: the v1 table's rows, then the v2 table's. */
export const REPLAYED_WAITS: {
  wait: string;
  resource: ResourceKind;
  draw: (r: () => number) => TimelinePhase[];
}[] = [
  { wait: "create 40 s (the emulator's)", resource: "NotebookInstance", draw: () => createTimeline(30_000) },
  { wait: "create 30-60 s (CPU)", resource: "NotebookInstance", draw: (r) => createTimeline(20_000 + r() * 30_000) },
  {
    wait: "**create 30-300 s (the target)**",
    resource: "NotebookInstance",
    draw: (r) => createTimeline(20_000 + r() * 270_000),
  },
  { wait: "create 300-1200 s", resource: "NotebookInstance", draw: (r) => createTimeline(290_000 + r() * 900_000) },
  {
    wait: "create 30-300 s, STARTING 5 s (table says 10)",
    resource: "NotebookInstance",
    draw: (r) => createTimeline(25_000 + r() * 270_000, 5_000),
  },
  {
    wait: "create 30-300 s, STARTING 20 s (table says 10)",
    resource: "NotebookInstance",
    draw: (r) => createTimeline(10_000 + r() * 270_000, 20_000),
  },
  { wait: "stop 5 s (the emulator's)", resource: "NotebookInstance", draw: () => stop(5_000) },
  { wait: "stop, delete 3-15 s", resource: "NotebookInstance", draw: (r) => stop(3_000 + r() * 12_000) },
  { wait: "create 30 s (the emulator's, 4 x 7.5 s)", resource: "Notebook", draw: () => notebookCreateTimeline(30_000) },
  {
    wait: "**create 30-300 s (the target; step 2 takes the rest)**",
    resource: "Notebook",
    draw: (r) => notebookCreateTimeline(30_000 + r() * 270_000),
  },
  {
    wait: "create 30-300 s, every step stretched alike (the emulator's equal parts)",
    resource: "Notebook",
    draw: (r) => equalSteps(30_000 + r() * 270_000),
  },
];

/** A v2 create of `totalMs` in four equal steps, as the emulator splits its CREATING. */
function equalSteps(totalMs: number): TimelinePhase[] {
  return [
    ...[1, 2, 3, 4].map((progressStep, i) => ({ status: "CREATING", at: (i * totalMs) / 4, progressStep })),
    { status: "RUNNING", at: totalMs },
  ];
}

/** Each replayed wait: status-aware (the resource's own status table), 0.1's backoff, Terraform. */
export function replayTable(samples = 5_000): ReplayRow[] {
  return REPLAYED_WAITS.map(({ wait, resource, draw }, i) => {
    const options: PollScheduleOptions = {
      ...DEFAULT_POLL_SCHEDULE,
      timings: resource === "Notebook" ? NOTEBOOK_STATUS_TIMINGS : INSTANCE_STATUS_TIMINGS,
    };
    const pick = seededRandom(1000 + i);
    const jitter = seededRandom(2000 + i);
    const timelines = Array.from({ length: samples }, () => draw(pick));
    const toS = (o: { lagMs: number; gets: number }) => ({ lagS: o.lagMs / 1000, gets: o.gets });
    return {
      wait: `${resource === "Notebook" ? "Notebook" : "NotebookInstance"}: ${wait}`,
      statusAware: stats(timelines.map((t) => toS(replayStatusAware(t, options)))),
      before: stats(timelines.map((t) => toS(replayCurrent(t, jitter, SCHEDULE_BEFORE)))),
      terraform: stats(timelines.map((t) => toS(replayTerraform(t)))),
    };
  });
}

export interface WaitingResult {
  before: BackoffSchedule;
  measured: MeasuredBatch[];
  replay: ReplayRow[];
}

/** The drawn CREATING times of the "30-300 s" batch: uniform 20-290 s, then 10 s STARTING. */
export function drawnCreating(runs: number, seed = 5): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: runs }, () => Math.round((20 + r() * 270) * 10) / 10);
}

export async function runWaiting(options: {
  scaledRuns: number;
  realTimeRuns: number;
  log: (line: string) => void;
}): Promise<WaitingResult> {
  const { scaledRuns, log } = options;
  const drawn = drawnCreating(scaledRuns);
  const plans: BatchPlan[] = [
    { resource: "NotebookInstance", timeline: "the emulator's 40 s", timeScale: 0.25, runs: scaledRuns },
    {
      resource: "NotebookInstance",
      timeline: "30-300 s (CREATING drawn 20-290 s, STARTING 10 s)",
      timeScale: 0.25,
      runs: scaledRuns,
      creatingSeconds: (i) => drawn[i]!,
    },
    { resource: "Notebook", timeline: "the emulator's 30 s", timeScale: 0.25, runs: scaledRuns },
  ];
  if (options.realTimeRuns > 0) {
    plans.push({
      resource: "NotebookInstance",
      timeline: "the emulator's 40 s, real time",
      timeScale: 1,
      runs: options.realTimeRuns,
    });
  }
  const measured: MeasuredBatch[] = [];
  for (const plan of plans) measured.push(await measureBatch(plan, log));
  return { before: SCHEDULE_BEFORE, measured, replay: replayTable() };
}
