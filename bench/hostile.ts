/**
 * Hostile answers: the CLI test group test/e2e/hostileAnswers.test.ts (a NotebookInstance and a Notebook through the
 * real Pulumi CLI while the service answers HTML, `null`, `{}`, another instance's body, the gateway's 404, a garbled
 * create, someone else's namesakes, echoed credentials), run as it is; its counts are taken from the file it writes
 * (test/.work/e2e-hostile.json): instances forgotten, foreign instances touched, secrets found.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../devkit/pulumiCli.js";

export interface HostileResult {
  command: string;
  exitCode: number;
  /** Jest's summary line, e.g. "Tests: 24 passed, 24 total". */
  tests: string;
  wallMs: number;
  tally: { forgotten: number; foreignTouched: number; secretsFound: number };
  cliSteps: number;
}

export const HOSTILE_COMMAND =
  "node --experimental-vm-modules node_modules/jest/bin/jest.js test/e2e/hostileAnswers.test.ts";

export async function runHostile(options: { log: (line: string) => void }): Promise<HostileResult> {
  const out = path.join(REPO_ROOT, "test/.work/e2e-hostile.json");
  rmSync(out, { force: true });
  options.log(`hostile: ${HOSTILE_COMMAND}`);
  const started = Date.now();
  const [node, ...args] = HOSTILE_COMMAND.split(" ");
  const run = spawnSync(node === "node" ? process.execPath : node!, args, {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  const wallMs = Date.now() - started;
  const text = `${run.stdout ?? ""}\n${run.stderr ?? ""}`;
  const tests = /^Tests:\s+(.*)$/m.exec(text)?.[1]?.trim() ?? "(no summary)";
  if (!existsSync(out)) throw new Error(`hostile: the test wrote no ${out}:\n${text.slice(-4000)}`);
  const written = JSON.parse(readFileSync(out, "utf8")) as {
    tally: HostileResult["tally"];
    timings: unknown[];
  };
  options.log(
    `hostile: exit ${run.status} in ${(wallMs / 1000).toFixed(0)} s; ${tests}; ${JSON.stringify(written.tally)}`,
  );
  return {
    command: HOSTILE_COMMAND,
    exitCode: run.status ?? -1,
    tests,
    wallMs,
    tally: written.tally,
    cliSteps: written.timings.length,
  };
}
