/**
 * Status-aware polling: when to look again, from what the last poll showed. Pure: the caller passes the clock.
 *
 * A wait for RUNNING is a walk through phases (CREATE_QUEUING → CREATING → STARTING → RUNNING). Only the end of
 * the LAST phase before the target (STARTING, RESTARTING, STOPPING, DELETING; the v2 API's last `action_progress`
 * step) decides how late the waiter returns; every earlier phase only has to be left in time to catch that last
 * one. So:
 *
 * - In an earlier phase ("far"), poll every `catchFactor` x the typical time from its end to the target (13 s for
 *   CREATING before a 10 s STARTING; 1.3 x 15 s in step 2 of a notebook's four init steps, where a poll in step 3
 *   or 4 serves as well as one in the last), and not before the last phase can have begun (`earlyFactor` x the
 *   typical time left before it, a queue's `remain_time` included). A poll then lands after this phase and before
 *   the target about 1/catchFactor of the time; when it does not, the target is seen at most `(catchFactor - 1)` x
 *   that window late.
 * - In the last phase ("near"), skip the part in which it cannot end yet (`earlyFactor` x its typical length since
 *   it began at the earliest), then poll every `nearIntervalMs`; if it runs past its typical length, the interval
 *   grows in proportion (a STARTING that takes 10x as long is polled 10x as slowly).
 * - Congested (the shared rate limiter is pacing): every GET delays everyone's requests, so poll at the typical
 *   end of the whole wait instead of early and often, and at twice the near interval.
 * - Never sooner than `floorMs`, never later than `capMs`; unknown statuses are polled every `unknownIntervalMs`.
 *
 * Against creates of 30-300 s (STARTING 10 s): mean lag 1.1 s and 14.0 GETs, where Terraform's fixed 10 s has
 * 5.0 s and 16.9 (bench/pacing.ts prints the table). Assumptions, and how it degrades when they are wrong (a real
 * service will differ from the emulator):
 * - The last phase lasts about its typical length (STARTING 10 s, STOPPING / DELETING 5 s: the console's waits;
 *   the docs give no figures). Shorter: far polls step over it more often and the lag grows towards half a far
 *   interval (STARTING 5 s instead of 10: mean lag 2.9 s). Longer: more near polls, no more lag (STARTING 20 s:
 *   1.3 s, 17.9 GETs). The intervals never exceed `capMs`, so a wrong table costs lag or GETs, not a hang.
 * - Earlier phases last at least `earlyFactor` of their typical length (CREATING 30 s: the first poll after a
 *   create is at 21 s). One that takes 5 s is seen at 21 s (6 s late); one that takes 300 s is polled every 13 s
 *   (25 GETs, Terraform 30).
 * - A status not in the table is polled every `unknownIntervalMs`, as Terraform polls everything.
 * - `queuing_info.remain_time` is the service's estimate of the queue's end; a queue rank without it is taken as
 *   `rankStepMs` per rank. Missing a queue's end costs nothing: CREATING follows, not the target.
 */
/** How long a status typically lasts, and which status follows it on the way to the target. */
export interface StatusTiming {
  readonly typicalMs: number;
  /** The status after this one; absent when the target follows (this is the last phase). */
  readonly next?: string;
}

export type StatusTimings = Readonly<Record<string, StatusTiming>>;

/** What one poll showed, in the provider's words (the waiter maps the wire fields). */
export interface StatusSighting {
  readonly status: string;
  /** `queuing_info`, when the instance is queued: `remain_time` in ms as the service reports it. */
  readonly queue?: { readonly rank?: number; readonly remainTimeMs?: number };
  /** v2 `action_progress`: the step in progress (1-based). */
  readonly progressStep?: number;
}

export interface PollScheduleOptions {
  readonly timings: StatusTimings;
  readonly floorMs: number;
  readonly capMs: number;
  /** Poll interval in the last phase, once it may have ended. */
  readonly nearIntervalMs: number;
  /** Far interval = catchFactor x the typical length of the last phase. */
  readonly catchFactor: number;
  /** A phase lasts at least this share of its typical length. */
  readonly earlyFactor: number;
  readonly unknownIntervalMs: number;
  /** Queue time per rank when `remain_time` is missing. */
  readonly rankStepMs: number;
  /**
   * Multiplies every duration above and the service's `remain_time`: 0.25 against an emulator at time scale
   * 0.25. Default 1.
   */
  readonly timeScale: number;
}

/**
 * Everything but the timings, which each resource states beside its statuses (e.g. notebookInstance/statusClasses.ts):
 * a waiter adds the table of the objects it polls.
 */
export const DEFAULT_POLL_SCHEDULE: Omit<PollScheduleOptions, "timings"> = {
  floorMs: 1_000,
  capMs: 60_000,
  nearIntervalMs: 2_000,
  catchFactor: 1.3,
  earlyFactor: 0.7,
  unknownIntervalMs: 10_000,
  rankStepMs: 10_000,
  timeScale: 1,
};

/** What the planner knows when it decides. */
export interface PollState {
  readonly sighting: StatusSighting;
  /** Since the first poll (or the operation's answer) that showed this phase: it has lasted at least this long. */
  readonly seenForMs: number;
  /** Since the last poll that showed another phase, or since the operation began: it has lasted at most this. */
  readonly atMostForMs: number;
  /** Since the sighting the planner decides from (0 right after a poll; more when a wait starts late). */
  readonly sinceLastSightingMs?: number;
  /**
   * The shared rate limiter is pacing (the gateway throttled this process): every GET then delays everyone's
   * requests, so poll once at the typical end instead of early and often (fewer GETs, more lag).
   */
  readonly congested?: boolean;
}

