/** Renders bench/results/report.json as report.md: every figure next to the command that produced it. */
import type { RateLimitOptions } from "../emulator/index.js";
import { BUSY_SETTINGS, BUSY_TARGETS, refusedByGateway, refusedShare, type BusyResult } from "./busy.js";
import type { FaultsResult } from "./faults.js";
import type { HostileResult } from "./hostile.js";
import type { ResourceKind } from "./lib/inventory.js";
import type { NativeResult, NativeStep } from "./native.js";
import type { OverheadResult } from "./overhead.js";
import { describeRun, floorsFor, type PhaseResult, type ScaleResult } from "./scale.js";
import { PROVIDER_BYTES_LIMIT, type StateResourceName, type StateResult } from "./state.js";
import type { MeasuredBatch, Stats, WaitingResult } from "./waiting.js";

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

interface Before01Phase {
  command: string;
  wallMs: number;
  requests: { total: number; throttled429: number };
}

/** The issue's targets ("Polite under throttling"). */
export const TARGETS = {
  wallOverFloor: 1.3,
  throttledShare: 0.1,
  acceptedOverMinimum: 1.5,
  /** A limiter never hit costs nothing measurable: pacing on within this of pacing off (medians), without a limit. */
  unthrottledCost: 0.03,
  /** Mean lag at most this share of Terraform's, with no more GETs. */
  lagShareOfTerraform: 0.5,
};

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`),
  ].join("\n");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const yes = (ok: boolean | undefined) => (ok === undefined ? "–" : ok ? "yes" : "**no**");

function runsOf(report: Report, resource: ResourceKind, rate: number | undefined, pacing: boolean): ScaleResult[] {
  return (report.scale ?? []).filter(
    (r) => r.resource === resource && r.rateLimit?.requestsPerSecond === rate && r.pacing === pacing,
  );
}

/** The run whose wall time (up + destroy) is the median of its repeats. */
function medianRun(runs: ScaleResult[]): ScaleResult | undefined {
  if (runs.length === 0) return undefined;
  const sorted = [...runs].sort((a, b) => a.up.wallMs + a.destroy.wallMs - (b.up.wallMs + b.destroy.wallMs));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const throttledShare = (p: { requests: { total: number; throttled429: number } }) =>
  p.requests.throttled429 / Math.max(1, p.requests.total);

interface Check {
  what: string;
  target: string;
  before: string;
  off: string;
  after: string;
  met?: boolean;
  command: string;
}

const SCALE_COMMAND = "`npm run bench -- scale`";

function scaleChecks(report: Report, before?: Before): Check[] {
  const checks: Check[] = [];
  const s = report.settings;
  for (const resource of s.resources) {
    for (const limit of s.rateLimits) {
      if (!limit) continue;
      const rate = limit.requestsPerSecond;
      const on = medianRun(runsOf(report, resource, rate, true));
      const off = medianRun(runsOf(report, resource, rate, false));
      const old =
        resource === "NotebookInstance" ? before?.scale.find((b) => b.rateLimit.requestsPerSecond === rate) : undefined;
      const label = `${resource}, ${rate} req/s`;
      for (const phase of ["up", "destroy"] as const) {
        const floor = floorsFor(resource, phase, s.count, s.timeScale, limit).floorMs;
        const ratio = (p?: { wallMs: number }) => (p ? `${sec(p.wallMs)} = ${(p.wallMs / floor).toFixed(2)}x` : "–");
        checks.push({
          what: `${label}: \`pulumi ${phase}\` wall time / floor (${sec(floor)})`,
          target: `≤ ${TARGETS.wallOverFloor}x`,
          before: ratio(old?.[phase]),
          off: ratio(off?.[phase]),
          after: ratio(on?.[phase]),
          ...(on && { met: on[phase].exitCode === 0 && on[phase].wallMs / floor <= TARGETS.wallOverFloor }),
          command: old ? `${SCALE_COMMAND}; before: 0.1 report` : SCALE_COMMAND,
        });
      }
      const share = (r?: { up: Before01Phase | PhaseResult; destroy: Before01Phase | PhaseResult }) =>
        r ? `up ${pct(throttledShare(r.up))}, destroy ${pct(throttledShare(r.destroy))}` : "–";
      checks.push({
        what: `${label}: 429s / all requests`,
        target: `≤ ${TARGETS.throttledShare * 100}%`,
        before: share(old),
        off: share(off),
        after: share(on),
        ...(on && {
          met: throttledShare(on.up) <= TARGETS.throttledShare && throttledShare(on.destroy) <= TARGETS.throttledShare,
        }),
        command: old ? `${SCALE_COMMAND}; before: 0.1 report` : SCALE_COMMAND,
      });
      const accepted = (r: { up: Before01Phase | PhaseResult; destroy: Before01Phase | PhaseResult } | undefined) => {
        if (!r) return "–";
        const min = (phase: "up" | "destroy") =>
          Object.values(MINIMUM(resource, phase)).reduce((a: number, b: number) => a + b, 0);
        const per = (p: Before01Phase | PhaseResult, phase: "up" | "destroy") =>
          (p.requests.total - p.requests.throttled429) / s.count / min(phase);
        return `up ${per(r.up, "up").toFixed(2)}x, destroy ${per(r.destroy, "destroy").toFixed(2)}x`;
      };
      checks.push({
        what: `${label}: requests not throttled, per instance / minimum`,
        target: `≤ ${TARGETS.acceptedOverMinimum}x`,
        before: accepted(old),
        off: accepted(off),
        after: accepted(on),
        ...(on && {
          met:
            on.up.acceptedPerInstance / on.up.minimumPerInstance <= TARGETS.acceptedOverMinimum &&
            on.destroy.acceptedPerInstance / on.destroy.minimumPerInstance <= TARGETS.acceptedOverMinimum,
        }),
        command: old ? `${SCALE_COMMAND}; before: 0.1 report` : SCALE_COMMAND,
      });
    }
    const on = runsOf(report, resource, undefined, true);
    const off = runsOf(report, resource, undefined, false);
    if (on.length && off.length) {
      for (const phase of ["up", "destroy"] as const) {
        const m = (runs: ScaleResult[]) => median(runs.map((r) => r[phase].wallMs));
        const cost = m(on) / m(off) - 1;
        const spread = (runs: ScaleResult[]) =>
          `${sec(m(runs))} (${runs.map((r) => (r[phase].wallMs / 1000).toFixed(1)).join(", ")})`;
        checks.push({
          what: `${resource}, no limit: \`pulumi ${phase}\`, median of ${on.length}`,
          target: `pacing on ≤ off + ${TARGETS.unthrottledCost * 100}%`,
          before: "–",
          off: spread(off),
          after: `${spread(on)}: ${cost >= 0 ? "+" : ""}${(cost * 100).toFixed(1)}%`,
          met: cost <= TARGETS.unthrottledCost,
          command: SCALE_COMMAND,
        });
      }
    }
  }
  return checks;
}

