/**
 * What the end-to-end tests do around the Pulumi CLI (devkit/pulumiCli.ts runs it): each step timed, its output
 * kept for the secret search, its exit code checked; the CLI's resource table and the exported state read back.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, type PulumiWorkspace, type RunResult } from "../../devkit/pulumiCli.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the exported state is untyped JSON
export type Json = Record<string, any>;

export interface StepTiming {
  step: string;
  command: string;
  exitCode: number;
  durationMs: number;
}

/** "any": the caller judges the exit code itself. */
export type ExpectedExit = "ok" | "fail" | "any";

/** The CLI steps of one test file, in order. `workspace` is read at each run: tests create it in beforeAll. */
export class CliSteps {
  readonly timings: StepTiming[] = [];

  constructor(
    private readonly workspace: () => PulumiWorkspace,
    /** Called with every step's result, before its exit code is checked (to keep outputs for a later search). */
    private readonly keep: (step: string, result: RunResult) => void = () => {},
  ) {}

  /**
   * Runs `pulumi <args> <extraArgs>`, records it under `step` (the command as `pulumi <args>`), and throws with the
   * whole output when the exit code is not the expected one.
   */
  async run(step: string, args: string[], expected: ExpectedExit = "ok", extraArgs: string[] = []): Promise<RunResult> {
    const result = await this.workspace().run([...args, ...extraArgs]);
    this.timings.push({
      step,
      command: `pulumi ${args.join(" ")}`,
      exitCode: result.code,
      durationMs: result.durationMs,
    });
    this.keep(step, result);
    checkExit(args, result, expected);
    return result;
  }

  /** `pulumi stack export` as text (for the secret search) and its resources. */
  async exported(step: string): Promise<{ raw: string; resources: Json[] }> {
    const result = await this.run(step, ["stack", "export"]);
    const state = JSON.parse(result.stdout) as { deployment: { resources?: Json[] } };
    return { raw: result.stdout, resources: state.deployment.resources ?? [] };
  }

  /** Writes `test/.work/<file>` (the timings and `extra`) and prints the steps, one line each. */
  report(title: string, file: string, extra: Record<string, unknown> = {}, stepWidth = 24): void {
    const totalCliMs = this.timings.reduce((sum, t) => sum + t.durationMs, 0);
    mkdirSync(path.join(REPO_ROOT, "test/.work"), { recursive: true });
    writeFileSync(
      path.join(REPO_ROOT, "test/.work", file),
      JSON.stringify({ timings: this.timings, ...extra, totalCliMs }, null, 2),
    );
    const lines = this.timings.map(
      (t) => `  ${t.step.padEnd(stepWidth)} ${String(t.durationMs).padStart(6)} ms  ${t.command}`,
    );
    const extras = Object.entries(extra).map(([k, v]) => `\n${k}: ${JSON.stringify(v)}`);
    console.log(`${title}: CLI steps\n${lines.join("\n")}\n  total ${totalCliMs} ms${extras.join("")}`);
  }
}

/** Throws with the whole output when `pulumi <args>` did not exit as expected. */
export function checkExit(args: string[], result: RunResult, expected: ExpectedExit): void {
  if (expected !== "any" && (expected === "ok") !== (result.code === 0)) {
    throw new Error(
      `pulumi ${args.join(" ")} exited with ${result.code} (expected ${expected}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/** A step's whole output, stdout then stderr. */
export function cliText(result: RunResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A line of the CLI's resource table, e.g. ` ~  <type> main update [diff: ~description]`. */
export function resourceRow(type: string, op: string, resource: string, rest: string): RegExp {
  return new RegExp(`^ ${escapeRegExp(op)}\\s+${escapeRegExp(type)} ${resource} ${rest}`, "m");
}

export function findResource(resources: Json[], type: string, name: string): Json | undefined {
  return resources.find((r) => r.urn.endsWith(`::${type}::${name}`));
}

export function resourceNamed(resources: Json[], type: string, name: string): Json {
  const found = findResource(resources, type, name);
  if (!found) throw new Error(`no resource "${name}" in the exported state: ${resources.map((r) => r.urn).join(", ")}`);
  return found;
}

/** None of `secrets` in `text`; a failure names the secret found. */
export function expectNoSecretIn(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
}
