/** The report's first section: every target, its value before and after, and why a missed one was missed. */
import { code, table, yes } from "./format.js";
import { SHORTFALL_REASONS } from "./shortfalls.js";
import { checksOf } from "./targets.js";
import type { Before, Report } from "./types.js";

export function headline(report: Report, before?: Before): string[] {
  const checks = checksOf(report, before);
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