function MINIMUM(resource: ResourceKind, phase: "up" | "destroy"): Record<string, number> {
  // Kept here as well as in scale.ts so the 0.1 runs (which predate the field) get the same minimum.
  const table: Record<ResourceKind, { up: Record<string, number>; destroy: Record<string, number> }> = {
    NotebookInstance: {
      up: { "POST create": 1, "GET instance": 1 },
      destroy: { "POST action": 1, "GET instance": 2, "DELETE instance": 1 },
    },
    Notebook: {
      up: { "POST create": 1, "POST tags": 1, "GET notebook": 1 },
      destroy: { "DELETE notebook": 1, "GET notebook": 1 },
    },
  };
  return table[resource][phase];
}

const BUSY_COMMAND = "`npm run bench -- busy`";

function busyChecks(report: Report): Check[] {
  const checks: Check[] = [];
  for (const { scenario, run } of report.busy ?? []) {
    const label = `${run.resource}, ${run.count} at ${run.rateLimit?.requestsPerSecond} req/s, ${scenario === "busy" ? `${BUSY_SETTINGS.busyAnswers} busy answers` : "gateway only"}`;
    if (scenario === "busy") {
      const up = run.up;
      checks.push({
        what: `${label}: \`pulumi up\` wall time / floor (${sec(up.floors.floorMs)})`,
        target: `≤ ${BUSY_TARGETS.upOverFloor}x`,
        before: "–",
        off: "–",
        after: `${sec(up.wallMs)} = ${(up.wallMs / up.floors.floorMs).toFixed(2)}x`,
        met: up.exitCode === 0 && up.wallMs / up.floors.floorMs <= BUSY_TARGETS.upOverFloor,
        command: BUSY_COMMAND,
      });
    }
    const share = (p: PhaseResult) => `${pct(refusedShare(p))} (${refusedByGateway(p)} of ${p.requests.total})`;
    checks.push({
      what: `${label}: requests the gateway refused / all requests`,
      target: `≤ ${BUSY_TARGETS.refusedShare * 100}%`,
      before: "–",
      off: "–",
      after: `up ${share(run.up)}, destroy ${share(run.destroy)}`,
      met:
        run.up.exitCode === 0 &&
        run.destroy.exitCode === 0 &&
        refusedShare(run.up) <= BUSY_TARGETS.refusedShare &&
        refusedShare(run.destroy) <= BUSY_TARGETS.refusedShare,
      command: BUSY_COMMAND,
    });
  }
  return checks;
}

function waitingChecks(report: Report): Check[] {
  const w = report.waiting;
  if (!w) return [];
  const checks: Check[] = [];
  const target = (x: { statusAware?: Stats; ours?: Stats; terraform: Stats }) => {
    const ours = x.statusAware ?? x.ours!;
    return ours.meanLagS <= TARGETS.lagShareOfTerraform * x.terraform.meanLagS && ours.meanGets <= x.terraform.meanGets;
  };
  const cell = (st: Stats) => `${st.meanLagS} s, ${st.meanGets} GETs`;
  const sim = w.replay.filter((r) => r.wait.includes("(the target"));
  for (const r of sim) {
    checks.push({
      what: `${r.wait.replace(/\*\*/g, "")}: mean lag after RUNNING, GETs (simulated)`,
      target: `lag ≤ ${TARGETS.lagShareOfTerraform} x Terraform's (${r.terraform.meanLagS} s), GETs ≤ Terraform's (${r.terraform.meanGets})`,
      before: cell(r.before),
      off: "–",
      after: cell(r.statusAware),
      met: target(r),
      command: "`npm run bench -- waiting` (replay, devkit/pollReplay.ts)",
    });
  }
  for (const b of w.measured.filter((m) => m.timeline.startsWith("30-300"))) {
    checks.push({
      what: `${b.resource}: create ${b.timeline}, ${b.runs} on the emulator: mean lag, GETs (measured)`,
      target: `lag ≤ ${TARGETS.lagShareOfTerraform} x Terraform's (${b.terraform.meanLagS} s), GETs ≤ Terraform's (${b.terraform.meanGets})`,
      before: cell(b.before),
      off: "–",
      after: cell(b.ours),
      met: target(b),
      command: "`npm run bench -- waiting`",
    });
  }
  return checks;
}

function otherChecks(report: Report): Check[] {
  const checks: Check[] = [];
  for (const f of report.faults ?? []) {
    const s = f.summary;
    checks.push({
      what: `${f.resource}: faults (duplicates / untracked / left after destroy / hangs)`,
      target: "0 / 0 / 0 / 0",
      before: f.resource === "NotebookInstance" ? "0 / 0 / 0 / 0" : "–",
      off: "–",
      after: `${s.duplicates} / ${s.untrackedAfterAnyStep} / ${s.leftAfterDestroy} / ${s.hangs}`,
      met: s.duplicates + s.untrackedAfterAnyStep + s.leftAfterDestroy + s.hangs === 0 && s.converged,
      command: "`npm run bench -- faults`",
    });
  }
  const h = report.hostile;
  if (h) {
    checks.push({
      what: "Hostile answers, both resources (forgotten / foreign touched / secrets found)",
      target: "0 / 0 / 0",
      before: "–",
      off: "–",
      after: `${h.tally.forgotten} / ${h.tally.foreignTouched} / ${h.tally.secretsFound} (${h.tests})`,
      met: h.exitCode === 0 && h.tally.forgotten + h.tally.foreignTouched + h.tally.secretsFound === 0,
      command: "`npm run bench -- hostile`",
    });
  }
  return checks;
}

