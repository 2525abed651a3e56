/** The Waiting section: how soon a create returns after RUNNING, measured and simulated, against Terraform. */
import type { MeasuredBatch, Stats } from "../waiting.js";
import { table } from "./format.js";
import type { Before, Report } from "./types.js";

function statsCell(st: Stats): string {
  return `${st.meanLagS} s (p95 ${st.p95LagS} s), ${st.meanGets} GET${st.meanGets === 1 ? "" : "s"}`;
}

export function waitingSection(report: Report, before?: Before): string[] {
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
