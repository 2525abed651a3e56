/** The Scale section's checks against the targets: wall time over the floor, 429s, requests, what pacing costs. */
import type { ResourceKind } from "../lib/inventory.js";
import { floorsFor, MINIMUM_PER_INSTANCE, type PhaseResult, type ScaleResult } from "../scale.js";
import { median, pct, sec } from "./format.js";
import { TARGETS, type Check } from "./targets.js";
import type { Before, Before01Phase, Report } from "./types.js";

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

export const throttledShare = (p: { requests: { total: number; throttled429: number } }) =>
  p.requests.throttled429 / Math.max(1, p.requests.total);
const SCALE_COMMAND = "`npm run bench -- scale`";

export function scaleChecks(report: Report, before?: Before): Check[] {
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
        // From the table, not the runs' own field: the 0.1 runs predate it.
        const min = (phase: "up" | "destroy") =>
          Object.values(MINIMUM_PER_INSTANCE[resource][phase]).reduce((a: number, b: number) => a + b, 0);
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
