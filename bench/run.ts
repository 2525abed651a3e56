/**
 * `npm run bench [-- <section>...] [--resource=NotebookInstance|Notebook] [--rate=none|10|5] [--pacing=on|off]
 * [--repeats=N] [--busy-repeats=N] [--out=<dir>] [--render]`: runs the benchmark sections (all by default: scale, busy, faults, waiting,
 * overhead, state, hostile, native) and writes bench/results/report.json and report.md. A subset replaces those sections in the existing
 * report.json (the scale filters replace only the runs they select) and renders report.md again. `--out` writes
 * to another directory (experiments that must not touch the committed report); `--render` only renders report.md
 * from report.json.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RateLimitOptions } from "../emulator/index.js";
import { runBusy } from "./busy.js";
import { runFaults } from "./faults.js";
import { runHostile } from "./hostile.js";
import { runNative } from "./native.js";
import { RESOURCE_KINDS, type ResourceKind } from "./lib/inventory.js";
import { getPulumiBin, REPO_ROOT, type StackExport } from "../devkit/pulumiCli.js";
import { runOverhead } from "./overhead.js";
import { renderReport } from "./report/render.js";
import type { Before, Report } from "./report/types.js";
import { runScale, type ScaleResult } from "./scale.js";
import { analyzeState, analyzeTrivialState, runStateStack } from "./state.js";
import { runWaiting } from "./waiting.js";

/** The figures the report is made of; change them here and the report says so. */
export const SETTINGS = {
  count: 50,
  /** Lifecycle durations x 0.25 (create 10 s instead of 40 s); the poll schedule is scaled the same way. */
  timeScale: 0.25,
  /** Every resource operation at once (Pulumi's default is 4 per CPU, 8 here). */
  parallel: 50,
  resources: RESOURCE_KINDS,
  /** null: no limit (the emulator never throttles). */
  rateLimits: [
    null,
    { requestsPerSecond: 10, burst: 10 },
    { requestsPerSecond: 5, burst: 5 },
  ] as (RateLimitOptions | null)[],
  /** Each scale run with the provider's pacing on (the default) and off (`MODELARTS_RATE_LIMIT=off`). */
  pacing: [true, false],
  /** Runs without a limit, pacing on and off interleaved, repeated: what a limiter never hit costs. */
  unthrottledRepeats: 3,
  /** Every CLI run is killed after this: a run that needs it is a hang. */
  cliTimeoutMs: 5 * 60_000,
  waitingScaledRuns: 200,
  waitingRealTimeRuns: 30,
  previewRepeats: 3,
};

const SECTIONS = ["scale", "busy", "faults", "waiting", "overhead", "state", "hostile", "native"] as const;
type Section = (typeof SECTIONS)[number];

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return "";
  }
}

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const scaleKey = (r: Pick<ScaleResult, "resource" | "rateLimit" | "pacing">) =>
  `${r.resource}/${r.rateLimit?.requestsPerSecond ?? "none"}/${r.pacing ? "on" : "off"}`;

