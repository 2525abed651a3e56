/**
 * `npm run bench:pacing`: prints, as markdown tables, what pacing and status-aware polling change, from deterministic
 * simulations (virtual time, seeded; about ten seconds):
 *
 * 1. Waiting: the status-aware schedule (provider/wait/pollSchedule.ts) against today's backoff and Terraform's
 *    fixed 10 s, replayed over status timelines (devkit/pollReplay.ts): mean and p95 lag from the target
 *    status to the poll that sees it, and GETs.
 * 2. Throttling: the bench's Scale scenario (50 instances, `pulumi up` / `destroy`, time scale 0.25) against a
 *    gateway token bucket like the emulator's (devkit/throttleSimulation.ts), without and with the shared
 *    AdaptiveRateLimiter.
 * 3. Robustness: the same under gateways and timings the emulator does not have.
 * 4. Busy: bench/busy.ts's scenario (20 creates, 5 req/s, each first GET answered "system busy"), with and without
 *    the waits' early looks (provider/wait/SpareLook.ts).
 *
 * Numbers, not assertions: the tests beside the modules assert the targets.
 */
import { compareSchedules, createTimeline, type TimelinePhase } from "../devkit/pollReplay.js";
import { simulate, type SimulationOptions, type SimulationResult } from "../devkit/throttleSimulation.js";
import { INSTANCE_STATUS_TIMINGS } from "../provider/notebookInstance/statusClasses.js";
import { DEFAULT_POLL_SCHEDULE } from "../provider/wait/pollSchedule.js";

const out = (line = "") => process.stdout.write(`${line}\n`);
const s1 = (ms: number) => (ms / 1000).toFixed(1);
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;

const stop = (ms: number): TimelinePhase[] => [
  { status: "STOPPING", at: 0 },
  { status: "STOPPED", at: ms },
];

const WAITS: { label: string; draw: (r: () => number) => TimelinePhase[] }[] = [
  { label: "create 40 s (the emulator: 30 s CREATING + 10 s STARTING)", draw: () => createTimeline(30_000) },
  { label: "create 30-60 s (CPU)", draw: (r) => createTimeline(20_000 + r() * 30_000) },
  { label: "create 60-300 s (GPU)", draw: (r) => createTimeline(50_000 + r() * 240_000) },
  { label: "**create 30-300 s (the target)**", draw: (r) => createTimeline(20_000 + r() * 270_000) },
  { label: "create 300-1200 s", draw: (r) => createTimeline(290_000 + r() * 900_000) },
  {
    label: "free flavor: queue 3 x 10 s, then 40 s",
    draw: () => [
      { status: "CREATE_QUEUING", at: 0, queue: { rank: 3, remainTimeMs: 30_000 } },
      { status: "CREATING", at: 30_000 },
      { status: "STARTING", at: 60_000 },
      { status: "RUNNING", at: 70_000 },
    ],
  },
  {
    label: "create 30-300 s, STARTING 5 s (table says 10)",
    draw: (r) => createTimeline(25_000 + r() * 270_000, 5_000),
  },
  {
    label: "create 30-300 s, STARTING 20 s (table says 10)",
    draw: (r) => createTimeline(10_000 + r() * 270_000, 20_000),
  },
  { label: "stop 5 s (the emulator)", draw: () => stop(5_000) },
  { label: "stop, delete 3-15 s", draw: (r) => stop(3_000 + r() * 12_000) },
];

function waiting(): void {
  out("## Waiting: lag after the target status, and GETs per wait");
  out();
  out("5 000 seeded draws per row; polls take no time. Lag: mean (p95), seconds.");
  out();
  out("| wait | status-aware | today (2 s, then 2-12 s jittered) | Terraform (10 s, then every 10 s) |");
  out("| --- | --- | --- | --- |");
  for (const { label, draw } of WAITS) {
    const row = compareSchedules(label, draw, { ...DEFAULT_POLL_SCHEDULE, timings: INSTANCE_STATUS_TIMINGS });
    const cell = (c: typeof row.terraform) =>
      `${c.meanLagS.toFixed(2)} s (${c.p95LagS.toFixed(1)}), ${c.meanGets} GETs`;
    out(`| ${label} | ${cell(row.statusAware)} | ${cell(row.current)} | ${cell(row.terraform)} |`);
  }
  out();
}

type Variant = {
  label: string;
  options: Pick<SimulationOptions, "limiter" | "polling" | "readBeforeDestroy" | "limiterOptions">;
};
const NO_GUARD = { coldStartWindow: 0 };
const VARIANTS: Variant[] = [
  {
    label: "before (no limiter, backoff polling)",
    options: { limiter: "none", polling: "current", readBeforeDestroy: true },
  },
  {
    label: "limiter, backoff polling",
    options: { limiter: "adaptive", polling: "current", readBeforeDestroy: true, limiterOptions: NO_GUARD },
  },
  {
    label: "limiter + status-aware polling",
    options: { limiter: "adaptive", polling: "statusAware", readBeforeDestroy: true, limiterOptions: NO_GUARD },
  },
  {
    label: "after: + cold-start guard, no read before the stop",
    options: { limiter: "adaptive", polling: "statusAware" },
  },
];

