/** State: bytes per resource in `pulumi stack export`, the whole entry and `__provider` alone. */
import { NOTEBOOK_TYPE } from "./lib/inventory.js";
import type { StackExport, StateResource } from "./lib/pulumi.js";

export interface SizeStats {
  resources: number;
  meanBytes: number;
  minBytes: number;
  maxBytes: number;
}

export interface StateResult {
  notebook: {
    /** The resource's entry as `pulumi stack export` prints it (4-space indented JSON). */
    entryAsExported: SizeStats;
    /** The same entry as compact JSON. */
    entryCompact: SizeStats;
    /** The `__provider` string (the serialized provider shim). */
    providerBytes: number;
    /** How many copies of `__provider` one entry holds (inputs and outputs). */
    providerCopies: number;
    /** inputs and outputs without `__provider`, compact. */
    propertiesCompactMean: number;
  };
  trivial?: { entryAsExported: SizeStats; providerBytes: number; providerCopies: number };
}

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
  return { bytes: copies[0] === undefined ? 0 : Buffer.byteLength(copies[0]), copies: copies.length };
}

export function analyzeState(notebooks: StackExport): StateResult {
  const nb = (notebooks.deployment.resources ?? []).filter((r) => r.type === NOTEBOOK_TYPE);
  if (nb.length === 0) throw new Error("the exported state holds no NotebookInstance");
  const p = provider(nb[0]!);
  const withoutProvider = nb.map((r) => {
    const { __provider: _i, ...inputs } = r.inputs ?? {};
    const { __provider: _o, ...outputs } = r.outputs ?? {};
    return bytes(inputs) + bytes(outputs);
  });
  return {
    notebook: {
      entryAsExported: sizes(nb, 4),
      entryCompact: sizes(nb),
      providerBytes: p.bytes,
      providerCopies: p.copies,
      propertiesCompactMean: Math.round(withoutProvider.reduce((a, b) => a + b, 0) / withoutProvider.length),
    },
  };
}

/** The trivial dynamic resource of the overhead stack, for comparison. */
export function analyzeTrivialState(trivial: StackExport): StateResult["trivial"] {
  const tr = (trivial.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic:"));
  if (tr.length === 0) return undefined;
  const tp = provider(tr[0]!);
  return { entryAsExported: sizes(tr, 4), providerBytes: tp.bytes, providerCopies: tp.copies };
}