async function main(): Promise<void> {
  if (process.argv.includes("--render")) {
    // Renders report.md again from report.json (after a change to the report's text), running nothing.
    const dir = path.resolve(flag("out") ?? path.join(REPO_ROOT, "bench/results"));
    const saved = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")) as Report;
    writeFileSync(path.join(dir, "report.md"), renderReport(saved, readBefore()));
    log(`rendered ${path.relative(REPO_ROOT, path.join(dir, "report.md"))}`);
    return;
  }
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  for (const a of asked) {
    if (!SECTIONS.includes(a as Section)) throw new Error(`unknown section "${a}"; sections: ${SECTIONS.join(", ")}`);
  }
  const sections = (asked.length > 0 ? asked : SECTIONS) as Section[];
  const outDir = path.resolve(flag("out") ?? path.join(REPO_ROOT, "bench/results"));
  const jsonPath = path.join(outDir, "report.json");
  const previous: Partial<Report> =
    asked.length > 0 && existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, "utf8")) as Partial<Report>) : {};

  const resources = (flag("resource")?.split(",") ?? SETTINGS.resources) as ResourceKind[];
  for (const r of resources) if (!RESOURCE_KINDS.includes(r)) throw new Error(`unknown resource ${r}`);
  const rates = flag("rate")
    ?.split(",")
    .map((r) => (r === "none" ? null : { requestsPerSecond: Number(r), burst: Number(r) }));
  const pacings = flag("pacing")
    ?.split(",")
    .map((p) => p === "on");
  const repeats = Number(flag("repeats") ?? SETTINGS.unthrottledRepeats);
  // Experiments: extra environment for the provider host, e.g. --provider-env=MODELARTS_RATE_LIMIT_COLD_START=0.
  const providerEnv = Object.fromEntries(
    (flag("provider-env")?.split(",") ?? []).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
  );

  const bin = await getPulumiBin();
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
      ...(process.argv.some((a) => a.startsWith("--")) && {
        flags: process.argv.slice(2).filter((a) => a.startsWith("--")),
      }),
    },
    settings: SETTINGS,
  };

  let trivialState: StackExport | undefined;
  const started = Date.now();
  const common = {
    bin,
    count: SETTINGS.count,
    timeScale: SETTINGS.timeScale,
    parallel: SETTINGS.parallel,
    timeoutMs: SETTINGS.cliTimeoutMs,
    log,
    ...(Object.keys(providerEnv).length > 0 && { providerEnv }),
  };

  if (sections.includes("scale")) {
    const runs: ScaleResult[] = [];
    const limits = rates ?? SETTINGS.rateLimits;
    const pacingModes = pacings ?? SETTINGS.pacing;
    // Without a limit: pacing on and off interleaved, `repeats` times, so a slow moment of the machine hits both.
    if (limits.includes(null)) {
      for (let i = 0; i < repeats; i++) {
        for (const resource of resources) {
          for (const pacing of pacingModes) runs.push(await runScale({ ...common, resource, pacing }));
        }
      }
    }
    for (const rateLimit of limits) {
      if (rateLimit === null) continue;
      for (const resource of resources) {
        for (const pacing of pacingModes) runs.push(await runScale({ ...common, resource, pacing, rateLimit }));
      }
    }
    const replaced = new Set(runs.map(scaleKey));
    report.scale = [...(previous.scale ?? []).filter((r) => !replaced.has(scaleKey(r))), ...runs];
  }
  if (sections.includes("busy")) {
    const busyRepeats = flag("busy-repeats");
    const runs = await runBusy({
      ...common,
      resources,
      ...(busyRepeats !== undefined && { repeats: Number(busyRepeats) }),
    });
    const replaced = new Set(runs.map((r) => `${r.run.resource}/${r.scenario}`));
    report.busy = [...(previous.busy ?? []).filter((r) => !replaced.has(`${r.run.resource}/${r.scenario}`)), ...runs];
  }
  if (sections.includes("faults")) {
    const previousFaults = previous.faults ?? [];
    const runs = [];
    for (const resource of resources) runs.push(await runFaults({ ...common, resource }));
    report.faults = [...previousFaults.filter((f) => !resources.includes(f.resource)), ...runs];
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
  if (sections.includes("state")) {
    const state = await runStateStack({ ...common, log });
    report.state = { ...analyzeState(state), trivial: report.state?.trivial };
  }
  if (trivialState) {
    report.state = { ...(report.state ?? analyzeState(undefined)), trivial: analyzeTrivialState(trivialState) };
  }
  if (sections.includes("hostile")) report.hostile = await runHostile({ log });
  if (sections.includes("native")) report.native = await runNative(common);
  report.meta!.wallSeconds = Math.round((Date.now() - started) / 1000);

  mkdirSync(outDir, { recursive: true });
  writeFileSync(jsonPath, JSON.stringify(report, null, 2) + "\n");
  writeFileSync(path.join(outDir, "report.md"), renderReport(report as Report, readBefore()));
  log(`wrote ${path.relative(REPO_ROOT, jsonPath)} and report.md in ${report.meta!.wallSeconds} s`);
}

/** The 0.1 numbers the report compares with (bench/results/before-0.1.json). */
function readBefore(): Before | undefined {
  const beforePath = path.join(REPO_ROOT, "bench/results/before-0.1.json");
  return existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, "utf8")) as Before) : undefined;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
