/** Renders bench/results/report.json as report.md: every figure next to the command that produced it. */
import type { FaultsResult } from "./faults.js";
import type { OverheadResult } from "./overhead.js";
import type { PhaseResult, ScaleResult } from "./scale.js";
import type { StateResult } from "./state.js";
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
    wallSeconds?: number;
  };
  settings: {
    count: number;
    timeScale: number;
    parallel: number;
    rateLimits: { requestsPerSecond: number; burst?: number }[];
    cliTimeoutMs: number;
    waitingScaledRuns: number;
    waitingRealTimeRuns: number;
    previewRepeats: number;
  };
  scale?: ScaleResult[];
  faults?: FaultsResult;
  waiting?: WaitingResult;
  overhead?: Omit<OverheadResult, "trivialState">;
  state?: StateResult;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`),
  ].join("\n");
const schedule = (s: { initialDelayMs: number; minDelayMs: number; maxDelayMs: number }) =>
  `${s.initialDelayMs / 1000} s / ${s.minDelayMs / 1000} s / ${s.maxDelayMs / 1000} s`;
const rate = (r: { requestsPerSecond: number; burst?: number }) =>
  `${r.requestsPerSecond} req/s (burst ${r.burst ?? r.requestsPerSecond})`;

function perInstance(phase: PhaseResult): string {
  return Object.entries(phase.perInstance)
    .map(([route, v]) => `${route} ${v.measured} (min ${v.minimum})`)
    .join("; ");
}

function scaleSection(report: Report): string[] {
  const runs = report.scale;
  if (!runs?.length) return [];
  const s = report.settings;
  const trivialUp = report.overhead?.trivialUp.medianMs;
  const out = [
    "## Scale: 50 instances, `pulumi up` then `pulumi destroy`, throttled",
    "",
    `Command: \`npm run bench -- scale\`, which runs, for each rate limit, against a fresh emulator ` +
      `(\`startEmulator({ timeScale: ${s.timeScale}, rateLimit })\`, poll schedule scaled by ${s.timeScale}) and a ` +
      `local-backend stack of \`bench/programs/notebooks\` (${s.count} \`NotebookInstance\`s with generated names, ` +
      `auto-stop on, credentials from the environment):`,
    "",
    `- ${code(runs[0]!.up.command)}, then ${code(runs[0]!.destroy.command)};`,
    "- requests: the emulator's own counts (`GET /_admin/requests`, by route and status), reset between the two;",
    "- peak memory: VmHWM (the kernel's RSS high-water mark) of the `node …/cmd/dynamic-provider` process, " +
      "read from /proc every 200 ms while the command runs.",
    "",
  ];
  const rows: (string | number)[][] = [];
  for (const run of runs) {
    for (const [name, phase] of [
      ["up", run.up],
      ["destroy", run.destroy],
    ] as const) {
      const floor = Math.max(phase.lifecycleFloorMs, phase.throughputFloorMs);
      rows.push([
        `${rate(run.rateLimit)}: ${name}`,
        phase.exitCode === 0 ? "0" : `**${phase.exitCode}**${phase.timedOut ? " (timed out)" : ""}`,
        sec(phase.wallMs),
        `${sec(phase.lifecycleFloorMs)} / ${sec(phase.throughputFloorMs)}`,
        `${(phase.wallMs / floor).toFixed(1)}x`,
        phase.requests.total,
        `${phase.requests.throttled429} (${Math.round((phase.requests.throttled429 / Math.max(1, phase.requests.total)) * 100)}%)`,
        phase.longest429Streak,
        perInstance(phase),
        phase.providerHosts.map((p) => `${p.peakRssMb} MB`).join(", "),
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
        "floor: lifecycle / throughput",
        "wall / floor",
        "API requests",
        "429s",
        "longest 429 run of one call",
        "requests per instance by route (minimum)",
        "provider host peak RSS",
        "instances after",
      ],
      rows,
    ),
    "",
    "How to read it:",
    "",
    `- **Lifecycle floor**: what the emulator itself takes with every instance at once (\`--parallel ${s.parallel}\`): ` +
      `create = (30 s CREATING + 10 s STARTING) x ${s.timeScale}; destroy = (5 s STOPPING + 5 s DELETING) x ${s.timeScale}. ` +
      `No client can be faster. (Without \`--parallel\`, Pulumi runs 4 operations per CPU at once, 8 here: ` +
      `${Math.ceil(s.count / 8)} waves, so a floor ${Math.ceil(s.count / 8)} times as long.) **Throughput floor**: the minimum requests (below) divided by the rate limit, after the ` +
      `bucket's burst. The wall time also holds the CLI's own cost: \`pulumi up\` of ${s.count} no-op dynamic resources ` +
      `takes ${trivialUp === undefined ? "(run the overhead section)" : sec(trivialUp)} here (Overhead, below).`,
    "- **Minimum requests per instance**: up = 1 POST (the only way to create) + 1 GET (the POST answers " +
      "CREATING, so at least one GET must see RUNNING). Destroy = 1 stop action (a RUNNING instance cannot be " +
      "deleted, ModelArts.6304) + 1 GET that sees STOPPED (a DELETE while STOPPING fails) + 1 DELETE + 1 GET that " +
      "sees it gone (deletion is asynchronous; destroy must not report success before). The provider spends one " +
      "more GET per destroy on purpose, to read the current status first (an instance auto-stopped or deleted " +
      "elsewhere needs no stop, or nothing at all). Everything above the minimum is polling while the instance " +
      "changes state (the poll schedule, see Waiting) and 429s.",
    "- **Retries**: every 429 is a retry. The emulator answers `Retry-After` in whole seconds (at least 1 s, not " +
      `scaled) and the provider waits that long plus up to 1 s of jitter. With the poll schedule scaled by ` +
      `${s.timeScale}, each instance polls ${1 / s.timeScale}x as often as at real time, so a limit of R req/s here ` +
      `throttles like about R x ${s.timeScale} req/s would for the same stack at real time.`,
    "- **Longest 429 run of one call**: the most 429s a single call (one GET, action or DELETE of one instance) " +
      "got in a row before it went through. Before this benchmark the provider gave up after 8 attempts, which " +
      "failed creates and left instances behind after destroy at 10 req/s; throttled answers are now bounded by " +
      "time (5 minutes per call), not count (Changes, below).",
    "",
  );
  return out;
}