function stateChecks(report: Report, before?: Before): Check[] {
  const st = report.state;
  if (!st) return [];
  const checks: Check[] = [];
  for (const [name, r] of Object.entries(st.resources) as [
    StateResourceName,
    NonNullable<StateResult["resources"][StateResourceName]>,
  ][]) {
    checks.push({
      what: `${name}: \`__provider\` per copy (x ${r.providerCopies} in each state entry)`,
      target: `< ${PROVIDER_BYTES_LIMIT} B`,
      before: name === "NotebookInstance" && before?.state ? `${before.state.notebook.providerBytes} B` : "–",
      off: "–",
      after: `${r.providerBytes} B`,
      met: r.providerBytes < PROVIDER_BYTES_LIMIT,
      command: "`npm run bench -- state` (`pulumi stack export`)",
    });
  }
  return checks;
}

/**
 * Why a target is not met, where the provider cannot do better or chose not to: written by hand from the numbers
 * and the analysis in this report, keyed by a pattern of the check's "what".
 */
export const SHORTFALL_REASONS: { match: RegExp; why: string }[] = [
  {
    match: /20 busy answers: `pulumi up` wall time/,
    why:
      "Measured while other sessions' tests ran on the machine (load 8-12 on 2 CPUs, in the table): the CLI's own " +
      "start-up took 8-11 s before the provider's first request (3-4 s at rest, Scale), most of the floor. From the " +
      "first request to the last the runs took 1.25x (Notebook) and 1.62x (NotebookInstance) their floors, the " +
      "gateway-only runs 1.19x and 1.11x. What the busy answers cost the NotebookInstance run: half of the answers " +
      "of its polling phase (17-32 s: each instance's first GET and its retry) were busy, so pacing held the rate " +
      "30% under the rate it had (the most an episode takes), and re-anchored once after 10 s; the simulation of the " +
      "same run (devkit/throttleSimulation.ts, no CLI, no load) is 1.42x. A smaller cut would leave a gateway that " +
      "refuses as much for good refusing longer (provider/api/AdaptiveRateLimiter.ts).",
  },
  {
    match: /NotebookInstance, 20 at 5 req\/s, gateway only: requests the gateway refused/,
    why:
      "4 of the 6 came in the first 2 s: what the cold-start guard (3 requests out without an answer) had in " +
      "flight when the gateway's burst ran out, and the first paced second at 0.9 x what the gateway took in the " +
      "second before (its burst included); 2 later. 20 creates make only 53 requests, so 6 is 11%; the Notebook " +
      "run, 66 requests, 7.6%.",
  },
  {
    match: /10 req\/s: `pulumi up` wall time/,
    why:
      "The floor starts at the provider's first request, the wall time at the CLI's start: the first request goes " +
      "out 3.8-4.3 s into the command (the CLI, the language host, the program registering 50 resources, the " +
      "provider host and 50 checks; the no-op stack's whole `pulumi up` takes 2.9 s). Without the CLI's own " +
      "time (the column under Scale) the run is 1.19x (NotebookInstance) and 1.22x (Notebook) its floor; from the " +
      "first request to the end, 1.09x and 1.15x. What is left to the provider is pacing: the last create was " +
      "accepted 5.1 s (NotebookInstance) and 7.5 s (Notebook) after the first request against the bound's 4 s, " +
      "with 2.6% and 3.2% of the requests refused. The second before the first request that the no-op stack does " +
      "not have is spent in the program, in @pulumi/pulumi: it wraps every registered property of every resource " +
      "in a promise that records `new Error().stack`, which ts-node's source-map support makes slow; 50 resources " +
      "of 29 registered properties each took 0.7-1.2 s to construct, 0.2 s with `Error.stackTraceLimit = 1` (an " +
      "experiment, not shipped: it would also cut the source positions Pulumi records). Every output must be " +
      "registered to exist (pulumi/pulumi#5174), so the provider cannot shed them.",
  },
];

function headline(report: Report, before?: Before): string[] {
  const checks = [
    ...scaleChecks(report, before),
    ...busyChecks(report),
    ...waitingChecks(report),
    ...otherChecks(report),
    ...stateChecks(report, before),
  ];
  if (checks.length === 0) return [];
  const out = [
    "## Before and after",
    "",
    `Targets of "Polite under throttling" and the related issues. **0.1** is the committed report of pulumi-modelarts ` +
      `0.1.0 (${before ? code("bench/results/before-0.1.json") : "not found"}, NotebookInstance only). **Pacing off** ` +
      "is this code with `MODELARTS_RATE_LIMIT=off` (the same run, the limiter never paces): what the pacing adds. " +
      "**After** is this code as shipped. Floors are defined under Scale; a wall time also holds the CLI's own " +
      "start-up (Overhead), which no provider can remove.",
    "",
    table(
      ["what", "target", "0.1", "pacing off", "after", "met", "measured by"],
      checks.map((c) => [c.what, c.target, c.before, c.off, c.after, yes(c.met), c.command]),
    ),
    "",
  ];
  const missed = checks.filter((c) => c.met === false);
  out.push("### What did not meet the target, and why", "");
  if (missed.length === 0) out.push("Every target above is met.", "");
  for (const c of missed) {
    const reason = SHORTFALL_REASONS.find((r) => r.match.test(c.what))?.why ?? "(not analysed)";
    out.push(`- **${c.what}**: ${c.after} (target ${c.target}). ${reason}`);
  }
  if (missed.length) out.push("");
  return out;
}

function perInstance(phase: PhaseResult): string {
  return Object.entries(phase.perInstance)
    .map(([route, v]) => `${route} ${v.measured}${v.minimum ? ` (min ${v.minimum})` : ""}`)
    .join("; ");
}

