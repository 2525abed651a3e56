/**
 * Native: the same N Notebooks (notebooks v2 API) through the dynamic classes (bench/programs/notebooks, resource
 * `Notebook`) and through the native classes and provider plugin (bench/programs/native-notebooks), each on a
 * fresh stack against its own emulator, one after the other: `pulumi preview` of the creates, `pulumi up`, a
 * preview with nothing changed, a preview and an `up` of a description change of every notebook, `pulumi destroy`.
 * Wall time of each command, the API requests it made, the provider process's peak RSS, and the load average
 * before it (the machine is shared).
 */
import * as os from "node:os";
import { startEmulator } from "../emulator/index.js";
import { emulatorEnv, scaledPollSchedule } from "./lib/env.js";
import { tail } from "../devkit/pulumiCli.js";
import { createSampledWorkspace, type CliResult } from "./lib/sampledWorkspace.js";
import type { SectionOptions } from "./lib/sectionOptions.js";

export interface NativeStep {
  command: string;
  wallMs: number;
  apiRequests: number;
  providerPeakRssMb: number;
  /** `uptime`'s 1-minute load average just before the command (2 CPUs: above 2 means contention). */
  loadBefore: number;
}

export interface NativeRun {
  classes: "dynamic" | "native";
  program: string;
  steps: {
    previewCreate: NativeStep;
    up: NativeStep;
    previewSame: NativeStep;
    previewUpdate: NativeStep;
    upUpdate: NativeStep;
    destroy: NativeStep;
  };
}

export interface NativeResult {
  count: number;
  timeScale: number;
  parallel: number;
  runs: NativeRun[];
}

const PROGRAMS = {
  dynamic: { program: "notebooks", config: "modelarts-bench", extra: { "modelarts-bench:resource": "Notebook" } },
  native: { program: "native-notebooks", config: "modelarts-bench-native", extra: {} },
} as const;

async function runOne(classes: "dynamic" | "native", options: SectionOptions): Promise<NativeRun> {
  const { program, config, extra } = PROGRAMS[classes];
  const emulator = await startEmulator({ timeScale: options.timeScale });
  const ws = await createSampledWorkspace({
    bin: options.bin,
    program,
    stack: `native-${classes}`,
    env: { ...emulatorEnv(emulator, scaledPollSchedule(options.timeScale)), ...options.providerEnv },
    config: { [`${config}:count`]: String(options.count), ...extra },
    providerHost: classes,
  });
  const step = async (args: string[]): Promise<NativeStep> => {
    const loadBefore = Math.round(os.loadavg()[0]! * 100) / 100;
    await emulator.admin.resetRequestCounts();
    const result: CliResult = await ws.run(args, { timeoutMs: options.timeoutMs });
    if (result.code !== 0 || result.timedOut) {
      throw new Error(
        `${classes}: ${result.command} failed (exit ${result.code}):\n${tail(result.stdout + result.stderr, 40)}`,
      );
    }
    const peakKb = Math.max(0, ...result.providerHosts.map((p) => p.vmHwmKb));
    const measured = {
      command: result.command,
      wallMs: result.durationMs,
      apiRequests: (await emulator.admin.requestCounts()).total,
      providerPeakRssMb: Math.round((peakKb / 1024) * 10) / 10,
      loadBefore,
    };
    options.log(
      `native (${classes}): ${measured.command} ${measured.wallMs} ms, ${measured.apiRequests} requests, load ${loadBefore}`,
    );
    return measured;
  };
  const cli = ["--yes", "--skip-preview", "--parallel", String(options.parallel)];
  try {
    const previewCreate = await step(["preview"]);
    const up = await step(["up", ...cli]);
    const previewSame = await step(["preview", "--expect-no-changes"]);
    await ws.run(["config", "set", `${config}:description`, "changed"], { timeoutMs: 60_000 });
    const previewUpdate = await step(["preview"]);
    const upUpdate = await step(["up", ...cli]);
    const destroy = await step(["destroy", ...cli]);
    return { classes, program, steps: { previewCreate, up, previewSame, previewUpdate, upUpdate, destroy } };
  } finally {
    ws.dispose();
    await emulator.close();
  }
}

export async function runNative(options: SectionOptions): Promise<NativeResult> {
  const runs = [await runOne("dynamic", options), await runOne("native", options)];
  return { count: options.count, timeScale: options.timeScale, parallel: options.parallel, runs };
}
