import { sanitizeServiceText } from "../api/redact.js";

/**
 * Progress lines for long waits. The provider host's stdout is what `pulumi up` shows (its log API is not
 * connected to the engine in dynamic providers), so a line goes to stdout on each status change and
 * periodically while a status holds.
 */
export type ProgressSink = (line: string) => void;

export const stdoutSink: ProgressSink = (line) => {
  process.stdout.write(`${line}\n`);
};

const sinkHolder: { sink: ProgressSink } = { sink: stdoutSink };

/** Tests swap the sink to capture lines. */
export function setProgressSink(sink: ProgressSink): void {
  sinkHolder.sink = sink;
}

/** Prints one line; text from the service is masked and stripped of control characters (no fake lines). */
export function reportProgress(line: string): void {
  sinkHolder.sink(sanitizeServiceText(line));
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
