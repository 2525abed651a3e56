/**
 * State: bytes per resource in `pulumi stack export`, the whole entry and `__provider` alone, for each of the three
 * resources (a stack of `NotebookInstance`s, `Notebook`s and a `NotebookStorageMount` on each Notebook).
 */
import { startEmulator } from "../emulator/index.js";
import { emulatorEnv, scaledPollSchedule } from "./lib/env.js";
import { RESOURCE_TYPES, stateResources } from "./lib/inventory.js";
import { tail, type StackExport, type StateResource } from "../devkit/pulumiCli.js";
import { createSampledWorkspace } from "./lib/sampledWorkspace.js";
import type { SectionOptions } from "./lib/sectionOptions.js";

export interface SizeStats {
  resources: number;
  meanBytes: number;
  minBytes: number;
  maxBytes: number;
}

export type StateResourceName = keyof typeof RESOURCE_TYPES;

export interface ResourceState {
  /** The resource's entry as `pulumi stack export` prints it (4-space indented JSON). */
  entryAsExported: SizeStats;
  /** The same entry as compact JSON. */
  entryCompact: SizeStats;
  /** The `__provider` string (the serialized provider shim), the largest seen. */
  providerBytes: number;
  /** How many copies of `__provider` one entry holds (inputs and outputs). */
  providerCopies: number;
  /** inputs and outputs without `__provider`, compact. */
  propertiesCompactMean: number;
}

export interface StateResult {
  /** The command that made the measured stack. */
  command?: string;
  resources: Partial<Record<StateResourceName, ResourceState>>;
  trivial?: { entryAsExported: SizeStats; providerBytes: number; providerCopies: number };
}

/** The target of the "state" issue: `__provider` under 2,048 bytes per resource. */
export const PROVIDER_BYTES_LIMIT = 2048;

const bytes = (value: unknown, indent?: number) => Buffer.byteLength(JSON.stringify(value, null, indent));

function sizes(resources: StateResource[], indent?: number): SizeStats {
  const all = resources.map((r) => bytes(r, indent));
  return {
    resources: all.length,
    meanBytes: Math.round(all.reduce((a, b) => a + b, 0) / Math.max(1, all.length)),
    minBytes: Math.min(...all),
    maxBytes: Math.max(...all),
  };
}

function provider(r: StateResource): { bytes: number; copies: number } {
  const copies = [r.inputs?.__provider, r.outputs?.__provider].filter((p) => typeof p === "string") as string[];
  return { bytes: Math.max(0, ...copies.map((c) => Buffer.byteLength(c))), copies: copies.length };
}

function analyzeResources(list: StateResource[]): ResourceState {
  const withoutProvider = list.map((r) => {
    const { __provider: _i, ...inputs } = r.inputs ?? {};
    const { __provider: _o, ...outputs } = r.outputs ?? {};
    return bytes(inputs) + bytes(outputs);
  });
  const providers = list.map(provider);
  return {
    entryAsExported: sizes(list, 4),
    entryCompact: sizes(list),
    providerBytes: Math.max(...providers.map((p) => p.bytes)),
    providerCopies: Math.max(...providers.map((p) => p.copies)),
    propertiesCompactMean: Math.round(withoutProvider.reduce((a, b) => a + b, 0) / withoutProvider.length),
  };
}

/** Every resource type of the provider found in the exported state. */
export function analyzeState(state: StackExport | undefined, command?: string): StateResult {
  const resources: StateResult["resources"] = {};
  for (const name of Object.keys(RESOURCE_TYPES) as StateResourceName[]) {
    const list = state ? stateResources(state, name) : [];
    if (list.length > 0) resources[name] = analyzeResources(list);
  }
  return { ...(command && { command }), resources };
}

/** The trivial dynamic resource of the overhead stack, for comparison. */
export function analyzeTrivialState(trivial: StackExport): StateResult["trivial"] {
  const tr = trivial.deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic:"));
  if (tr.length === 0) return undefined;
  const tp = provider(tr[0]!);
  return { entryAsExported: sizes(tr, 4), providerBytes: tp.bytes, providerCopies: tp.copies };
}

/** `pulumi up` of a small stack with every resource type, its export, then `pulumi destroy`. */
export async function runStateStack(
  options: Pick<SectionOptions, "bin" | "timeScale" | "timeoutMs" | "log">,
): Promise<StackExport> {
  const emulator = await startEmulator({ timeScale: options.timeScale });
  const ws = await createSampledWorkspace({
    bin: options.bin,
    program: "notebooks",
    stack: "state",
    env: emulatorEnv(emulator, scaledPollSchedule(options.timeScale)),
    config: { "modelarts-bench:count": "3", "modelarts-bench:resource": "all" },
  });
  try {
    const up = await ws.run(["up", "--yes", "--skip-preview"], { timeoutMs: options.timeoutMs });
    if (up.code !== 0) throw new Error(`state: pulumi up failed:\n${tail(up.stdout + up.stderr, 30)}`);
    const state = await ws.exportStack();
    const destroy = await ws.run(["destroy", "--yes", "--skip-preview"], { timeoutMs: options.timeoutMs });
    options.log(`state: up ${(up.durationMs / 1000).toFixed(1)} s, destroy exited ${destroy.code}`);
    return state;
  } finally {
    ws.dispose();
    await emulator.close();
  }
}