function faultsSection(report: Report): string[] {
  const f = report.faults;
  if (!f) return [];
  const s = f.summary;
  const out = [
    "## Faults: the same stack on a bad day of the API",
    "",
    `Command: \`npm run bench -- faults\`: the ${f.count}-instance stack against \`startEmulator({ timeScale: ${f.timeScale} })\` ` +
      "with faults armed through its admin API (`POST /_admin/faults`, `POST /_admin/create-failures`) before a step " +
      `and cleared after it; every CLI run is killed after ${sec(report.settings.cliTimeoutMs)} (that would be a hang).`,
    "",
    table(
      ["result", "value", "required"],
      [
        ["duplicates (two instances with one name, or two for one Pulumi resource)", s.duplicates, "0"],
        ["instances not recorded in the state, after any step", s.untrackedAfterAnyStep, "0"],
        ["instances left after destroy", s.leftAfterDestroy, "0"],
        ["CLI runs that hung (timed out)", s.hangs, "0"],
        ["failed runs whose every error names the instance and the reason", s.failedRunsWithClearErrors, "all"],
        ["failed runs with an unclear error", s.failedRunsWithoutClearErrors, "0"],
        [
          "converged (a plain second up, a targeted `--replace`, then `preview --expect-no-changes` all exit 0)",
          s.converged ? "yes" : "**no**",
          "yes",
        ],
      ],
    ),
    "",
  ];
  for (const step of f.steps) {
    out.push(
      `### ${step.name}`,
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
  out.push(
    "Notes:",
    "",
    "- `drop-after` on `POST …/instances` resets the connection after the emulator created the instance: the " +
      "provider looks the name up before any second POST and carries on with the instance it finds. 5xx on the POST " +
      "(not applied) lead to the same look-up, which finds nothing, then a new POST. `drop-after` on `DELETE` makes " +
      "the retried DELETE answer ModelArts.6357 (the instance is already DELETING), and on the stop action 6307/6308.",
    "- A create that ends CREATE_FAILED is recorded in the state with the API's reason (no orphan). The next plain " +
      "`pulumi up` replaces it (the failed instance is deleted first), as Terraform does with a tainted resource.",
    "",
  );
  return out;
}

function statsCell(st: Stats): string {
  return `${st.meanLagS} s (p95 ${st.p95LagS} s), ${st.meanGets} GET${st.meanGets === 1 ? "" : "s"}`;
}

/** The tuning argument, with the figures of this run's replay (seeded, so the same on every run). */
function tuningText(w: WaitingResult): string {
  const row = (name: string) => w.candidates.find((c) => c.schedule.startsWith(name));
  const tf = row("Terraform");
  const c15 = row("2 s / 2 s / 15 s");
  const c13 = row("2 s / 2 s / 13 s");
  const c12 = row("2 s / 2 s / 12 s");
  const c10 = row("2 s / 2 s / 10 s");
  if (!tf || !c15 || !c13 || !c12 || !c10) return "";
  const pct = (a: number, b: number) => `${Math.round((a / b - 1) * 100)}%`;
  return (
    "**Tuning.** Past the first few polls the waiter's delay is uniform in [max/2, max], so the mean lag of a long " +
    "wait is about 0.39 x max and it costs one GET per 0.75 x max: only `max` matters there. Terraform's fixed " +
    `10 s gives ${tf.create.meanLagS} s of lag for one GET per 10 s; with jitter no cap beats it on both. The 0.1.0 ` +
    `default (max 15 s) spent about as many GETs as Terraform (${c15.create.meanGets} vs ${tf.create.meanGets} for ` +
    `any create) but waited ${pct(c15.create.meanLagS, tf.create.meanLagS)} longer (${c15.create.meanLagS} s). The ` +
    "rule chosen: never slower than Terraform on average, with as few GETs as that allows. 13 s fails it " +
    `(${c13.create.meanLagS} s); **12 s** meets it (${c12.create.meanLagS} s, one GET per 9 s: ` +
    `${pct(c12.create.meanGets, tf.create.meanGets)} more GETs than Terraform); 10 s would cut another ` +
    `${(c12.create.meanLagS - c10.create.meanLagS).toFixed(1)} s for ${pct(c10.create.meanGets, c12.create.meanGets)} ` +
    "more GETs again, and GETs are what a throttled account pays for (Scale). The first polls (2 s, then 2–4 s) " +
    "stay: they make stop, start and delete (3–15 s) return sooner than Terraform does " +
    `(${c12.short.meanLagS} s vs ${tf.short.meanLagS} s on average), a larger initial delay would be paid by every ` +
    "update of an already settled instance, and 1 s or 3 s changed nothing that matters (candidates above). The " +
    "new default is 2 s / 2 s / 12 s (`provider/notebookInstance/waitForInstance.ts`)."
  );
}

function waitingSection(report: Report): string[] {
  const w = report.waiting;
  if (!w) return [];
  const measuredRows = w.measured.map((b: MeasuredBatch) => [
    b.label,
    schedule(b.schedule),
    b.timeScale,
    b.runs,
    `${b.ours.meanLagS} s (p50 ${b.ours.p50LagS} s, p95 ${b.ours.p95LagS} s, max ${b.ours.maxLagS} s)`,
    `${b.ours.meanGets} (${Object.entries(b.ours.getsHistogram)
      .map(([gets, n]) => `${n}x ${gets}`)
      .join(", ")})`,
    `${b.terraform.meanLagS} s`,
    b.terraform.meanGets,
  ]);
  return [
    "## Waiting: one create with a known ready time, against Terraform's schedule",
    "",
    "Command: `npm run bench -- waiting`. Measured: the provider's own `create` (in process: the code the " +
      "provider host runs) against an emulator whose instance is RUNNING at exactly `creation_timestamp` + " +
      "(30 s + 10 s) x time scale; lag = create returned − RUNNING, GETs counted per instance from the emulator's " +
      "request log. The time-scaled batches scale the poll schedule by the same factor, so every poll falls at the " +
      "same point of the lifecycle as it would at real time (the backoff is linear in its bounds); lags are given in " +
      "real-time seconds. The real-time batch checks that. Terraform's `huaweicloud_modelarts_notebook` polls 10 s " +
      "after its POST returns, then every 10 s; replayed on the same timeline.",
    "",
    "Schedules are written initial delay / min delay / max delay (`MODELARTS_POLL_*`).",
    "",
    table(
      [
        "batch",
        "schedule",
        "time scale",
        "creates",
        "lag (ours)",
        "GETs (ours)",
        "lag (Terraform)",
        "GETs (Terraform)",
      ],
      measuredRows,
    ),
    "",
    "The emulator's 40 s is a multiple of Terraform's 10 s, so Terraform's replay lands exactly on it (0 s lag, " +
      "4 GETs): luck of the emulator's round number. A real service's ready time varies, so the same schedules " +
      "are replayed over ready times below, with the provider's own backoff function (`computeBackoffMs`, as " +
      "`waitFor` calls it) and a seeded random source, 20 000 draws per row:",
    "",
    table(
      [
        "ready time",
        "typically",
        `before (${schedule(w.before)})`,
        `after (${schedule(w.after)})`,
        "Terraform (10 s + every 10 s)",
      ],
      w.replay.map((r) => [r.readyTime, r.example, statsCell(r.before), statsCell(r.after), statsCell(r.terraform)]),
    ),
    "",
    "Candidates considered (same replay; any create = ready time uniform in 30–300 s, short = uniform in 3–15 s):",
    "",
    table(
      ["schedule", "any create: mean lag", "p95", "GETs", "short wait: mean lag", "GETs"],
      w.candidates.map((c) => [
        c.schedule,
        `${c.create.meanLagS} s`,
        `${c.create.p95LagS} s`,
        c.create.meanGets,
        `${c.short.meanLagS} s`,
        c.short.meanGets,
      ]),
    ),
    "",
    tuningText(w),
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
      `(\`bench/programs/notebooks\`) and of ${o.count} \`pulumi.dynamic.Resource\`s whose provider is ` +
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
  const n = st.notebook;
  const rows: (string | number)[][] = [
    [
      "NotebookInstance (RUNNING)",
      `${n.entryAsExported.meanBytes} B (${n.entryAsExported.minBytes}–${n.entryAsExported.maxBytes})`,
      `${n.entryCompact.meanBytes} B`,
      `${n.providerBytes} B x ${n.providerCopies}`,
      `${n.propertiesCompactMean} B`,
    ],
  ];
  if (st.trivial) {
    rows.push([
      "no-op dynamic resource",
      `${st.trivial.entryAsExported.meanBytes} B`,
      "",
      `${st.trivial.providerBytes} B x ${st.trivial.providerCopies}`,
      "",
    ]);
  }
  return [
    "## State: bytes per resource in `pulumi stack export`",
    "",
    "Command: `pulumi stack export` of the Scale stack after its first `pulumi up` (and of the trivial stack after " +
      "its `pulumi up`); each resource entry measured as exported (4-space JSON) and compact.",
    "",
    table(
      [
        "resource",
        "entry as exported",
        "entry, compact",
        "`__provider` (bytes x copies in the entry)",
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

function summary(report: Report): string[] {
  const rows: string[][] = [];
  const first = report.scale?.[0];
  if (first) {
    rows.push([
      `Scale: ${first.count} instances, ${rate(first.rateLimit)}`,
      `up ${sec(first.up.wallMs)} (floor ${sec(Math.max(first.up.lifecycleFloorMs, first.up.throughputFloorMs))}), ` +
        `destroy ${sec(first.destroy.wallMs)} (floor ${sec(Math.max(first.destroy.lifecycleFloorMs, first.destroy.throughputFloorMs))}); ` +
        `${first.up.requests.throttled429 + first.destroy.requests.throttled429} 429s ridden out; provider host peak ` +
        `${Math.max(...first.up.providerHosts.map((p) => p.peakRssMb), ...first.destroy.providerHosts.map((p) => p.peakRssMb))} MB`,
    ]);
  }
  const f = report.faults;
  if (f) {
    rows.push([
      "Faults: 5xx, 429, dropped connections (create, stop, delete), CREATE_FAILED",
      `${f.summary.duplicates} duplicates, ${f.summary.leftAfterDestroy} left after destroy, ${f.summary.hangs} hangs, ` +
        `${f.summary.failedRunsWithoutClearErrors} unclear errors; converged: ${f.summary.converged ? "yes" : "no"}`,
    ]);
  }
  const w = report.waiting;
  if (w) {
    const any = w.replay.find((r) => r.readyTime === "uniform 30-300 s");
    const measured = w.measured.find((b) => b.timeScale === 1) ?? w.measured[w.measured.length - 1];
    if (any && measured) {
      rows.push([
        "Waiting: lag after RUNNING, GETs per create",
        `measured (40 s create): ${measured.ours.meanLagS} s, ${measured.ours.meanGets} GETs; any create 30–300 s: ` +
          `${any.after.meanLagS} s, ${any.after.meanGets} GETs vs Terraform ${any.terraform.meanLagS} s, ${any.terraform.meanGets} GETs`,
      ]);
    }
  }
  if (report.overhead) {
    rows.push(["Overhead: preview vs a no-op dynamic provider", `${report.overhead.preview.ratio}x`]);
  }
  if (report.state) {
    rows.push([
      "State per resource",
      `${report.state.notebook.entryAsExported.meanBytes} B as exported, of which \`__provider\` ${report.state.notebook.providerBytes} B x ${report.state.notebook.providerCopies}`,
    ]);
  }
  return ["## Summary", "", table(["what", "result"], rows), ""];
}

const CHANGES = [
  "## Changes this benchmark led to",
  "",
  "- **Throttling no longer fails deployments** (`provider/api/retryPolicy.ts` `isThrottled`, used by " +
    "`RequestExecutor.ts` and `ModelArtsClient.createInstance`). Before, every call gave up after 8 attempts " +
    "whatever the error. With 50 instances at once and a 10 req/s limit some calls met 8 429s in a row: 4 creates " +
    "failed with `HTTP 429 ModelArts.6101` and destroy left 10 instances behind. A throttled answer (429, " +
    "ModelArts.6101, APIG.0308) means nothing was applied and the server said when to come back, so it no longer " +
    "counts against `maxAttempts`; only `maxElapsedMs` (5 minutes per call) bounds it. Other failures keep the " +
    "8-attempt bound, so a wrong endpoint still fails within one to two minutes, not five.",
  "- **A DELETE whose answer was lost no longer fails destroy** (`provider/notebookInstance/deleteNotebookInstance.ts`). " +
    "The retried DELETE finds the instance DELETING and the API answers ModelArts.6357; destroy failed with that " +
    "error although the instance was being deleted. Now a 6357 on DELETE reads the instance: DELETING (or gone) " +
    "means the delete is done and only the wait is left.",
  "- **`pulumi up --replace` no longer deletes the instance it keeps** (`sdk/NotebookInstance.ts`: resource " +
    "option `deleteBeforeReplace: true` by default). The engine does not ask the provider's diff about a " +
    "targeted replacement and creates the new instance first; with the old name (declared, or derived from the " +
    "same inputs) the POST met ModelArts.6301, the owner-key look-up resumed the old instance as the new one, and " +
    "the engine then deleted it as the original: `+-1 replaced`, exit 0, no instance left and the state pointing " +
    "at a deleted id. For a CREATE_FAILED instance the replacement failed again, so the recovery the error advises " +
    'did not work. Found by this report\'s fault run (step "up --replace").',
  "- **A CREATE_FAILED instance is replaced by the next `pulumi up`** (`provider/notebookInstance/diffNotebookInstance.ts`). " +
    "It used to be recorded and then refused by every update with advice to `--replace`; now diff reports a " +
    "replacement for it, like a Terraform taint, so a plain second `pulumi up` converges.",
  "- **Default poll cap 15 s → 12 s** (`provider/notebookInstance/waitForInstance.ts`), from the Waiting section.",
  "",
];

export function renderReport(report: Report): string {
  const m = report.meta;
  const lines = [
    "# Benchmark and fault report",
    "",
    "Generated by `npm run bench` (bench/run.ts) from bench/results/report.json; do not edit by hand. " +
      "`npm run bench -- <scale|faults|waiting|overhead>` re-runs one section.",
    "",
    `Run ${m.date} on commit ${m.commit}; Node ${m.node}, Pulumi CLI ${m.pulumi}, ${m.cpus} CPUs, ${m.memoryGb} GB; ` +
      `sections run this time: ${m.sectionsRun.join(", ")}${m.wallSeconds !== undefined ? ` (${m.wallSeconds} s)` : ""}.`,
    "",
    `Everything runs against the local emulator (\`emulator/\`), never Huawei Cloud. Its lifecycle is time-scaled ` +
      `(x ${report.settings.timeScale}: a create takes 10 s instead of 40 s) and the provider's poll schedule is ` +
      "scaled by the same factor through `MODELARTS_POLL_*`, so polls land where they would at real time; retry " +
      "delays (`Retry-After`, backoff) are not scaled. The Pulumi CLI is the real one on a local file backend, " +
      "and the provider runs in its real provider host.",
    "",
    ...summary(report),
    ...scaleSection(report),
    ...faultsSection(report),
    ...waitingSection(report),
    ...overheadSection(report),
    ...stateSection(report),
    ...CHANGES,
  ];
  return lines.join("\n");
}
