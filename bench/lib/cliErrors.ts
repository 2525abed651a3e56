import type { RunResult } from "../../devkit/pulumiCli.js";

/**
 * The `error:` diagnostics of a CLI run, one per failed operation, without the engine's summary lines. An init
 * error is printed as `error: 1 error occurred:` followed by `* <message>` lines: the messages are taken.
 */
export function errorLines(result: RunResult): string[] {
  const lines = (result.stdout + "\n" + result.stderr).split("\n").map((l) => l.trim());
  const errors: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith("error: ")) continue;
    if (/^error: (update|destroy|preview) failed$/.test(line)) continue;
    if (/^error: \d+ errors? occurred:$/.test(line)) {
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith("* "); j++) errors.push(lines[j]!.slice(2));
      continue;
    }
    errors.push(line.slice("error: ".length));
  }
  // The CLI prints each diagnostic twice (as it happens and in the summary).
  return [...new Set(errors)];
}