function scaleSection(report: Report): string[] {
  const runs = report.scale;
  if (!runs?.length) return [];
  const s = report.settings;
  const trivialUp = report.overhead?.trivialUp.medianMs;
  const trivialDestroy = report.overhead?.trivialDestroy.medianMs;
  const out = [
    `## Scale: ${s.count} notebooks, \`pulumi up\` then \`pulumi destroy\``,
    "",
    "Command: `npm run bench -- scale` (a subset: `--resource=NotebookInstance|Notebook`, `--rate=none,10,5`, " +
      "`--pacing=on,off`, `--repeats=N`), which runs, for each resource, rate limit and pacing mode, against a fresh " +
      `emulator (\`startEmulator({ timeScale: ${s.timeScale}, rateLimit })\`, poll schedule scaled by ${s.timeScale}) a ` +
      `local-backend stack of \`bench/programs/notebooks\` (${s.count} \`NotebookInstance\`s or \`Notebook\`s with ` +
      "generated names, auto-stop on, credentials from the environment); pacing off is `MODELARTS_RATE_LIMIT=off` " +
      `in the provider host's environment. Without a limit, pacing on and off run interleaved, ${s.unthrottledRepeats} ` +
      "times each:",
    "",
    `- ${code(runs[0]!.up.command)}, then ${code(runs[0]!.destroy.command)};`,
    "- requests: the emulator's own counts (`GET /_admin/requests`, by route and status), reset between the two; " +
      "timings from its request log;",
    "- peak memory: VmHWM (the kernel's RSS high-water mark) of the `node …/cmd/dynamic-provider` process, " +
      "read from /proc every 200 ms while the command runs; load: the 1-minute load average before the command " +
      `(${report.meta.cpus} CPUs, shared: above ${report.meta.cpus} the CPUs were contended and wall times suffer).`,
    "",
  ];
  const cliOwn = (phase: "up" | "destroy") => (phase === "up" ? trivialUp : trivialDestroy);
  const rows: (string | number)[][] = [];
  const ordered = [...runs].sort(
    (a, b) =>
      a.resource.localeCompare(b.resource) ||
      (b.rateLimit?.requestsPerSecond ?? 1e9) - (a.rateLimit?.requestsPerSecond ?? 1e9) ||
      Number(b.pacing) - Number(a.pacing),
  );
  for (const run of ordered) {
    for (const [name, phase] of [
      ["up", run.up],
      ["destroy", run.destroy],
    ] as const) {
      const f = phase.floors;
      rows.push([
        `${describeRun(run)}: ${name}`,
        phase.exitCode === 0 ? "0" : `**${phase.exitCode}**${phase.timedOut ? " (timed out)" : ""}`,
        sec(phase.wallMs),
        `**${sec(f.floorMs)}** (${sec(f.lifecycleMs)} / ${sec(f.throughputMs)} / ${name === "up" ? sec(f.pipelineMs) : "–"})`,
        `${(phase.wallMs / f.floorMs).toFixed(2)}x`,
        cliOwn(name) === undefined ? "–" : `${((phase.wallMs - cliOwn(name)!) / f.floorMs).toFixed(2)}x`,
        phase.requests.total,
        `${phase.requests.throttled429} (${pct(throttledShare(phase))}; ${phase.throttledEarly} in the first 2 s)`,
        `${phase.acceptedPerInstance} / ${phase.minimumPerInstance} = ${(phase.acceptedPerInstance / phase.minimumPerInstance).toFixed(2)}x`,
        perInstance(phase),
        phase.longest429Streak,
        phase.firstRequestAtMs !== undefined ? sec(phase.firstRequestAtMs) : "–",
        name === "up" && phase.lastCreateAcceptedAtMs !== undefined ? sec(phase.lastCreateAcceptedAtMs) : "–",
        phase.providerHosts.map((p) => `${p.peakRssMb} MB`).join(", "),
        run.loadBefore[name],
        name === "up"
          ? `${phase.inventoryAfter.instances} (${JSON.stringify(phase.inventoryAfter.byStatus)})`
          : phase.inventoryAfter.instances,
      ]);
    }
  }
  out.push(
    table(
      [
        "run",
        "exit",
        "wall time",
        "floor (lifecycle / throughput / pipeline)",
        "wall / floor",
        "(wall − the CLI's own) / floor",
        "API requests",
        "429s",
        "not throttled per instance / minimum",
        "requests per instance by route",
        "longest 429 run of one call",
        "first request at",
        "last create accepted at",
        "provider host peak RSS",
        "load",
        "instances after",
      ],
      rows,
    ),
    "",
    "How to read it:",
    "",
    `- **Floor**: what no client can beat, the largest of three bounds (\`floorsFor\` in bench/scale.ts). ` +
      `*Lifecycle*: the emulator's own time with every instance at once (\`--parallel ${s.parallel}\`): NotebookInstance ` +
      `up = (30 s CREATING + 10 s STARTING) x ${s.timeScale}, destroy = (5 s STOPPING + 5 s DELETING) x ${s.timeScale}; ` +
      `Notebook up = 30 s CREATING x ${s.timeScale}, destroy = 5 s DELETING x ${s.timeScale} (a running notebook may be ` +
      "deleted). *Throughput*: the minimum requests (below) of all instances, less the gateway's burst, at its rate. " +
      "*Pipeline* (up): the N-th create cannot be accepted before (N − burst) / rate, and then takes a whole create: " +
      "at 10 req/s the 50th NotebookInstance is accepted at 4 s at the earliest and RUNNING at 14 s, which the " +
      "0.1 report's floor (10 s) left out. The floor leaves out the CLI's own cost: `pulumi up` / `destroy` of " +
      `${s.count} no-op dynamic resources take ${trivialUp === undefined ? "(run the overhead section)" : sec(trivialUp)} / ` +
      `${trivialDestroy === undefined ? "–" : sec(trivialDestroy)} here (Overhead): "(wall − the CLI's own) / floor" ` +
      'takes them off, and "first request at" shows how long the CLI and the provider host took before the ' +
      "provider's first request.",
    "- **Minimum requests per instance**: NotebookInstance up = 1 POST + 1 GET that sees RUNNING (the POST " +
      "answers CREATING); destroy = 1 stop action (a RUNNING instance cannot be deleted, ModelArts.6304) + 1 GET " +
      "that sees STOPPED (a DELETE while STOPPING fails) + 1 DELETE + 1 GET that sees it gone (deletion is " +
      "asynchronous). Notebook up = 1 POST + 1 owner-tag POST (the create body carries no tags: without the mark an " +
      "interrupted run's notebook cannot be told from a namesake) + 1 GET that sees RUNNING; destroy = 1 DELETE + " +
      "1 GET that sees it gone. The creates' one shared listing (the look-up for an interrupted run's leftovers) " +
      "is not in the minimum. Everything else is polling while the instance changes state (see Waiting) and 429s; " +
      '"not throttled" counts every answer but a 429 (a 400 such as "already stopped" included).',
    `- **Retries**: a 429 is a retry. The emulator answers \`Retry-After\` in whole seconds (at least 1 s, not ` +
      "scaled). With pacing on, the provider's one limiter holds every request for it and paces after it " +
      "(provider/api/AdaptiveRateLimiter.ts); with pacing off each call sleeps it out alone, plus jitter. " +
      `With the poll schedule scaled by ${s.timeScale}, a limit of R req/s here throttles like about ` +
      `R x ${s.timeScale} req/s would for the same stack at real time.`,
    "",
  );
  return out;
}

