/**
 * Waiting: how late a create returns after its instance became RUNNING, and how many GETs it spent, against
 * Terraform's schedule (first poll 10 s after the POST, then every 10 s) replayed on the same timeline.
 *
 * Measured: the provider's real create (in process, the code the provider host runs) against an emulator whose
 * lifecycle is known: RUNNING at creation_timestamp + (30 s CREATING + 10 s STARTING) x time scale. Time-scaled
 * runs scale the poll schedule by the same factor, so every poll falls at the same point of the lifecycle as at
 * real time; lags are reported in real-time seconds (measured / scale). A real-time batch checks that scaling.
 *
 * Replayed: the same schedule computed with the provider's own backoff function (seeded random) for many ready
 * times, since a real service's ready time varies and the emulator's 40 s is a multiple of Terraform's 10 s.
 */
import { NOMINAL_SECONDS, startEmulator } from "../emulator/index.js";
import { notebookInstanceProvider } from "../provider/index.js";
import { setProgressSink } from "../provider/core/progress.js";
import { setProviderOverrides } from "../provider/core/providerContext.js";
import type { PollSchedule } from "../provider/core/pollScheduleFromEnv.js";
import { computeBackoffMs } from "../provider/wait/backoff.js";
import { defaultPollSchedule, emulatorEnv } from "./lib/env.js";

/** The poll schedule this project shipped before the benchmark tuned it (pulumi-modelarts 0.1.0). */
export const SCHEDULE_BEFORE: PollSchedule = {
  initialDelayMs: 2_000,
  minDelayMs: 2_000,
  maxDelayMs: 15_000,
  progressEveryMs: 30_000,
};

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

/** The provider's waiter (waitFor): the first poll after initialDelay, then max(min, backoff(attempt)) apart. */
export function scheduleReplay(schedule: PollSchedule, readyAfterMs: number, random: () => number): WaitOutcome {
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

/** A small seeded PRNG (mulberry32), so the replayed figures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Stats {
  meanLagS: number;
  p95LagS: number;
  maxLagS: number;
  meanGets: number;
}

function stats(outcomes: WaitOutcome[]): Stats {
  const lags = outcomes.map((o) => o.lagMs / 1000).sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    meanLagS: round(mean(lags)),
    p95LagS: round(lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.95))] ?? 0),
    maxLagS: round(lags[lags.length - 1] ?? 0),
    meanGets: round(mean(outcomes.map((o) => o.gets))),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface ReplayRow {
  /** e.g. "40 s" or "uniform 30-300 s". */
  readyTime: string;
  /** What typically takes that long. */
  example: string;
  before: Stats;
  after: Stats;
  terraform: Stats;
}

const READY_TIMES: { label: string; example: string; draw: (r: () => number) => number }[] = [
  { label: "5 s", example: "stop, delete (emulator)", draw: () => 5_000 },
  { label: "10 s", example: "start (emulator)", draw: () => 10_000 },
  { label: "uniform 3-15 s", example: "start, stop, delete", draw: (r) => 3_000 + r() * 12_000 },
  { label: "40 s", example: "create (emulator, the console's typical time)", draw: () => 40_000 },
  { label: "uniform 30-60 s", example: "CPU create", draw: (r) => 30_000 + r() * 30_000 },
  { label: "uniform 60-300 s", example: "GPU create, free-flavor queue", draw: (r) => 60_000 + r() * 240_000 },
  { label: "uniform 30-300 s", example: "any create", draw: (r) => 30_000 + r() * 270_000 },
  { label: "uniform 300-1200 s", example: "long queue", draw: (r) => 300_000 + r() * 900_000 },
];

export function replayTable(before: PollSchedule, after: PollSchedule, samples = 20_000): ReplayRow[] {
  return READY_TIMES.map(({ label, example, draw }, i) => {
    const pick = seededRandom(1000 + i);
    const jitter = seededRandom(2000 + i);
    const times = Array.from({ length: samples }, () => draw(pick));
    return {
      readyTime: label,
      example,
      before: stats(times.map((t) => scheduleReplay(before, t, jitter))),
      after: stats(times.map((t) => scheduleReplay(after, t, jitter))),
      terraform: stats(times.map((t) => terraformReplay(t))),
    };
  });
}

/** The candidates the tuning looked at: mean lag and GETs for any create (uniform 30-300 s) and short waits. */
export function candidateTable(samples = 20_000): {
  schedule: string;
  create: Stats;
  short: Stats;
}[] {
  const rows = [];
  for (const [initial, min, max] of [
    [2, 2, 15],
    [2, 2, 13],
    [2, 2, 12],
    [2, 2, 10],
    [2, 2, 8],
    [3, 2, 12],
    [3, 3, 12],
    [1, 1, 12],
    [5, 5, 12],
  ] as const) {
    const schedule: PollSchedule = {
      initialDelayMs: initial * 1000,
      minDelayMs: min * 1000,
      maxDelayMs: max * 1000,
      progressEveryMs: 0,
    };
    const replay = (lo: number, hi: number, seed: number) => {
      const pick = seededRandom(seed);
      const jitter = seededRandom(seed + 1);
      return stats(Array.from({ length: samples }, () => scheduleReplay(schedule, lo + pick() * (hi - lo), jitter)));
    };
    rows.push({
      schedule: `${initial} s / ${min} s / ${max} s`,
      create: replay(30_000, 300_000, 11),
      short: replay(3_000, 15_000, 13),
    });
  }
  const terraform = (lo: number, hi: number, seed: number) => {
    const pick = seededRandom(seed);
    return stats(Array.from({ length: samples }, () => terraformReplay(lo + pick() * (hi - lo))));
  };
  rows.push({
    schedule: "Terraform (10 s, then every 10 s)",
    create: terraform(30_000, 300_000, 11),
    short: terraform(3_000, 15_000, 13),
  });
  return rows;
}

