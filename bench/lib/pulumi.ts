/**
 * The Pulumi CLI for the benchmark: a stack on a local file backend under bench/.work/, every command bounded by
 * a timeout that kills the whole process tree (CLI, language host, program, provider host), and the provider
 * host's memory sampled while the command runs.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import * as path from "node:path";
import { ProcessSampler, type ProcessPeak } from "./ProcessSampler.js";
import { localPulumiEnv } from "../../devkit/pulumiCli.js";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
export const PROGRAMS = path.join(REPO_ROOT, "bench/programs");

/** The bin directory of the pinned CLI (scripts/get-pulumi.sh prints it as its last line). */
export function getPulumiBin(): string {
  const out = execFileSync("bash", [path.join(REPO_ROOT, "scripts/get-pulumi.sh")], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  const lines = out.trim().split("\n");
  return lines[lines.length - 1]!;
}

export interface CliResult {
  /** The command as a user would type it (without the bench's --stack/--non-interactive). */
  command: string;
  code: number;
  /** The timeout fired: the command hung (or was too slow) and its process tree was killed. */
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  /**
   * The provider processes seen during the command, with their RSS high-water mark: `node .../cmd/dynamic-provider`
   * (the dynamic classes' host), or the native plugin `pulumi-resource-modelarts` (PROVIDER_HOSTS).
   */
  providerHosts: ProcessPeak[];
}

export interface Workspace {
  stack: string;
  programDir: string;
  workDir: string;
  run(args: string[], options?: { timeoutMs?: number }): Promise<CliResult>;
  exportStack(): Promise<StackExport>;
  dispose(): void;
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  initErrors?: string[];
  [key: string]: unknown;
}

export interface StackExport {
  deployment: { resources?: StateResource[] };
}

/** How the provider process of each kind of program shows in `/proc/<pid>/cmdline`. */
export const PROVIDER_HOSTS = {
  // `node <...>/cmd/dynamic-provider/index.js <engine address>`; not the shim's `node -e require.resolve(...)`.
  dynamic: (cmdline: string) => /^\S*node \S*cmd\/dynamic-provider(\/index\.js)?( |$)/.test(cmdline),
  // `node <...>/bin/pulumi-resource-modelarts <engine address>` (bin/'s launcher, a node script).
  native: (cmdline: string) => /^\S*node \S*\/pulumi-resource-modelarts( |$)/.test(cmdline),
};

export async function createWorkspace(options: {
  bin: string;
  program: string;
  stack: string;
  env: Record<string, string>;
  config?: Record<string, string>;
  /** Which provider process to sample (default: the dynamic provider host). */
  providerHost?: keyof typeof PROVIDER_HOSTS;
}): Promise<Workspace> {
  const programDir = path.join(PROGRAMS, options.program);
  const base = path.join(REPO_ROOT, "bench/.work");
  mkdirSync(base, { recursive: true });
  const workDir = mkdtempSync(path.join(base, `${options.stack}-`));
  mkdirSync(path.join(workDir, "backend"));
  const env = { ...localPulumiEnv(options.bin, workDir), ...options.env };
  const realProgramDir = realpathSync(programDir);

  const run: Workspace["run"] = (args, runOptions = {}) =>
    new Promise((resolve) => {
      const started = Date.now();
      // Its own process group, so a timeout kills the CLI and every plugin and host it started.
      const child = spawn("pulumi", [...args, "--stack", options.stack, "--non-interactive"], {
        cwd: programDir,
        env,
        detached: true,
      });
      const sampler = new ProcessSampler({
        pgid: child.pid!,
        cwd: realProgramDir,
        match: PROVIDER_HOSTS[options.providerHost ?? "dynamic"],
      });
      sampler.start();
      let stdout = "";
      let stderr = "";
      let timedOut = false;
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(
        () => {
          timedOut = true;
          killGroup(child.pid!);
        },
        runOptions.timeoutMs ?? 10 * 60_000,
      );
      child.on("close", (code) => {
        clearTimeout(timer);
        sampler.stop();
        // Plugins that outlived the CLI (they should not) are ended with the group.
        killGroup(child.pid!);
        resolve({
          command: `pulumi ${args.join(" ")}`,
          code: code ?? -1,
          timedOut,
          durationMs: Date.now() - started,
          stdout,
          stderr,
          providerHosts: sampler.peaks(),
        });
      });
    });

  const ok = async (args: string[]) => {
    const result = await run(args, { timeoutMs: 120_000 });
    if (result.code !== 0) {
      throw new Error(`${result.command} exited with ${result.code}:\n${tail(result.stdout + result.stderr, 40)}`);
    }
    return result;
  };

  try {
    // The --stack flag run() adds names the stack to create.
    await ok(["stack", "init"]);
    for (const [key, value] of Object.entries(options.config ?? {})) await ok(["config", "set", key, value]);
  } catch (err) {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(path.join(programDir, `Pulumi.${options.stack}.yaml`), { force: true });
    throw err;
  }

  return {
    stack: options.stack,
    programDir,
    workDir,
    run,
    async exportStack() {
      return JSON.parse((await ok(["stack", "export"])).stdout) as StackExport;
    },
    dispose() {
      rmSync(workDir, { recursive: true, force: true });
      rmSync(path.join(programDir, `Pulumi.${options.stack}.yaml`), { force: true });
    },
  };
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * The `error:` diagnostics of a CLI run, one per failed operation, without the engine's summary lines. An init
 * error is printed as `error: 1 error occurred:` followed by `* <message>` lines: the messages are taken.
 */
export function errorLines(result: CliResult): string[] {
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