/**
 * The same section on main 455aa10, before pacing met busy answers in proportion (written by hand: that code is
 * gone). Its busy answers came before the gateway and took none of its tokens, so its floor left them out.
 */
const BUSY_BEFORE =
  "Before (main 455aa10, this section with the busy answers answered before the gateway, so the floor left them " +
  "out; load 3.6-5.5): busy answers, `pulumi up`: NotebookInstance 73.8 s = 5.68x its 13.0 s floor, Notebook " +
  "75.9 s = 6.90x its 11.0 s floor, every busy answer pausing everyone for a second and cutting the rate by 0.7, " +
  "down to 0.5 req/s; gateway only, refused by the gateway: NotebookInstance up 4.5% (2 of 44), destroy 7.0% (6 of " +
  "86), Notebook up 3.2% (2 of 63), destroy 13.0% (6 of 46: five at the cold start).";

function busySection(report: Report): string[] {
  const runs = report.busy;
  if (!runs?.length) return [];
  const s = report.settings;
  const rate = BUSY_SETTINGS.rateLimit;
  const rows = runs.flatMap(({ scenario, run }) =>
    (["up", "destroy"] as const).map((name) => {
      const phase = run[name];
      const f = phase.floors;
      return [
        `${run.resource}, ${scenario === "busy" ? "busy answers" : "gateway only"}: ${name}`,
        phase.exitCode === 0 ? "0" : `**${phase.exitCode}**${phase.timedOut ? " (timed out)" : ""}`,
        sec(phase.wallMs),
        sec(f.floorMs),
        `${(phase.wallMs / f.floorMs).toFixed(2)}x`,
        phase.firstRequestAtMs !== undefined && phase.lastRequestAtMs !== undefined
          ? `${sec(phase.firstRequestAtMs)}; ${((phase.lastRequestAtMs - phase.firstRequestAtMs) / f.floorMs).toFixed(2)}x`
          : "–",
        phase.requests.total,
        `${refusedByGateway(phase)} (${pct(refusedShare(phase))}; ${phase.throttledEarly} 429s in the first 2 s)`,
        phase.injectedFaults ?? 0,
        `${phase.acceptedPerInstance} / ${phase.minimumPerInstance}`,
        perInstance(phase),
        name === "up" && phase.lastCreateAcceptedAtMs !== undefined ? sec(phase.lastCreateAcceptedAtMs) : "–",
        run.loadBefore[name],
      ];
    }),
  );
  return [
    `## Busy: ${BUSY_SETTINGS.count} creates behind a ${rate.requestsPerSecond} req/s gateway, with and without busy answers`,
    "",
    `Command: ${BUSY_COMMAND} (a subset: \`--resource=NotebookInstance|Notebook\`), which runs the Scale stack with ` +
      `${BUSY_SETTINGS.count} instances against a fresh emulator (\`rateLimit: { requestsPerSecond: ` +
      `${rate.requestsPerSecond}, burst: ${rate.burst} }\`, time scale ${s.timeScale}), pacing on, twice: **gateway ` +
      "only**, and **busy answers**, where the service also answers each instance's first GET `429 ModelArts.6101 " +
      `"The system is busy now"\` with \`Retry-After: ${BUSY_SETTINGS.retryAfterSeconds}\` (an emulator fault, ` +
      `\`firstPerPath\`, \`behindGateway\`, armed for the up: ${BUSY_SETTINGS.busyAnswers} answers spread over the run ` +
      "as the creates reach their first poll; each passed the gateway and took one of its tokens, as a busy answer " +
      "from the service behind APIG would). The gateway's own refusals are the same answer with the same code, so " +
      "the client cannot tell the two apart. Targets: `pulumi up` with the busy answers within " +
      `${BUSY_TARGETS.upOverFloor}x its floor, and at most ${BUSY_TARGETS.refusedShare * 100}% of the requests refused ` +
      "by the gateway in every run (the busy answers are counted apart: the service chose to give them). The floor is " +
      "Scale's, with the busy answers counted among the requests the gateway must carry (no client avoids them); the " +
      "wall time holds the CLI's own start-up.",
    "",
    BUSY_BEFORE,
    "",
    table(
      [
        "run",
        "exit",
        "wall time",
        "floor",
        "wall / floor",
        "first request at; (last − first request) / floor",
        "API requests",
        "refused by the gateway",
        "busy answers",
        "not throttled per instance / minimum",
        "requests per instance by route",
        "last create accepted at",
        "load",
      ],
      rows,
    ),
    "",
  ];
}

