/**
 * `npm run bench [-- <section>...]`: runs the benchmark sections (all by default: scale, faults, waiting,
 * overhead; state comes with scale and overhead) and writes bench/results/report.json and report.md. A subset
 * replaces those sections in the existing report.json and renders report.md again.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runFaults } from "./faults.js";
import { getPulumiBin, REPO_ROOT, type StackExport } from "./lib/pulumi.js";
import { runOverhead } from "./overhead.js";
import { renderReport, type Report } from "./report.js";
import { runScale } from "./scale.js";
import { analyzeState, analyzeTrivialState } from "./state.js";
import { runWaiting } from "./waiting.js";

/** The figures the report is made of; change them here and the report says so. */
export const SETTINGS = {
  count: 50,
  /** Lifecycle durations x 0.25 (create 10 s instead of 40 s); the poll schedule is scaled the same way. */
  timeScale: 0.25,
  /** Every resource operation at once (Pulumi's default is 4 per CPU, 8 here). */
  parallel: 50,
  rateLimits: [
    { requestsPerSecond: 10, burst: 10 },
    { requestsPerSecond: 5, burst: 5 },
  ],
  /** Every CLI run is killed after this: a run that needs it is a hang. */
  cliTimeoutMs: 5 * 60_000,
  waitingScaledRuns: 200,
  waitingRealTimeRuns: 30,
  previewRepeats: 3,
};

const SECTIONS = ["scale", "faults", "waiting", "overhead"] as const;
type Section = (typeof SECTIONS)[number];

const RESULTS = path.join(REPO_ROOT, "bench/results");
const log = (line: string) => process.stderr.write(`${line}\n`);

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return "";
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  for (const a of asked) {
    if (!SECTIONS.includes(a as Section)) throw new Error(`unknown section "${a}"; sections: ${SECTIONS.join(", ")}`);
  }
  const sections = (asked.length > 0 ? asked : SECTIONS) as Section[];
  const jsonPath = path.join(RESULTS, "report.json");
  const previous: Partial<Report> =
    asked.length > 0 && existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, "utf8")) as Partial<Report>) : {};

  const bin = getPulumiBin();
  const pulumiVersion = execFileSync(path.join(bin, "pulumi"), ["version"]).toString().trim();
  const report: Partial<Report> = {
    ...previous,
    meta: {
      date: new Date().toISOString(),
      commit: `${git(["rev-parse", "--short", "HEAD"])}${git(["status", "--porcelain", "provider", "sdk", "emulator"]) ? " + uncommitted changes" : ""}`,
      node: process.version,
      pulumi: pulumiVersion,
      cpus: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      sectionsRun: sections,
    },
    settings: SETTINGS,
  };

  let scaleState: StackExport | undefined;
  let trivialState: StackExport | undefined;
  const started = Date.now();

  if (sections.includes("scale")) {
    report.scale = [];
    for (const rateLimit of SETTINGS.rateLimits) {
      report.scale.push(
        await runScale({
          bin,
          count: SETTINGS.count,
          timeScale: SETTINGS.timeScale,
          rateLimit,
          parallel: SETTINGS.parallel,
          timeoutMs: SETTINGS.cliTimeoutMs,
          onState: (state) => (scaleState ??= state),
          log,
        }),
      );
    }
  }
  if (sections.includes("faults")) {
    report.faults = await runFaults({
      bin,
      count: SETTINGS.count,
      timeScale: SETTINGS.timeScale,
      parallel: SETTINGS.parallel,
      timeoutMs: SETTINGS.cliTimeoutMs,
      log,
    });
  }
  if (sections.includes("waiting")) {
    report.waiting = await runWaiting({
      scaledRuns: SETTINGS.waitingScaledRuns,
      realTimeRuns: SETTINGS.waitingRealTimeRuns,
      log,
    });
  }
  if (sections.includes("overhead")) {
    const { trivialState: t, ...overhead } = await runOverhead({
      bin,
      count: SETTINGS.count,
      repeats: SETTINGS.previewRepeats,
      log,
    });
    trivialState = t;
    report.overhead = overhead;
  }
  if (scaleState) report.state = { ...analyzeState(scaleState), trivial: report.state?.trivial };
  if (trivialState && report.state) report.state.trivial = analyzeTrivialState(trivialState);
  report.meta!.wallSeconds = Math.round((Date.now() - started) / 1000);

  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(jsonPath, JSON.stringify(report, null, 2) + "\n");
  writeFileSync(path.join(RESULTS, "report.md"), renderReport(report as Report));
  log(`wrote ${path.relative(REPO_ROOT, jsonPath)} and report.md in ${report.meta!.wallSeconds} s`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