export interface MeasuredRun {
  /** Real-time seconds from RUNNING to create returning (measured / time scale). */
  lagS: number;
  gets: number;
  terraformLagS: number;
  terraformGets: number;
}

export interface MeasuredBatch {
  label: string;
  schedule: PollSchedule;
  timeScale: number;
  runs: number;
  wallS: number;
  ours: {
    meanLagS: number;
    p50LagS: number;
    p95LagS: number;
    maxLagS: number;
    meanGets: number;
    /** GETs per create → how many creates needed that many. */
    getsHistogram: Record<string, number>;
  };
  terraform: { meanLagS: number; meanGets: number };
}

/**
 * `runs` creates at once (each its own instance and timeline) through the provider's create, with `schedule`
 * scaled by `timeScale`.
 */
export async function measureBatch(
  label: string,
  schedule: PollSchedule,
  timeScale: number,
  runs: number,
): Promise<MeasuredBatch> {
  const gets = new Map<string, number>();
  const emulator = await startEmulator({
    timeScale,
    log: (line) => {
      const m = /^GET \/v1\/[^/]+\/demanager\/instances\/([^/ ]+) /.exec(line);
      if (m) gets.set(m[1]!, (gets.get(m[1]!) ?? 0) + 1);
    },
  });
  const scaled: PollSchedule = {
    initialDelayMs: Math.round(schedule.initialDelayMs * timeScale),
    minDelayMs: Math.max(1, Math.round(schedule.minDelayMs * timeScale)),
    maxDelayMs: Math.max(1, Math.round(schedule.maxDelayMs * timeScale)),
    progressEveryMs: 10 * 60_000,
  };
  setProviderOverrides({ env: emulatorEnv(emulator, scaled) });
  setProgressSink(() => {});
  const readyAfterMs =
    Math.max(1, Math.round(NOMINAL_SECONDS.creating * 1000 * timeScale)) +
    Math.max(1, Math.round(NOMINAL_SECONDS.starting * 1000 * timeScale));
  const started = Date.now();
  try {
    const results = await Promise.all(
      Array.from({ length: runs }, async (_, i) => {
        const { inputs } = await notebookInstanceProvider.check(
          {},
          {
            name: `wait-${i}`,
            profileId: "Multi-Engine 1.0 (python3)-cpu",
            flavor: "modelarts.vm.cpu.2u",
            storage: { path: `/bench-bucket/wait/${i}/` },
          },
        );
        const created = await notebookInstanceProvider.create(inputs);
        const returnedAt = Date.now();
        const createdAt = Date.parse(created.outs.creationTimestamp);
        const readyAt = createdAt + readyAfterMs;
        // Terraform's wait starts when its POST returns: the instance's creation time, to the millisecond.
        const tf = terraformReplay(readyAfterMs / timeScale);
        return {
          lagS: round((returnedAt - readyAt) / timeScale / 1000),
          gets: gets.get(created.id) ?? 0,
          terraformLagS: round(tf.lagMs / 1000),
          terraformGets: tf.gets,
        };
      }),
    );
    const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const lags = results.map((r) => r.lagS).sort((a, b) => a - b);
    const histogram: Record<string, number> = {};
    for (const r of results) histogram[r.gets] = (histogram[r.gets] ?? 0) + 1;
    return {
      label,
      schedule,
      timeScale,
      runs,
      wallS: round((Date.now() - started) / 1000),
      ours: {
        meanLagS: mean(lags),
        p50LagS: lags[Math.floor(lags.length / 2)]!,
        p95LagS: lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.95))]!,
        maxLagS: lags[lags.length - 1]!,
        meanGets: mean(results.map((r) => r.gets)),
        getsHistogram: histogram,
      },
      terraform: {
        meanLagS: mean(results.map((r) => r.terraformLagS)),
        meanGets: mean(results.map((r) => r.terraformGets)),
      },
    };
  } finally {
    setProgressSink((line) => process.stdout.write(`${line}\n`));
    await emulator.close();
  }
}

export interface WaitingResult {
  before: PollSchedule;
  after: PollSchedule;
  measured: MeasuredBatch[];
  replay: ReplayRow[];
  candidates: ReturnType<typeof candidateTable>;
}

export async function runWaiting(options: {
  scaledRuns: number;
  realTimeRuns: number;
  log: (line: string) => void;
}): Promise<WaitingResult> {
  const after = defaultPollSchedule();
  const measured: MeasuredBatch[] = [];
  for (const [label, schedule] of [
    ["before (0.1.0 default)", SCHEDULE_BEFORE],
    ["after (current default)", after],
  ] as const) {
    const batch = await measureBatch(label, schedule, 0.25, options.scaledRuns);
    options.log(`waiting: ${label} at time scale 0.25: mean lag ${batch.ours.meanLagS} s, ${batch.ours.meanGets} GETs`);
    measured.push(batch);
  }
  if (options.realTimeRuns > 0) {
    const batch = await measureBatch("after (current default), real time", after, 1, options.realTimeRuns);
    options.log(`waiting: real time: mean lag ${batch.ours.meanLagS} s, ${batch.ours.meanGets} GETs`);
    measured.push(batch);
  }
  return {
    before: SCHEDULE_BEFORE,
    after,
    measured,
    replay: replayTable(SCHEDULE_BEFORE, after),
    candidates: candidateTable(),
  };
}