function faultsSection(report: Report): string[] {
  const all = report.faults;
  if (!all?.length) return [];
  const out = [
    "## Faults: the same stack on a bad day of the API",
    "",
    "Command: `npm run bench -- faults` (`--resource=` for one): the 50-notebook stack of each resource against " +
      `\`startEmulator({ timeScale: ${report.settings.timeScale} })\` with faults armed through its admin API ` +
      "(`POST /_admin/faults`, `POST /_admin/create-failures`, `POST /_admin/notebook-create-failures`) before a " +
      `step and cleared after it; every CLI run is killed after ${sec(report.settings.cliTimeoutMs)} (that would be a hang).`,
    "",
    table(
      ["result", ...all.map((f) => f.resource), "required"],
      [
        [
          "duplicates (two instances with one name, or two for one Pulumi resource)",
          ...all.map((f) => f.summary.duplicates),
          "0",
        ],
        [
          "instances not recorded in the state, after any step",
          ...all.map((f) => f.summary.untrackedAfterAnyStep),
          "0",
        ],
        ["instances left after destroy", ...all.map((f) => f.summary.leftAfterDestroy), "0"],
        ["CLI runs that hung (timed out)", ...all.map((f) => f.summary.hangs), "0"],
        [
          "failed runs whose every error names the instance and the reason",
          ...all.map((f) => f.summary.failedRunsWithClearErrors),
          "all",
        ],
        ["failed runs with an unclear error", ...all.map((f) => f.summary.failedRunsWithoutClearErrors), "0"],
        [
          "converged (a plain second up, a targeted `--replace`, then `preview --expect-no-changes` all exit 0)",
          ...all.map((f) => (f.summary.converged ? "yes" : "**no**")),
          "yes",
        ],
      ],
    ),
    "",
  ];
  for (const f of all) {
    for (const step of f.steps) {
      out.push(
        `### ${f.resource}: ${step.name}`,
        "",
        `${code(step.command)}: exit ${step.exitCode}${step.hung ? " (**hung**)" : ""} in ${sec(step.wallMs)}.`,
        "",
      );
      if (step.faults.length) {
        out.push(`Faults armed (${step.faultsLeft} unused afterwards):`, "", ...step.faults.map((x) => `- ${x}`), "");
      }
      const statuses = Object.entries(step.requests.byStatus)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ");
      out.push(
        `Requests: ${step.requests.total} (${statuses || "none"}). Instances afterwards: ${step.inventory.instances} ` +
          `${JSON.stringify(step.inventory.byStatus)}; untracked ${step.inventory.untracked?.length ?? 0}; ` +
          `resources with init errors in the state: ${step.resourcesWithInitErrors}.`,
        "",
      );
      if (step.errors.length) {
        out.push("Errors, as the CLI printed them (one per failed operation):", "");
        for (const e of step.errors) out.push(`- ${code(e)}`);
        out.push("");
      }
    }
  }
  out.push(
    "Notes:",
    "",
    "- `drop-after` on a create resets the connection after the emulator created the instance: the provider looks " +
      "for what that POST made before any second POST (v1: the owner annotation; v2: a notebook of that name, " +
      "untagged, created after the POST was sent, not listed before it) and carries on with it. 5xx on the POST " +
      "(not applied) lead to the same look-up, which finds nothing, then a new POST. `drop-after` on DELETE makes " +
      "the retried DELETE answer ModelArts.6357 (already DELETING) or not found; on the v1 stop action 6307/6308.",
    "- A create that ends CREATE_FAILED is recorded in the state with the API's reason (no orphan). The next plain " +
      "`pulumi up` replaces it (the failed instance is deleted first), as Terraform does with a tainted resource.",
    "",
  );
  return out;
}

function statsCell(st: Stats): string {
  return `${st.meanLagS} s (p95 ${st.p95LagS} s), ${st.meanGets} GET${st.meanGets === 1 ? "" : "s"}`;
}

function waitingSection(report: Report, before?: Before): string[] {
  const w = report.waiting;
  if (!w) return [];
  const measuredRows = w.measured.map((b: MeasuredBatch) => [
    b.resource,
    b.timeline,
    b.timeScale,
    b.runs,
    `${b.ours.meanLagS} s (p50 ${b.ours.p50LagS} s, p95 ${b.ours.p95LagS} s, max ${b.ours.maxLagS} s)`,
    `${b.ours.meanGets} (${Object.entries(b.ours.getsHistogram)
      .map(([gets, n]) => `${n}x ${gets}`)
      .join(", ")})`,
    statsCell(b.terraform),
    statsCell(b.before),
  ]);
  const old = before?.waiting?.measured ?? [];
  return [
    "## Waiting: how soon a create returns after RUNNING, against Terraform's schedule",
    "",
    "Command: `npm run bench -- waiting`. **Measured**: the provider's own `create` (in process: the code the " +
      "provider host runs, with its status-aware schedule, provider/wait/pollSchedule.ts) for many instances at " +
      "once against an emulator whose timelines are known; lag = create returned − RUNNING, GETs counted per " +
      "instance from the emulator's request log. NotebookInstance: RUNNING at `creation_timestamp` + (CREATING + " +
      "10 s STARTING) x time scale, CREATING the emulator's 30 s or drawn per instance (uniform 20–290 s, seeded; " +
      "the admin API's `POST /_admin/create-durations`) so that creates take 30–300 s. Notebook: RUNNING at " +
      "`create_at` + 30 s x time scale (four init steps of 7.5 s). Time-scaled batches scale the poll schedule by " +
      "the same factor, so each poll falls at the same point of the lifecycle as at real time; lags are real-time " +
      "seconds. The real-time batch checks that scaling. Terraform's `huaweicloud_modelarts_notebook` (10 s after " +
      `its POST returns, then every 10 s) and 0.1's backoff (${w.before.initialDelayMs / 1000} s, then ` +
      `${w.before.minDelayMs / 1000}–${w.before.maxDelayMs / 1000} s jittered) are replayed on each instance's own timeline.`,
    "",
    table(
      [
        "resource",
        "timeline",
        "time scale",
        "creates",
        "lag (ours)",
        "GETs (ours)",
        "Terraform (replayed)",
        "0.1 (replayed)",
      ],
      measuredRows,
    ),
    "",
    old.length
      ? `For reference, the 0.1 report measured its own create on the emulator's 40 s: ${old
          .map((m) => `${m.label}: ${m.ours.meanLagS} s, ${m.ours.meanGets} GETs`)
          .join("; ")}. ` +
        "The emulator's 40 s is a multiple of Terraform's 10 s, so Terraform's replay lands exactly on it there (0 s " +
        "lag): luck of a round number, which the drawn timelines remove."
      : "",
    "",
    "**Simulated** (devkit/pollReplay.ts, the same replay `npm run bench:pacing` prints): 5 000 seeded timelines " +
      "per row, polls taking no time; status-aware = the provider's PollPlanner with the resource's own status " +
      "table. NotebookInstance rows: CREATING then STARTING (10 s unless said), or a stop. Notebook rows: four " +
      "init steps, steps 1, 3 and 4 of 7.5 s as the emulator's and step 2 (compute) taking the rest.",
    "",
    table(
      [
        "wait",
        "status-aware (after)",
        `0.1 (${w.before.initialDelayMs / 1000} s, then ${w.before.minDelayMs / 1000}–${w.before.maxDelayMs / 1000} s)`,
        "Terraform (10 s, then every 10 s)",
      ],
      w.replay.map((r) => [r.wait, statsCell(r.statusAware), statsCell(r.before), statsCell(r.terraform)]),
    ),
    "",
  ];
}

