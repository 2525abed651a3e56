/** The Hostile answers section: the CLI test group's counts of forgotten, foreign-touched and leaked. */
import { code, sec, table } from "./format.js";
import type { Report } from "./types.js";

export function hostileSection(report: Report): string[] {
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