/** The delay before the next poll. */
export function nextPollDelayMs(state: PollState, options: PollScheduleOptions): number {
  const o = options;
  const s = o.timeScale;
  const clamp = (ms: number) => Math.min(o.capMs * s, Math.max(o.floorMs * s, ms));
  const key = phaseKey(state.sighting, o.timings);
  const timing = key === undefined ? undefined : o.timings[key];
  if (!timing) return clamp(o.unknownIntervalMs * s);

  const last = lastPhase(key!, o.timings);
  const lastMs = o.timings[last]!.typicalMs * s;
  if (last === key) {
    // The last phase: it cannot end before earlyFactor x its length after it began, and it began at most
    // atMostForMs ago. Past its typical length the interval grows with the overrun.
    const earliestEndMs = o.earlyFactor * lastMs - state.atMostForMs;
    const intervalMs = o.nearIntervalMs * s * Math.max(1, state.seenForMs / lastMs);
    if (state.congested) {
      // Its typical end, had it begun halfway between the two polls that bound its start.
      const typicalEndMs = lastMs - (state.seenForMs + state.atMostForMs) / 2;
      return clamp(Math.max(2 * intervalMs, typicalEndMs));
    }
    return clamp(Math.max(intervalMs, earliestEndMs));
  }
  // An earlier phase: look often enough to land inside the last phase, and not before it can have begun.
  const hereMs = remainingHereMs(state, timing, o);
  let beforeLastMs = hereMs;
  for (let k = timing.next; k !== undefined && k !== last; k = o.timings[k]?.next) {
    beforeLastMs += (o.timings[k]?.typicalMs ?? 0) * s;
  }
  // A poll must land after this phase and before the target (in any later phase, not only the last): with more
  // than one phase to come, that window is longer than the last phase. Spaced from the last sighting: a wait that
  // began after the operation's answer has waited that long already. Never more often than before the window
  // counted (catchFactor x the last phase).
  const windowMs = beforeLastMs - hereMs + lastMs;
  const spacingMs = Math.max(o.catchFactor * lastMs, o.catchFactor * windowMs - (state.sinceLastSightingMs ?? 0));
  if (state.congested) return clamp(Math.max(spacingMs, beforeLastMs + lastMs));
  return clamp(Math.max(spacingMs, o.earlyFactor * beforeLastMs));
}

/** Keeps the state `nextPollDelayMs` needs across polls: when the current phase was first seen, and when before. */
export class PollPlanner {
  private phase: string | undefined;
  private firstSeenAt: number;
  /** The last sighting of another phase (the operation's start before any): the current one began after it. */
  private otherSeenAt: number;
  private lastSightingAt: number;
  private last: StatusSighting | undefined;
  private changed = false;

  /**
   * `startedAt`: when the operation was accepted (the POST or action answered); `initial`: the status that answer
   * showed or implies (CREATING after a create, STOPPING after a stop), if known.
   */
  constructor(
    private readonly options: PollScheduleOptions,
    startedAt: number,
    initial?: StatusSighting,
  ) {
    this.firstSeenAt = startedAt;
    this.otherSeenAt = startedAt;
    this.lastSightingAt = startedAt;
    if (initial) this.observe(startedAt, initial);
  }

  /** Records what a poll at `now` showed; a poll that failed changes nothing. */
  observe(now: number, sighting: StatusSighting | undefined): void {
    if (!sighting) return;
    const key = phaseKey(sighting, this.options.timings) ?? `?${sighting.status}`;
    this.changed = key !== this.phase;
    if (key !== this.phase) {
      if (this.phase !== undefined) this.otherSeenAt = this.lastSightingAt;
      this.firstSeenAt = now;
      this.phase = key;
    }
    this.last = sighting;
    this.lastSightingAt = now;
  }

  /** The last sighting showed another phase than the one before it (the first one always does). */
  get lastSightingChangedPhase(): boolean {
    return this.changed;
  }

  /** The delay before the next poll, deciding at `now` (normally right after `observe`). */
  nextDelayMs(now: number, congested = false): number {
    const o = this.options;
    // Nothing seen yet (an update's wait, say): poll soon, as in a last phase.
    if (!this.last) return Math.min(o.capMs, Math.max(o.floorMs, o.nearIntervalMs)) * o.timeScale;
    return nextPollDelayMs(
      {
        sighting: this.last,
        seenForMs: now - this.firstSeenAt,
        atMostForMs: now - this.otherSeenAt,
        sinceLastSightingMs: now - this.lastSightingAt,
        congested,
      },
      o,
    );
  }
}

/** `STATUS/step` when the table knows it, else `STATUS` when it knows that, else undefined. */
export function phaseKey(sighting: StatusSighting, timings: StatusTimings): string | undefined {
  if (sighting.progressStep !== undefined) {
    const stepped = `${sighting.status}/${sighting.progressStep}`;
    if (timings[stepped]) return stepped;
  }
  return timings[sighting.status] ? sighting.status : undefined;
}

/** Follows `next` to the last phase; a table with a loop or a dangling `next` ends at the last known phase. */
function lastPhase(key: string, timings: StatusTimings): string {
  const seen = new Set<string>();
  let k = key;
  for (;;) {
    const next = timings[k]?.next;
    if (next === undefined || !timings[next] || seen.has(next)) return k;
    seen.add(k);
    k = next;
  }
}

function remainingHereMs(state: PollState, timing: StatusTiming, o: PollScheduleOptions): number {
  const s = o.timeScale;
  const queue = state.sighting.queue;
  if (queue?.remainTimeMs !== undefined && queue.remainTimeMs >= 0) return queue.remainTimeMs * s;
  if (queue?.rank !== undefined && queue.rank > 0) return queue.rank * o.rankStepMs * s;
  return Math.max(0, timing.typicalMs * s - state.atMostForMs);
}