function nativeSection(report: Report): string[] {
  const n = report.native;
  if (!n) return [];
  const [dynamic, native] = [n.runs.find((r) => r.classes === "dynamic"), n.runs.find((r) => r.classes === "native")];
  if (!dynamic || !native) return [];
  const rows: [string, keyof typeof dynamic.steps][] = [
    [`\`pulumi preview\` of ${n.count} creates`, "previewCreate"],
    [`\`pulumi up\` (${n.count} creates)`, "up"],
    ["`pulumi preview`, nothing changed", "previewSame"],
    [`\`pulumi preview\` of ${n.count} description changes`, "previewUpdate"],
    [`\`pulumi up\` (${n.count} description changes)`, "upUpdate"],
    ["`pulumi destroy`", "destroy"],
  ];
  const cell = (s: NativeStep) =>
    `${sec(s.wallMs)} (${s.apiRequests} req, ${s.providerPeakRssMb} MB, load ${s.loadBefore})`;
  return [
    "## Native provider beside the dynamic classes",
    "",
    `Command: \`npm run bench -- native\`: ${n.count} Notebooks (notebooks v2 API) declared alike through the dynamic ` +
      "classes (`bench/programs/notebooks`, resource `Notebook`) and through the native classes and plugin " +
      "(`bench/programs/native-notebooks`), each on a fresh stack against its own emulator (time scale " +
      `${n.timeScale}), \`up\`/\`destroy\` with \`--skip-preview --parallel ${n.parallel}\`, run once, one after the other. ` +
      "Each cell: wall time (API requests, the provider process's peak RSS, the 1-minute load average before the " +
      "command; 2 CPUs, shared with other work).",
    "",
    table(
      ["command", "dynamic classes", "native provider"],
      rows.map(([label, key]) => [label, cell(dynamic.steps[key]), cell(native.steps[key])]),
    ),
    "",
  ];
}

function overheadSection(report: Report): string[] {
  const o = report.overhead;
  if (!o) return [];
  return [
    "## Overhead: `pulumi preview` against a provider that does nothing",
    "",
    `Command: \`npm run bench -- overhead\`: ${code(o.preview.notebooks.command)} of the ${o.count}-instance stack ` +
      `(\`bench/programs/notebooks\`, NotebookInstance) and of ${o.count} \`pulumi.dynamic.Resource\`s whose provider is ` +
      '`{ async create() { return { id: "x", outs: {} } } }` (`bench/programs/trivial`), each on a fresh stack, ' +
      `${report.settings.previewRepeats} times interleaved; medians.`,
    "",
    table(
      ["stack", "preview (median)", "runs", "provider host peak RSS"],
      [
        [
          `${o.count} NotebookInstance`,
          sec(o.preview.notebooks.medianMs),
          o.preview.notebooks.runsMs.map(sec).join(", "),
          `${o.preview.notebooks.providerHostPeakRssMb} MB`,
        ],
        [
          `${o.count} no-op dynamic resources`,
          sec(o.preview.trivial.medianMs),
          o.preview.trivial.runsMs.map(sec).join(", "),
          `${o.preview.trivial.providerHostPeakRssMb} MB`,
        ],
      ],
    ),
    "",
    `**Ratio: ${o.preview.ratio}x.** API requests during the NotebookInstance previews: ${o.preview.apiRequestsDuringPreview} ` +
      "(check validates against schema.json and never calls the API). The trivial stack's `pulumi up` / `destroy` " +
      `(${code(o.trivialUp.command)}): ${sec(o.trivialUp.medianMs)} / ${sec(o.trivialDestroy.medianMs)}, ` +
      `provider host peak RSS ${o.trivialUp.providerHostPeakRssMb} MB: the CLI's and the host's own cost under the Scale figures.`,
    "",
  ];
}

function stateSection(report: Report): string[] {
  const st = report.state;
  if (!st) return [];
  const rows: (string | number)[][] = [];
  for (const [name, n] of Object.entries(st.resources)) {
    rows.push([
      name,
      `${n.entryAsExported.meanBytes} B (${n.entryAsExported.minBytes}–${n.entryAsExported.maxBytes})`,
      `${n.entryCompact.meanBytes} B`,
      `${n.providerBytes} B x ${n.providerCopies}`,
      n.providerBytes < PROVIDER_BYTES_LIMIT ? "yes" : "**no**",
      `${n.propertiesCompactMean} B`,
    ]);
  }
  if (st.trivial) {
    rows.push([
      "no-op dynamic resource",
      `${st.trivial.entryAsExported.meanBytes} B`,
      "",
      `${st.trivial.providerBytes} B x ${st.trivial.providerCopies}`,
      "",
      "",
    ]);
  }
  return [
    "## State: bytes per resource in `pulumi stack export`",
    "",
    "Command: `npm run bench -- state`: `pulumi up --yes --skip-preview` of `bench/programs/notebooks` with " +
      "`modelarts-bench:resource: all` (3 x a NotebookInstance, a Notebook and a NotebookStorageMount on it) " +
      "against the emulator, then `pulumi stack export`; each resource entry measured as exported (4-space JSON) " +
      "and compact. The no-op dynamic resource comes from the overhead section's stack.",
    "",
    table(
      [
        "resource",
        "entry as exported",
        "entry, compact",
        "`__provider` (bytes x copies in the entry)",
        `\`__provider\` < ${PROVIDER_BYTES_LIMIT} B`,
        "inputs + outputs without `__provider`, compact",
      ],
      rows,
    ),
    "",
    "`__provider` is the serialized provider shim; Pulumi stores it in the inputs and again in the outputs of " +
      "every resource. It is a loader of the installed `pulumi-modelarts/host`, so its size does not grow " +
      "with the provider's code.",
    "",
  ];
}

