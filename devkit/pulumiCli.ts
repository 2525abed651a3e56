/**
 * The real Pulumi CLI on a local file backend, for the end-to-end tests and the benchmark: the pinned binaries, a
 * stack in a fresh folder, and each command bounded by a timeout that ends its whole process tree.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The checkout's root: the first folder up with a package.json (devkit/ runs from source, and from dist-bench/). */
export const REPO_ROOT = repoRoot(path.resolve(__dirname, ".."));

function repoRoot(dir: string): string {
  if (existsSync(path.join(dir, "package.json"))) return dir;
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
  return repoRoot(parent);
}

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
  /** The command as a user would type it (without the --stack and --non-interactive every run adds). */
  command: string;
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** The timeout fired: the command hung (or was too slow) and its process tree was killed. */
  timedOut: boolean;
}

export interface RunOptions {
  /** Default 10 minutes; then the command and every plugin and host it started are killed. */
  timeoutMs?: number;
  env?: Record<string, string>;
  /**
   * Called as the command starts with its process group (the CLI, language host, program and provider host), to
   * watch them while it runs; what it returns is called when the command ends.
   */
  watch?: (processGroup: number) => () => void;
}

/** Pulumi's `stack export`: untyped JSON but for what its readers rely on; `resources` is [] for an empty stack. */
export interface StackExport {
  deployment: { resources: StateResource[] };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the exported state is untyped JSON
export type StateResource = Record<string, any> & { urn: string; type: string; id?: string };

export interface PulumiWorkspace {
  /** The state backend, PULUMI_HOME and logs live here (under test/.work/, removed by `dispose`). */
  workDir: string;
  programDir: string;
  stack: string;
  env: Record<string, string>;
  /** `pulumi <args> --stack <stack> --non-interactive`, with cwd = the program directory. Never throws for a non-zero exit. */
  run(args: string[], options?: RunOptions): Promise<RunResult>;
  /** Like run, but throws with the output tail when the exit code is not 0. */
  ok(args: string[], options?: RunOptions): Promise<RunResult>;
  setConfig(key: string, value: string, secret?: boolean): Promise<void>;
  exportStack(): Promise<StackExport>;
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
 * A stack of `programDir` on a local file backend in a fresh folder under `workRoot` (default test/.work): nothing
 * leaves the machine, no prompt, no plugin download. `stack init` is done; `env` is passed to every command (e.g.
 * the emulator settings).
 */
export async function createWorkspace(options: {
  programDir: string;
  stack?: string;
  bin: string;
  env?: Record<string, string>;
  workRoot?: string;
}): Promise<PulumiWorkspace> {
  const base = options.workRoot ?? path.join(REPO_ROOT, "test/.work");
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
      // Its own process group, so a timeout kills the CLI and every plugin and host it started.
      const child = spawn("pulumi", [...args, "--stack", stack, "--non-interactive"], {
        cwd: options.programDir,
        env: { ...env, ...runOptions.env },
        detached: true,
      });
      const unwatch = runOptions.watch?.(child.pid!);
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
        unwatch?.();
        // Plugins that outlived the CLI (they should not) are ended with the group.
        killGroup(child.pid!);
        resolve({
          command: `pulumi ${args.join(" ")}`,
          code: code ?? -1,
          stdout,
          stderr,
          durationMs: Date.now() - started,
          timedOut,
        });
      });
    });
  const ok: PulumiWorkspace["ok"] = async (args, runOptions) => {
    const result = await run(args, runOptions);
    if (result.code !== 0) {
      throw new Error(
        `${result.command} exited with ${result.code}:\n${tail(result.stdout + "\n" + result.stderr, 60)}`,
      );
    }
    return result;
  };
  const dispose = () => {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(path.join(options.programDir, `Pulumi.${stack}.yaml`), { force: true });
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
      const state = JSON.parse((await ok(["stack", "export"])).stdout) as StackExport;
      return { ...state, deployment: { ...state.deployment, resources: state.deployment.resources ?? [] } };
    },
    dispose,
  };
  try {
    // The --stack flag run() adds names the stack to create.
    await ok(["stack", "init"], { timeoutMs: 120_000 });
  } catch (err) {
    dispose();
    throw err;
  }
  return workspace;
}

function killGroup(processGroup: number): void {
  try {
    process.kill(-processGroup, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}

/** The last `lines` lines of `text`. */
export function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
