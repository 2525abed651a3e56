/**
 * Overhead: `pulumi preview` of the N-instance stack against the same number of dynamic resources whose provider
 * does nothing, as a ratio. Also `pulumi up`/`destroy` of the trivial stack: what the engine alone costs for N
 * creates, the baseline under the scale figures.
 */
import { startEmulator } from "../emulator/index.js";
import { emulatorEnv, scaledPollSchedule } from "./lib/env.js";
import type { StackExport } from "../devkit/pulumiCli.js";
import { createSampledWorkspace, type CliResult } from "./lib/sampledWorkspace.js";

export interface Timed {
  command: string;
  runsMs: number[];
  medianMs: number;
  providerHostPeakRssMb: number;
}

export interface OverheadResult {
  count: number;
  preview: { notebooks: Timed; trivial: Timed; ratio: number; apiRequestsDuringPreview: number };
  trivialUp: Timed;
  trivialDestroy: Timed;
  trivialState?: StackExport;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
};

function timed(runs: CliResult[]): Timed {
  for (const r of runs) {
    if (r.code !== 0 || r.timedOut) throw new Error(`${r.command} failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  const peaks = runs.flatMap((r) => r.providerHosts.map((p) => p.vmHwmKb));
  return {
    command: runs[0]!.command,
    runsMs: runs.map((r) => r.durationMs),
    medianMs: median(runs.map((r) => r.durationMs)),
    providerHostPeakRssMb: Math.round((Math.max(0, ...peaks) / 1024) * 10) / 10,
  };
}

export async function runOverhead(options: {
  bin: string;
  count: number;
  repeats: number;
  log: (line: string) => void;
}): Promise<OverheadResult> {
  const { count, repeats, log } = options;
  // The provider reads its settings at check time only to build nothing: preview never calls the API. The
  // emulator is there to prove it (request count 0).
  const emulator = await startEmulator({ timeScale: 0.25 });
  const notebooks = await createSampledWorkspace({
    bin: options.bin,
    program: "notebooks",
    stack: "preview",
    env: emulatorEnv(emulator, scaledPollSchedule(0.25)),
    config: { "modelarts-bench:count": String(count) },
  });
  const trivial = await createSampledWorkspace({
    bin: options.bin,
    program: "trivial",
    stack: "trivial",
    env: {},
    config: { "modelarts-bench-trivial:count": String(count) },
  });
  try {
    const nb: CliResult[] = [];
    const tr: CliResult[] = [];
    await emulator.admin.resetRequestCounts();
    // Interleaved, so a slow moment of the machine hits both.
    for (let i = 0; i < repeats; i++) {
      tr.push(await trivial.run(["preview"], { timeoutMs: 180_000 }));
      nb.push(await notebooks.run(["preview"], { timeoutMs: 180_000 }));
    }
    const apiRequestsDuringPreview = (await emulator.admin.requestCounts()).total;
    const preview = { notebooks: timed(nb), trivial: timed(tr), apiRequestsDuringPreview, ratio: 0 };
    preview.ratio = Math.round((preview.notebooks.medianMs / preview.trivial.medianMs) * 100) / 100;
    log(
      `overhead: preview of ${count}: notebooks ${preview.notebooks.medianMs} ms, trivial ${preview.trivial.medianMs} ms, ratio ${preview.ratio}`,
    );
    const cli = ["--yes", "--skip-preview", "--parallel", String(count)];
    const trivialUp = timed([await trivial.run(["up", ...cli], { timeoutMs: 180_000 })]);
    const trivialState = await trivial.exportStack();
    const trivialDestroy = timed([await trivial.run(["destroy", ...cli], { timeoutMs: 180_000 })]);
    log(`overhead: trivial up ${trivialUp.medianMs} ms, destroy ${trivialDestroy.medianMs} ms`);
    return { count, preview, trivialUp, trivialDestroy, trivialState };
  } finally {
    notebooks.dispose();
    trivial.dispose();
    await emulator.close();
  }
}
