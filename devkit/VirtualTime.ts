import { setImmediate as nextMacrotask } from "node:timers/promises";

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/**
 * Discrete-event time for simulations: `sleep` registers a timer, `run` jumps the clock from one timer to the next
 * and lets every promise chain settle in between. Ties fire in the order they were scheduled, so a run is the same
 * every time.
 */
export class VirtualTime {
  private current = 0;
  private seq = 0;
  private timers: Timer[] = [];

  readonly now = (): number => this.current;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer: Timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fire: resolve };
      this.insert(timer);
      signal?.addEventListener(
        "abort",
        () => {
          const i = this.timers.indexOf(timer);
          if (i >= 0) this.timers.splice(i, 1);
          resolve();
        },
        { once: true },
      );
    });

  /** Runs until `work` settles; fails if it has not after `limitMs` of virtual time. */
  async run<T>(work: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
    let settled = false;
    const watched = work.finally(() => {
      settled = true;
    });
    watched.catch(() => {});
    for (;;) {
      // Microtasks run before the next macrotask: every chain that can move without time has moved.
      await nextMacrotask();
      if (settled) return watched;
      const next = this.timers.shift();
      if (!next) throw new Error("virtual time: nothing scheduled and the work is not done (deadlock)");
      if (next.at > limitMs) throw new Error(`virtual time: still running after ${limitMs} ms`);
      this.current = Math.max(this.current, next.at);
      next.fire();
    }
  }

  private insert(timer: Timer): void {
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.timers[mid]!;
      if (t.at < timer.at || (t.at === timer.at && t.seq < timer.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
  }
}