function hostileSection(report: Report): string[] {
  const h = report.hostile;
  if (!h) return [];
  return [
    "## Hostile answers: both resources through the real CLI",
    "",
    `Command: \`npm run bench -- hostile\`, which runs the CLI test group as it is: ${code(h.command)} ` +
      "(test/e2e/hostileAnswers.test.ts: one NotebookInstance and one Notebook in one stack; refresh and destroy " +
      "while a GET or a DELETE answers an HTML page, `null`, `{}`, another instance's body or the gateway's 404; a " +
      "create applied but answered with garbage; a DELETE applied but answered with another's body; someone else's " +
      "namesakes behind a 5xx create; AK, SK and security token echoed in errors; a region that would redirect " +
      "IAM). Counts from the file it writes (test/.work/e2e-hostile.json).",
    "",
    table(
      ["result", "value", "required"],
      [
        ["test group", `exit ${h.exitCode}: ${h.tests}, ${h.cliSteps} CLI steps in ${sec(h.wallMs)}`, "exit 0"],
        ["instances forgotten (dropped from the state while live)", h.tally.forgotten, "0"],
        ["foreign instances touched (someone else's namesakes changed or deleted)", h.tally.foreignTouched, "0"],
        ["secrets found in any output (CLI, event log, state)", h.tally.secretsFound, "0"],
      ],
    ),
    "",
  ];
}

/** What this round of the benchmark changed in the provider, and what earlier rounds did. */
const CHANGES = [
  "## Changes this benchmark led to",
  "",
  "This round (each with unit tests that fail without it):",
  "",
  "- **Busy answers in proportion** (`provider/api/AdaptiveRateLimiter.ts`, `retryStrategy.ts`; section Busy): a " +
    "`Retry-After` holds only the request that got it, no longer everyone; once pacing has settled, refusals after a " +
    "calm spell lower the rate by the share of answers refused (at most 30% per episode, never compounding) from " +
    "the pacing rate they met, and the curve is back within seconds of clean answers. 20 creates with 20 busy " +
    "answers: 5.7-6.9x their floor before. The cold-start guard's window is 3 (was 5).",
  "- **One deadline per operation** (`provider/wait/deadline.ts`, `core/timeouts.ts`): `timeouts.*` bound the whole " +
    "operation; every wait, request retry loop, per-request timeout and rate-limiter queue inside it ends there, " +
    "and a request queued behind the limiter gives up at its own budget.",
  "",
  "The round before:",
  "",
  "- **Cold-start guard** (`provider/api/AdaptiveRateLimiter.ts`): until 24 answers have come back without a " +
    "refusal, at most 5 requests (3 since) are out without an answer (each answer lets the next out); a refusal turns pacing " +
    "on and paces what the guard held; 24 clean answers end it for the process. The provider host handles no answer " +
    "in the first second of a 50-instance run, so a limiter that sends freely until its first refusal is refused " +
    "18-25 times at the start of each command; now about the window. Measured without a limit (pacing on vs off " +
    "below, and windows 8, 5 and 0 while tuning): no difference beyond the run-to-run noise. " +
    "`MODELARTS_RATE_LIMIT_COLD_START=0` turns it off.",
  "- **NotebookInstance destroy stops straight away** (`provider/notebookInstance/deleteNotebookInstance.ts`): no " +
    "read before the stop; the stop's own answer says what the read would have (6307 stopped, 6308 stopping, 6309 " +
    "gone); any other ModelArts refusal reads the instance and goes the long way; a gateway's answer, or a stop " +
    "answer that cannot be read, is an error, never gone; a DELETE answer that cannot be read is settled by a " +
    "validated GET (deleting or gone completes the delete). 4 requests per instance, the minimum (5 before).",
  "- **Notebook destroy sends the DELETE straight away**, as Terraform does (`provider/notebook/deleteNotebook.ts`), " +
    "with the same rules: 2 requests per notebook at the minimum (3 before).",
  "- **Notebook creates share one listing** for their owner look-up (as NotebookInstance creates already did), " +
    "confirm what it shows of their owner with a fresh GET, and list a declared name afresh right before the POST " +
    "(a namesake made in the console a moment ago is never taken for a lost create's); a create with nothing left " +
    "to apply after its wait returns what the wait's last GET showed (`provider/notebook/createNotebook.ts`, " +
    "`ownership.ts`). 3 requests per notebook at the minimum (POST, owner tag, GET), plus one listing per run.",
  "",
  "Earlier rounds (0.1): throttled answers bounded by time, not count (`provider/api/retryPolicy.ts` " +
    "`isThrottled`); a DELETE whose answer was lost no longer fails destroy (6357 read as already deleting); " +
    "`pulumi up --replace` no longer deletes the instance it keeps (`deleteBeforeReplace` by default); a " +
    "CREATE_FAILED instance is replaced by the next `pulumi up`; the poll cap 15 s → 12 s.",
  "",
];

export function renderReport(report: Report, before?: Before): string {
  const m = report.meta;
  const lines = [
    "# Benchmark and fault report",
    "",
    "Generated by `npm run bench` (bench/run.ts) from bench/results/report.json; do not edit by hand. " +
      "`npm run bench -- <scale|busy|faults|waiting|overhead|state|hostile|native>` re-runs one section.",
    "",
    `Run ${m.date} on commit ${m.commit}; Node ${m.node}, Pulumi CLI ${m.pulumi}, ${m.cpus} CPUs, ${m.memoryGb} GB; ` +
      `sections run this time: ${m.sectionsRun.join(", ")}${m.flags ? ` (${m.flags.join(" ")})` : ""}` +
      `${m.wallSeconds !== undefined ? ` (${m.wallSeconds} s)` : ""}.`,
    "",
    `Everything runs against the local emulator (\`emulator/\`), never Huawei Cloud. Its lifecycle is time-scaled ` +
      `(x ${report.settings.timeScale}: a create takes 10 s instead of 40 s) and the provider's poll schedule is ` +
      "scaled by the same factor through `MODELARTS_POLL_TIME_SCALE`, so polls land where they would at real time; " +
      "retry delays (`Retry-After`, backoff) are not scaled. The Pulumi CLI is the real one on a local file backend, " +
      "and the provider runs in its real provider host. The machine is shared: wall times carry its load (given " +
      "with each scale run); request counts and ratios do not.",
    "",
    ...headline(report, before),
    ...scaleSection(report),
    ...busySection(report),
    ...waitingSection(report, before),
    ...faultsSection(report),
    ...hostileSection(report),
    ...stateSection(report),
    ...overheadSection(report),
    ...nativeSection(report),
    ...CHANGES,
  ];
  return lines.join("\n");
}
