/**
 * A stack of one of bench/programs under bench/.work/ (devkit's workspace), whose commands also report the
 * provider process's memory: each one's peak, sampled while the command runs.
 */
import { realpathSync } from "node:fs";
import * as path from "node:path";
import { createWorkspace, REPO_ROOT, type RunResult, type StackExport } from "../../devkit/pulumiCli.js";
import { ProcessSampler, type ProcessPeak } from "./ProcessSampler.js";

export const PROGRAMS = path.join(REPO_ROOT, "bench/programs");

export interface CliResult extends RunResult {
  /**
   * The provider processes seen during the command, with their RSS high-water mark: `node .../cmd/dynamic-provider`
   * (the dynamic classes' host), or the native plugin `pulumi-resource-modelarts` (PROVIDER_HOSTS).
   */
  providerHosts: ProcessPeak[];
}

/** How the provider process of each kind of program shows in `/proc/<pid>/cmdline`. */
export const PROVIDER_HOSTS = {
  // `node <...>/cmd/dynamic-provider/index.js <engine address>`; not the shim's `node -e require.resolve(...)`.
  dynamic: (cmdline: string) => /^\S*node \S*cmd\/dynamic-provider(\/index\.js)?( |$)/.test(cmdline),
  // `node <...>/bin/pulumi-resource-modelarts <engine address>` (bin/'s launcher, a node script).
  native: (cmdline: string) => /^\S*node \S*\/pulumi-resource-modelarts( |$)/.test(cmdline),
};

export interface Workspace {
  stack: string;
  programDir: string;
  workDir: string;
  run(args: string[], options?: { timeoutMs?: number }): Promise<CliResult>;
  exportStack(): Promise<StackExport>;
  dispose(): void;
}

export async function createSampledWorkspace(options: {
  bin: string;
  program: string;
  stack: string;
  env: Record<string, string>;
  config?: Record<string, string>;
  /** Which provider process to sample (default: the dynamic provider host). */
  providerHost?: keyof typeof PROVIDER_HOSTS;
}): Promise<Workspace> {
  const programDir = path.join(PROGRAMS, options.program);
  const ws = await createWorkspace({
    programDir,
    stack: options.stack,
    bin: options.bin,
    env: options.env,
    workRoot: path.join(REPO_ROOT, "bench/.work"),
  });
  try {
    for (const [key, value] of Object.entries(options.config ?? {})) await ws.setConfig(key, value);
  } catch (err) {
    ws.dispose();
    throw err;
  }
  const realProgramDir = realpathSync(programDir);

  return {
    stack: ws.stack,
    programDir,
    workDir: ws.workDir,
    async run(args, runOptions = {}) {
      let sampler: ProcessSampler | undefined;
      const result = await ws.run(args, {
        timeoutMs: runOptions.timeoutMs,
        watch: (processGroup) => {
          sampler = new ProcessSampler({
            pgid: processGroup,
            cwd: realProgramDir,
            match: PROVIDER_HOSTS[options.providerHost ?? "dynamic"],
          });
          sampler.start();
          return () => sampler!.stop();
        },
      });
      return { ...result, providerHosts: sampler?.peaks() ?? [] };
    },
    exportStack: () => ws.exportStack(),
    dispose: () => ws.dispose(),
  };
}
