/**
 * Progress lines for long waits: one on each status change and periodically while a status holds. By default
 * they go to the engine against the resource being worked on (engineLogSink.ts), or to the provider host's
 * stdout, which `pulumi up` shows as Stack diagnostics.
 */
import { sanitizeServiceText } from "../base/redact.js";
import { engineLogSink, type LineKind } from "./engineLogSink.js";

export type ProgressSink = (line: string, kind: LineKind) => void;

export const stdoutSink: ProgressSink = (line) => {
  process.stdout.write(`${line}\n`);
};

const sinkHolder: { sink: ProgressSink } = { sink: engineLogSink };

/** Tests swap the sink to capture lines. */
export function setProgressSink(sink: ProgressSink): void {
  sinkHolder.sink = sink;
}

/**
 * Prints one line; text from the service is masked and stripped of control characters (no fake lines).
 * `status` (default): a line of a wait, shown while it lasts; `notice`: kept among the resource's diagnostics.
 */
export function reportProgress(line: string, kind: LineKind = "status"): void {
  sinkHolder.sink(sanitizeServiceText(line), kind);
}

export interface ProgressTracker {
  /** `detail` says where in the status the object is: "queue position 2", "step 2 of 4: prepare compute". */
  observe(status: string, detail?: string): void;
}

/** Prints when the status or its detail changes, and every `everyMs` while nothing changes. */
export function createProgressTracker(options: {
  label: string;
  now?: () => number;
  everyMs?: number;
}): ProgressTracker {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 30_000;
  const started = now();
  let lastStatus: string | undefined;
  let lastPrinted = 0;
  return {
    observe(status, detail) {
      const at = now();
      const key = `${status}\u0000${detail ?? ""}`;
      if (key === lastStatus && at - lastPrinted < everyMs) return;
      lastStatus = key;
      lastPrinted = at;
      const elapsed = Math.round((at - started) / 1000);
      reportProgress(`${options.label}: ${status} (${elapsed}s elapsed${detail ? `, ${detail}` : ""})`);
    },
  };
}
