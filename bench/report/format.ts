/** How the report writes numbers, code and tables in Markdown. */
import type { PhaseResult } from "../scale.js";

export const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
export const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
export const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`),
  ].join("\n");
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const yes = (ok: boolean | undefined) => (ok === undefined ? "–" : ok ? "yes" : "**no**");

export function perInstance(phase: PhaseResult): string {
  return Object.entries(phase.perInstance)
    .map(([route, v]) => `${route} ${v.measured}${v.minimum ? ` (min ${v.minimum})` : ""}`)
    .join("; ");
}
