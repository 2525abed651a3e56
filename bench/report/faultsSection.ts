/** The Faults section: the stack on a bad day of the API, the summary and each step's faults, requests and errors. */
import { code, sec, table } from "./format.js";
import type { Report } from "./types.js";

export function faultsSection(report: Report): string[] {
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
