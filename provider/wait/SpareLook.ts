import { abortableSleep } from "./abortableSleep.js";

/** What an early look saw, and when the regular poll it came before was due (ms since the epoch). */
export interface LookResult<T> {
  readonly value: T;
  readonly dueAt: number;
}

/**
 * The delay before the poll after a look: a look that showed nothing new (the phase seen before) does not move the
 * regular poll later than it was due, as a schedule that counts from the last sighting would (a near phase is
 * polled at least an interval after it); one that showed another phase plans afresh from what it saw.
 */
export function delayAfterLook(
  plannedMs: number,
  now: number,
  look: LookResult<unknown>,
  phaseChanged: boolean,
): number {
  return phaseChanged ? plannedMs : Math.min(plannedMs, Math.max(0, look.dueAt - now));
}

/**
 * One early look per wait, with quota nobody else wants.
 *
 * While the shared rate limiter paces, the poll schedule looks at an object only at the typical end of its wait
 * (pollSchedule.ts, congested), so the instances a stack created together all come due at once: their polls queue
 * behind each other, and a "system busy" answer to any of them (ModelArts.6101, `Retry-After`) is retried in that
 * rush. The quota the gateway grants between the creates and that rush is left unused. So the first sleep of a
 * wait that starts while pacing also offers one look sent only with a token no other request is queued for (the
 * limiter's `spare` priority: half its rate, all of it while looks are refused), before the regular poll is due
 * or never. It catches an operation the service failed or finished early, and a busy answer lands where it delays
 * nobody. A look that is refused, fails or is not sent changes nothing: the regular poll follows as planned, and
 * is never repeated.
 *
 * Cost: up to one GET per wait, of quota that would otherwise have gone unused (bench/results: Scale and Busy).
 */
export class SpareLook<T> {
  private offered = false;
  private seen: LookResult<T> | undefined;

  /**
   * `look(untilMs)`: one GET that leaves the rate limiter's queue unsent at `untilMs` (ms since the epoch);
   * `pacing()`: the limiter paces now.
   */
  constructor(
    private readonly look: (untilMs: number) => Promise<T>,
    private readonly pacing: () => boolean,
    private readonly now: () => number = Date.now,
    private readonly sleepFor: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
  ) {}

  /** Sleeps `ms` (ends early on `signal`); the first sleep while pacing also ends early when its look answers. */
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    // Only the first sleep, before the wait's first poll: a later look would see an object the wait has seen (in
    // the busy bench, a wait that began before pacing sent its look into the rush at the typical end). A cancelled
    // wait sends nothing (its sleep returns at once).
    const first = !this.offered;
    this.offered = true;
    if (!first || !this.pacing() || signal?.aborted) return this.sleepFor(ms, signal);
    const woken = new AbortController();
    const wake = () => woken.abort();
    signal?.addEventListener("abort", wake, { once: true });
    let sleeping = true;
    const dueAt = this.now() + ms;
    this.look(dueAt).then(
      (value) => {
        if (!sleeping) return;
        this.seen = { value, dueAt };
        woken.abort();
      },
      // Refused, failed or never sent: the regular poll follows as planned.
      () => undefined,
    );
    try {
      await this.sleepFor(ms, woken.signal);
    } finally {
      sleeping = false;
      signal?.removeEventListener("abort", wake);
    }
  }

  /** What the look saw, if it answered during the last sleep; given out once (the poll that follows uses it). */
  take(): LookResult<T> | undefined {
    const seen = this.seen;
    this.seen = undefined;
    return seen;
  }
}
