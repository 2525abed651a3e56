/** The targets the report checks each section against, and the checks of every section but Scale's. */
import { BUSY_SETTINGS, BUSY_TARGETS, busyGroups, medianUpRun, refusedByGateway, refusedShare } from "../busy.js";
import type { PhaseResult } from "../scale.js";
import { PROVIDER_BYTES_LIMIT, type StateResourceName, type StateResult } from "../state.js";
import type { Stats } from "../waiting.js";
import { pct, sec } from "./format.js";
import { scaleChecks } from "./scaleTargets.js";
import type { Before, Report } from "./types.js";

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

export interface Check {
  what: string;
  target: string;
  before: string;
  off: string;
  after: string;
  met?: boolean;
  command: string;
}

/** Every section's checks, in the report's order. */
export function checksOf(report: Report, before?: Before): Check[] {
  return [
    ...scaleChecks(report, before),
    ...busyChecks(report),
    ...waitingChecks(report),
    ...otherChecks(report),
    ...stateChecks(report, before),
  ];
}

export const BUSY_COMMAND = "`npm run bench -- busy`";

function busyChecks(report: Report): Check[] {
  const checks: Check[] = [];
  for (const group of busyGroups(report.busy ?? [])) {
    const { scenario, run } = group[0]!;
    const label = `${run.resource}, ${run.count} at ${run.rateLimit?.requestsPerSecond} req/s, ${scenario === "busy" ? `${BUSY_SETTINGS.busyAnswers} busy answers` : "gateway only"}`;
    const runs = group.map((r) => r.run);
    const allExited = runs.every((r) => r.up.exitCode === 0 && r.destroy.exitCode === 0);
    if (scenario === "busy") {
      const up = medianUpRun(group).run.up;
      const walls = runs.map((r) => sec(r.up.wallMs)).join(", ");
      checks.push({
        what: `${label}: \`pulumi up\` wall time / floor (${sec(up.floors.floorMs)})${runs.length > 1 ? ", median" : ""}`,
        target: `≤ ${BUSY_TARGETS.upOverFloor}x`,
        before: "–",
        off: "–",
        after:
          `${sec(up.wallMs)} = ${(up.wallMs / up.floors.floorMs).toFixed(2)}x` +
          (runs.length > 1 ? ` (runs: ${walls})` : ""),
        met: allExited && up.wallMs / up.floors.floorMs <= BUSY_TARGETS.upOverFloor,
        command: BUSY_COMMAND,
      });
    }
    const worst = (phase: (r: (typeof runs)[number]) => PhaseResult) =>
      runs.map(phase).reduce((a, b) => (refusedShare(b) > refusedShare(a) ? b : a));
    const share = (p: PhaseResult) => `${pct(refusedShare(p))} (${refusedByGateway(p)} of ${p.requests.total})`;
    checks.push({
      what: `${label}: requests the gateway refused / all requests${runs.length > 1 ? ", the most of any run" : ""}`,
      target: `≤ ${BUSY_TARGETS.refusedShare * 100}%`,
      before: "–",
      off: "–",
      after: `up ${share(worst((r) => r.up))}, destroy ${share(worst((r) => r.destroy))}`,
      met:
        allExited &&
        runs.every(
          (r) =>
            refusedShare(r.up) <= BUSY_TARGETS.refusedShare && refusedShare(r.destroy) <= BUSY_TARGETS.refusedShare,
        ),
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