function cells(r: SimulationResult): string {
  return [
    `${s1(r.wallMs)} s`,
    `${s1(r.floorMs)} s / ${s1(r.benchFloorMs)} s`,
    `${(r.wallMs / r.floorMs).toFixed(2)}x / ${(r.wallMs / r.benchFloorMs).toFixed(2)}x`,
    String(r.requests),
    `${r.throttled} (${pct(r.throttled / r.requests)})`,
    r.acceptedPerInstance.toFixed(2),
  ].join(" | ");
}

function header(first: string[]): void {
  const columns = [...first, "wall", "floor: own / bench", "wall / floor", "requests", "429s", "accepted per instance"];
  out(`| ${columns.join(" | ")} |`);
  out(`|${" --- |".repeat(columns.length)}`);
}

async function throttling(): Promise<void> {
  out("## Throttling: 50 instances at once, time scale 0.25");
  out();
  out(
    "Floor, own: no client can be faster (lifecycle; minimum requests less the burst, at the rate; and for up, the " +
      "last create accepted at (50 - burst) / rate plus one create's lifecycle). Bench: bench/scale.ts's floor " +
      "(lifecycle, 2 / 4 requests per instance at the rate, and for up the pipelining bound too). Destroy sent 5 per " +
      "instance while it read the status first, 4 (the minimum) since. Seed 1; the tests check seeds 1-3.",
  );
  out();
  header(["gateway", "command", "client"]);
  for (const rate of [undefined, 10, 5, 2]) {
    for (const command of ["up", "destroy"] as const) {
      for (const variant of VARIANTS) {
        const r = await simulate({
          command,
          instances: 50,
          timeScale: 0.25,
          ...(rate ? { rateLimit: { requestsPerSecond: rate, burst: rate } } : {}),
          ...variant.options,
        });
        out(`| ${rate ? `${rate} req/s` : "no limit"} | ${command} | ${variant.label} | ${cells(r)} |`);
      }
    }
  }
  out();
}

async function robustness(): Promise<void> {
  out("## Robustness: gateways and timings the emulator does not have (5 req/s unless said)");
  out();
  const scenarios: { label: string; options: Partial<SimulationOptions> }[] = [
    { label: "the emulator (burst = rate, 2-6 ms round trip, calls over 300 ms)", options: {} },
    { label: "all 50 calls at the same instant", options: { arrivalSpreadMs: 0 } },
    {
      label: "the real provider host: calls over 1 s, no answer handled before 1 s",
      options: { arrivalSpreadMs: 1_000, answersHeldUntilMs: 1_000 },
    },
    { label: "round trip 50-150 ms", options: { roundTripMs: [50, 150] } },
    { label: "gateway burst 1 (no burst)", options: { rateLimit: { requestsPerSecond: 5, burst: 1 } } },
    { label: "gateway burst 10 (2 s)", options: { rateLimit: { requestsPerSecond: 5, burst: 10 } } },
    { label: "200 instances", options: { instances: 200 } },
  ];
  header(["scenario", "command", "client"]);
  for (const { label, options } of scenarios) {
    for (const command of ["up", "destroy"] as const) {
      for (const variant of [VARIANTS[0]!, VARIANTS[3]!]) {
        const r = await simulate({
          command,
          instances: 50,
          timeScale: 0.25,
          rateLimit: { requestsPerSecond: 5, burst: 5 },
          ...variant.options,
          ...options,
        });
        out(`| ${label} | ${command} | ${variant.label} | ${cells(r)} |`);
      }
    }
  }
  out();
}

async function busy(): Promise<void> {
  out("## Busy: 20 creates at 5 req/s, each instance's first GET answered busy (Retry-After 1)");
  out();
  out(
    "The real provider host's first second (calls over 1 s, no answer handled before 1 s). Early looks: while " +
      "pacing, each wait's one GET sent only with spare quota (provider/wait/SpareLook.ts). Seed 1.",
  );
  out();
  header(["scenario", "early looks"]);
  const scenarios = [
    { label: "busy answers", options: { busyFirstGetRetryAfterS: 1 } },
    { label: "gateway only", options: {} },
  ];
  for (const { label, options } of scenarios) {
    for (const spareLooks of [false, true]) {
      const r = await simulate({
        command: "up",
        instances: 20,
        timeScale: 0.25,
        rateLimit: { requestsPerSecond: 5, burst: 5 },
        limiter: "adaptive",
        polling: "statusAware",
        arrivalSpreadMs: 1_000,
        answersHeldUntilMs: 1_000,
        spareLooks,
        ...options,
      });
      const looks = spareLooks ? `${r.spareLooks.sent} sent, ${r.spareLooks.refused} refused` : "off";
      out(`| ${label} | ${looks} | ${cells(r)} |`);
    }
  }
  out();
}

async function main(): Promise<void> {
  waiting();
  await throttling();
  await robustness();
  await busy();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
