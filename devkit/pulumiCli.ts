import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
export const REPO_ROOT = path.resolve(__dirname, "..");

/**
 * The bin directory with `pulumi`, `pulumi-language-nodejs`, `pulumi-language-yaml` and
 * `pulumi-resource-pulumi-nodejs` (scripts/get-pulumi.sh: the PATH copy of the pinned version, or the cached Go
 * build; builds it when missing).
 */
export async function getPulumiBin(): Promise<string> {
  const { stdout } = await execFileAsync("bash", [path.join(REPO_ROOT, "scripts/get-pulumi.sh")], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = stdout.trim().split("\n");
  return lines[lines.length - 1]!;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface PulumiWorkspace {
  /** The state backend, PULUMI_HOME and logs live here (under test/.work/, removed by `dispose`). */
  workDir: string;
  programDir: string;
  stack: string;
  env: Record<string, string>;
  /** `pulumi <args> --stack <stack> --non-interactive`, with cwd = the program directory. Never throws for a non-zero exit. */
  run(args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<RunResult>;
  /** Like run, but throws with the output tail when the exit code is not 0. */
  ok(args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<RunResult>;
  setConfig(key: string, value: string, secret?: boolean): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the exported state is untyped JSON
  exportStack(): Promise<{ deployment: { resources: Record<string, any>[] } }>;
  dispose(): void;
}

/**
 * Environment for the Pulumi CLI with everything in `workDir`: a local file backend, its own PULUMI_HOME, no
 * network, no prompt, no plugin download. Shared by the end-to-end tests and the benchmark.
 */
export function localPulumiEnv(bin: string, workDir: string): Record<string, string> {
  return {
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? workDir,
    PULUMI_HOME: path.join(workDir, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(workDir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "local-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    NO_COLOR: "1",
  };
}

/**
 * A stack of `programDir` on a local file backend in a fresh folder: nothing leaves the machine, no prompt,
 * no plugin download. `stack init` is done; `env` is passed to every command (e.g. the emulator settings).
 */
export async function createWorkspace(options: {
  programDir: string;
  stack?: string;
  bin: string;
  env?: Record<string, string>;
}): Promise<PulumiWorkspace> {
  const base = path.join(REPO_ROOT, "test/.work");
  mkdirSync(base, { recursive: true });
  const workDir = mkdtempSync(path.join(base, "pulumi-"));
  mkdirSync(path.join(workDir, "backend"));
  const stack = options.stack ?? "e2e";
  // Stack config files (Pulumi.<stack>.yaml) are written beside Pulumi.yaml; a per-workspace stack name keeps
  // concurrent workspaces of one program apart.
  const env = { ...localPulumiEnv(options.bin, workDir), ...options.env };
  const run: PulumiWorkspace["run"] = (args, runOptions = {}) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn("pulumi", [...args, "--stack", stack, "--non-interactive"], {
        cwd: options.programDir,
        env: { ...env, ...runOptions.env },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), runOptions.timeoutMs ?? 10 * 60_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr, durationMs: Date.now() - started });
      });
    });
  const ok: PulumiWorkspace["ok"] = async (args, runOptions) => {
    const result = await run(args, runOptions);
    if (result.code !== 0) {
      const tail = (result.stdout + "\n" + result.stderr).split("\n").slice(-60).join("\n");
      throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${tail}`);
    }
    return result;
  };
  const workspace: PulumiWorkspace = {
    workDir,
    programDir: options.programDir,
    stack,
    env,
    run,
    ok,
    async setConfig(key, value, secret = false) {
      await ok(["config", "set", ...(secret ? ["--secret"] : []), key, value]);
    },
    async exportStack() {
      return JSON.parse((await ok(["stack", "export"])).stdout);
    },
    dispose() {
      rmSync(workDir, { recursive: true, force: true });
      rmSync(path.join(options.programDir, `Pulumi.${stack}.yaml`), { force: true });
    },
  };
  // `stack init` needs no --stack flag of its own: the name is the argument.
  await new Promise<void>((resolve, reject) => {
    const child = spawn("pulumi", ["stack", "init", stack, "--non-interactive"], { cwd: options.programDir, env });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`pulumi stack init ${stack}: ${out}`))));
  });
  return workspace;
}
