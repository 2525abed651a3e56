/**
 * One operation's time limit (`timeouts.update`, ...), handed to every step inside it: each wait gets what remains
 * of it, each request its retry loop, its per-request timeout and its place in the rate limiter's queue (up to
 * it), so a stop, a change and a start share the limit instead of getting it three times. `signal` aborts at the
 * deadline with `error()`, which says which limit passed.
 */
export class Deadline {
  /** When it passes, in ms since the epoch. */
  readonly at: number;
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    /** The whole limit, for messages ("timed out after 10s"). */
    readonly limitMs: number,
    /** The error every step fails with once the deadline has passed. */
    private readonly reason: () => Error,
    now: number = Date.now(),
  ) {
    this.at = now + limitMs;
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort(this.reason()), Math.min(limitMs, 2 ** 31 - 1));
    // A pending deadline never keeps the provider process alive: the operation it bounds does, while it runs.
    this.timer.unref?.();
  }

  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  get passed(): boolean {
    return this.signal.aborted || Date.now() >= this.at;
  }

  error(): Error {
    return this.reason();
  }

  /** `work`, or this deadline's error if it passes first (the work itself goes on unobserved). */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.passed) return Promise.reject(this.error());
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.error());
      this.signal.addEventListener("abort", onAbort, { once: true });
      work.then(
        (value) => {
          this.signal.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (err: unknown) => {
          this.signal.removeEventListener("abort", onAbort);
          reject(err);
        },
      );
    });
  }

  /** Ends the timer once the operation is over. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
