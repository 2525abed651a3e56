import { SlidingWindowCounter } from "./SlidingWindowCounter.js";

/**
 * Client-side pacing for a shared gateway quota. ModelArts publishes no rate limits (API reference §7.4), the
 * quota is shared with the console and the tenant's other tools, and a throttled request costs the caller a
 * `Retry-After` (whole seconds) while applying nothing. Retrying harder made runs slower (bench/results/report.md:
 * 65-82% of all requests were 429s); sending at the rate the service accepts is what helps.
 *
 * A token bucket in front of the transport, shared by every resource and operation of the provider process:
 *
 * - **Off until the first throttled answer.** Until then `acquire()` returns one cached, already resolved promise
 *   (no timer, no clock read, no allocation) and `record()` only counts the answer. A stack that is never
 *   throttled pays nothing.
 * - **Start rate.** On the first throttled answer the rate becomes 0.9 x what the service accepted in the second
 *   before, unless `startRate` is given. Gateways (APIG, and the emulator) let about a second's worth of requests
 *   through at once and then refuse, so that count is about one second of quota. Accepted answers to requests sent
 *   before the refusal that arrive within the next second count too (with a longer round trip the refusal
 *   overtakes them). What was already in flight at a cold start is refused; everything after it is paced.
 * - **Slow start.** That estimate is only a guess (a gateway with a small burst makes it far too low), so until
 *   the next refusal a full queue doubles the rate every `slowStartDoublingMs`.
 * - **Adapting.** A throttled answer cuts the rate to `beta` x the rate actually being sent and remembers that
 *   rate as too fast. Answers that are not throttled let the rate grow back along a cubic curve (as TCP CUBIC and
 *   the AWS SDK's adaptive retry mode do): fast while far below the too-fast rate, flat near it (within 5% of it
 *   from half to 1.5 x `recoveryMs` after the cut, so a steady quota is probed about every 20 s rather than every
 *   few seconds: each probe costs a `Retry-After` pause for everyone), then faster to find a quota that grew.
 *   Refused below the previous too-fast rate, the share shrank: the plateau is set lower still (CUBIC's fast
 *   convergence). Beyond the too-fast rate the rate only grows as far as twice what is actually being sent, so a
 *   quiet period does not leave a large rate behind for the next burst of work.
 * - **One cut per congestion event.** Every request carries the ticket `acquire()` gave it; a throttled answer to a
 *   request sent before the last cut says nothing new (it was already on its way) and does not cut again. Without
 *   that, the 40 refusals of one cold start would cut the rate 40 times.
 * - **`Retry-After` pauses the bucket for every caller**, not only the one that was refused: the quota is shared,
 *   so anyone sending during the pause would be refused too. Clamped to `maxPauseMs`.
 * - **Work before polls, FIFO within each.** A request that changes something (create, action, update, delete)
 *   starts the service's work; a poll only looks at it. Under a queue, `priority: "background"` requests (the
 *   waiters' GETs) wait until no normal request is queued, so the last create of a large stack is not pushed back
 *   by polls of the first ones (the run ends one lifecycle after the last create). A background request that has
 *   waited `maxBackgroundWaitMs` is served in its turn like a normal one, so no caller starves. A request whose
 *   `signal` aborts leaves the queue at once.
 *
 * Degrades: a service that throttles without `Retry-After` (APIG.0308 may come without it) only gets the rate cut;
 * a quota much larger than one second of burst makes the start rate too high, which the next refusals correct
 * (one cut each); a quota that other tools use up in bursts shows as refusals at a rate that works at other
 * times: the rate follows it down and climbs back within `recoveryMs`. Requests in flight when the first refusal
 * arrives are refused anyway: with 50 creates sent at the same instant that is 80% of them at 10 req/s (the
 * provider host receives the engine's calls over about 300 ms, so in practice a few).
 *
 * Environment (read by `rateLimiterOptionsFromEnv`; no setting is needed):
 * - `MODELARTS_RATE_LIMIT=off` never paces (the escape hatch; throttled answers are still retried as before).
 * - `MODELARTS_RATE_LIMIT_START=<req/s>` the rate after the first throttled answer (default: derived as above).
 * - `MODELARTS_RATE_LIMIT_MIN=<req/s>` the floor no cut goes below (default 0.5).
 */
export interface AdaptiveRateLimiterOptions {
  /** false: `acquire()` never waits and `record()` only counts. Default true. */
  readonly enabled?: boolean;
  /** Requests per second once the first throttled answer turned pacing on. Default: derived (see above). */
  readonly startRate?: number;
  /** No cut goes below this many requests per second. Default 0.5. */
  readonly minRate?: number;
  /** Multiplicative cut on a throttled answer. Default 0.7. */
  readonly beta?: number;
  /**
   * After a cut by `beta`, the cubic curve is back at the refused rate this long later, whatever the rate (its
   * constant scales with the rate). Default 12 s.
   */
  readonly recoveryMs?: number;
  /** Share of the last second's accepted requests taken as the start rate when `startRate` is not set. Default 0.9. */
  readonly startFraction?: number;
  /** Tokens the bucket holds: how many requests may leave at once after a quiet spell. Default 1 (pure pacing). */
  readonly burst?: number;
  /** While only the cold start's estimate is known, a full queue doubles the rate this often (0: off). */
  readonly slowStartDoublingMs?: number;
  /** A background request that has waited this long is served in arrival order with normal ones. Default 30 s. */
  readonly maxBackgroundWaitMs?: number;
  /** A `Retry-After` longer than this is clamped. Default 60 s, as `RetryOptions.maxRetryAfterMs`. */
  readonly maxPauseMs?: number;
  readonly now?: () => number;
  /** Default: setTimeout, resolving early on abort. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What a request got back, as `record()` needs it. */
export interface SendOutcome {
  /** HTTP 429, ModelArts.6101, APIG.0308 / APIGW.0308 (`isThrottled` in retryPolicy.ts). */
  readonly throttled: boolean;
  /** The answer's `Retry-After`, in milliseconds. */
  readonly retryAfterMs?: number;
  /** What `acquire()` returned for this request; without it the answer counts as one to a request sent just now. */
  readonly ticket?: SendTicket;
}

export interface AcquireOptions {
  readonly signal?: AbortSignal;
  /** `background`: a poll, served after queued normal requests (see the class comment). Default `normal`. */
  readonly priority?: "normal" | "background";
}

/** Identifies when a request was let through, so late answers to earlier sends are recognised. */
export type SendTicket = number;

export interface RateLimiterSnapshot {
  /** Pacing is on (a throttled answer was seen). */
  readonly active: boolean;
  readonly ratePerSecond: number;
  readonly lastMaxRatePerSecond: number;
  /** Milliseconds left of a `Retry-After` pause. */
  readonly pausedForMs: number;
  readonly queued: number;
  /** Rate cuts so far. */
  readonly cuts: number;
}

export const DEFAULT_RATE_LIMITER = {
  minRate: 0.5,
  beta: 0.7,
  recoveryMs: 12_000,
  burst: 1,
  maxPauseMs: 60_000,
  maxBackgroundWaitMs: 30_000,
  slowStartDoublingMs: 2_000,
  startFraction: 0.9,
} as const;

interface Waiter {
  readonly enqueuedAt: number;
  resolve(ticket: SendTicket): void;
  reject(reason: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A token less than this far away counts as there: timers have no finer resolution, and waiting for the last
 * float hair of a token would spin. The bucket may go that little into debt; the next request pays it back.
 */
const TIMER_RESOLUTION_MS = 1;

export class AdaptiveRateLimiter {
  private readonly options: Required<Omit<AdaptiveRateLimiterOptions, "startRate" | "now" | "sleep">> & {
    startRate?: number;
  };
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  private active = false;
  /** Increases with every cut; a ticket older than this was sent before the last cut. */
  private epoch = 0;
  private readonly inactiveGrant: Promise<SendTicket> = Promise.resolve(0);

  private rate = Number.POSITIVE_INFINITY;
  private lastMaxRate = 0;
  private lastCutAt = 0;
  private rateAtCut = 0;
  private coldStartAt = 0;
  private coldStartAccepted = 0;
  /** Seconds after the last cut at which the cubic curve is back at lastMaxRate. */
  private k = 0;
  private tokens = 0;
  private refilledAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;

  /** Answers that were not throttled: the first cut derives the start rate from the last second of them. */
  private readonly accepted = new SlidingWindowCounter(1_000, 10);
  /** Requests let through while active: the rate actually sent, when demand is below the pacing rate. */
  private readonly sent = new SlidingWindowCounter(2_000, 20);

  private readonly normal: Waiter[] = [];
  private readonly background: Waiter[] = [];
  private draining = false;
  private drainSleep: AbortController | undefined;

  constructor(options: AdaptiveRateLimiterOptions = {}) {
    const merged = { enabled: true, ...DEFAULT_RATE_LIMITER, ...stripUndefined(options) };
    const positive = (name: string, v: number | undefined) => {
      if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new RangeError(`rate limiter: ${name} must be > 0`);
    };
    positive("startRate", merged.startRate);
    positive("minRate", merged.minRate);
    positive("recoveryMs", merged.recoveryMs);
    positive("burst", merged.burst);
    positive("startFraction", merged.startFraction);
    if (!(merged.beta > 0 && merged.beta < 1)) throw new RangeError("rate limiter: beta must be in (0, 1)");
    if (!(merged.maxPauseMs >= 0)) throw new RangeError("rate limiter: maxPauseMs must be >= 0");
    if (!(merged.maxBackgroundWaitMs >= 0)) throw new RangeError("rate limiter: maxBackgroundWaitMs must be >= 0");
    this.options = {
      enabled: merged.enabled,
      minRate: merged.minRate,
      beta: merged.beta,
      recoveryMs: merged.recoveryMs,
      burst: Math.max(1, merged.burst),
      maxPauseMs: merged.maxPauseMs,
      maxBackgroundWaitMs: merged.maxBackgroundWaitMs,
      slowStartDoublingMs: merged.slowStartDoublingMs,
      startFraction: merged.startFraction,
      ...(merged.startRate === undefined ? {} : { startRate: merged.startRate }),
    };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleepWithAbort;
  }

  /**
   * Resolves when this request may be sent; call right before each attempt (retries included). Rejects with the
   * signal's reason if `signal` aborts first.
   */
  acquire(options: AcquireOptions = {}): Promise<SendTicket> {
    const { signal } = options;
    if (!this.active) return signal?.aborted ? Promise.reject(abortReason(signal)) : this.inactiveGrant;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const now = this.now();
    const queue = options.priority === "background" ? this.background : this.normal;
    // Nobody it would overtake: normal requests overtake background ones anyway.
    const ahead = queue === this.normal ? this.normal.length : this.normal.length + this.background.length;
    if (ahead === 0 && this.msUntilToken(now) === 0) return Promise.resolve(this.grant(now));
    return new Promise<SendTicket>((resolve, reject) => {
      const waiter: Waiter = { enqueuedAt: now, resolve, reject };
      if (signal) {
        waiter.signal = signal;
        waiter.onAbort = () => {
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1);
          // Nobody left to wait for: end the drain loop's sleep rather than hold a timer for a long pause.
          if (this.queued() === 0) this.drainSleep?.abort();
          reject(abortReason(signal));
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      queue.push(waiter);
      void this.drain();
    });
  }

  /**
   * Call with every answer the service gave, `throttled` as `isThrottled` (retryPolicy.ts) says; not with network
   * errors, which say nothing about the quota.
   */
  record(outcome: SendOutcome): void {
    if (!this.options.enabled) return;
    const now = this.now();
    if (!outcome.throttled) {
      this.accepted.add(now);
      if (this.active && outcome.ticket === 0 && this.epoch === 1) this.coldStartAnswer(now);
      if (this.active) this.grow(now);
      return;
    }
    const pauseMs = Math.min(Math.max(0, outcome.retryAfterMs ?? 0), this.options.maxPauseMs);
    const stale = this.active && outcome.ticket !== undefined && outcome.ticket < this.epoch;
    if (!stale) this.cut(now);
    this.refill(now);
    if (pauseMs > 0 && now + pauseMs > this.pausedUntil) {
      this.pausedUntil = now + pauseMs;
      // One request may leave the moment the pause ends: the service said it would take one then.
      this.tokens = 1;
    } else if (!stale && now >= this.pausedUntil) {
      this.tokens = Math.min(this.tokens, 0);
    }
  }

  snapshot(): RateLimiterSnapshot {
    const now = this.now();
    return {
      active: this.active,
      ratePerSecond: this.rate,
      lastMaxRatePerSecond: this.lastMaxRate,
      pausedForMs: Math.max(0, this.pausedUntil - now),
      queued: this.queued(),
      cuts: this.epoch,
    };
  }

  private queued(): number {
    return this.normal.length + this.background.length;
  }

  /** The next waiter to serve: normal first, unless the oldest background one has waited long enough. */
  private takeNext(now: number): Waiter | undefined {
    const bg = this.background[0];
    const n = this.normal[0];
    if (bg && (!n || (now - bg.enqueuedAt >= this.options.maxBackgroundWaitMs && bg.enqueuedAt <= n.enqueuedAt))) {
      return this.background.shift();
    }
    return this.normal.shift();
  }

  /** 0 when a request may leave now; refills first. */
  private msUntilToken(now: number): number {
    this.refill(now);
    const fillMs = (Math.max(0, 1 - this.tokens) * 1000) / this.rate;
    const waitMs = Math.max(0, this.pausedUntil - now) + (fillMs < TIMER_RESOLUTION_MS ? 0 : fillMs);
    return waitMs;
  }

  private grant(now: number): SendTicket {
    this.tokens -= 1;
    this.sent.add(now);
    return this.epoch;
  }

  private capacity(): number {
    return this.options.burst;
  }

  /** Adds the tokens earned since the last refill; none are earned during a `Retry-After` pause. */
  private refill(now: number): void {
    const from = Math.max(this.refilledAt, this.pausedUntil);
    if (now > from) this.tokens = Math.min(this.capacity(), this.tokens + ((now - from) * this.rate) / 1000);
    if (now > this.refilledAt) this.refilledAt = now;
  }

  private setRate(now: number, rate: number): void {
    this.refill(now);
    this.rate = Math.max(this.options.minRate, rate);
  }

  private cut(now: number): void {
    const { beta, minRate, startRate, startFraction } = this.options;
    if (!this.active) {
      this.active = true;
      this.refilledAt = now;
      this.tokens = 0;
      // Nothing was paced yet: what the service accepted in the last second is the best guess at its quota.
      this.coldStartAt = now;
      this.coldStartAccepted = this.accepted.count(now);
      this.lastMaxRate = Math.max(minRate, this.coldStartAccepted);
      this.rate = Math.max(minRate, startRate ?? this.lastMaxRate * startFraction);
      this.rateAtCut = this.rate;
    } else {
      // With a queue the bucket is the bottleneck and the pacing rate is what was sent; without one the demand was
      // lower, and it is the rate measured that the service found too fast.
      const sending = this.queued() > 0 ? this.rate : Math.min(this.rate, this.sent.perSecond(now));
      let tooFast = Math.max(minRate, sending);
      // Refused below the previous peak: our share shrank, so aim the curve's plateau lower (CUBIC's fast
      // convergence).
      if (tooFast < this.lastMaxRate) tooFast = (tooFast * (1 + beta)) / 2;
      this.lastMaxRate = tooFast;
      this.setRate(now, sending * beta);
      this.rateAtCut = this.rate;
    }
    this.epoch++;
    this.lastCutAt = now;
    this.k = this.secondsToPlateau();
  }

  /** (req/s) per s^3, in proportion to the plateau so that a cut by beta recovers in recoveryMs at any rate. */
  private cubicScale(): number {
    const { beta, recoveryMs } = this.options;
    return ((1 - beta) / (recoveryMs / 1000) ** 3) * this.lastMaxRate;
  }

  /** When the curve, starting at the current rate now, reaches the plateau. */
  private secondsToPlateau(): number {
    return Math.cbrt(Math.max(0, this.lastMaxRate - this.rate) / this.cubicScale());
  }

  /**
   * An accepted answer to a request sent before pacing began, arriving after the first refusal: with a longer round
   * trip the first refusal overtakes answers to requests the service accepted before it. They belong to the same
   * second of quota, so the start rate counts them too.
   */
  private coldStartAnswer(now: number): void {
    if (now - this.coldStartAt > 1_000) return;
    const { minRate, startRate, startFraction } = this.options;
    this.coldStartAccepted++;
    this.lastMaxRate = Math.max(this.lastMaxRate, minRate, this.coldStartAccepted);
    if (startRate === undefined) this.setRate(now, Math.max(this.rate, this.coldStartAccepted * startFraction));
    this.rateAtCut = this.rate;
    this.k = this.secondsToPlateau();
  }

  /** An answer that was not throttled: follow the cubic curve up; never down. */
  private grow(now: number): void {
    const t = (now - this.lastCutAt) / 1000;
    let target = this.cubicScale() * (t - this.k) ** 3 + this.lastMaxRate;
    const doublingMs = this.options.slowStartDoublingMs;
    if (doublingMs > 0 && this.epoch === 1 && this.queued() > 0) {
      target = Math.max(target, this.rateAtCut * 2 ** ((now - this.lastCutAt) / doublingMs));
    }
    // Past the last known-too-fast rate, grow only as far as the provider is actually sending (x2): a rate earned
    // while idle would let the next burst of work out unpaced. A queue means demand exceeds the rate anyway.
    if (this.queued() === 0) target = Math.min(target, Math.max(this.lastMaxRate, 2 * this.sent.perSecond(now)));
    if (target > this.rate) this.setRate(now, target);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queued() > 0) {
        const now = this.now();
        const waitMs = this.msUntilToken(now);
        if (waitMs > 0) {
          this.drainSleep = new AbortController();
          try {
            await this.sleep(waitMs, this.drainSleep.signal);
          } catch {
            // A sleep that fails is a short sleep; the loop measures again.
          }
          this.drainSleep = undefined;
          continue;
        }
        const waiter = this.takeNext(now)!;
        if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener("abort", waiter.onAbort);
        waiter.resolve(this.grant(now));
      }
    } finally {
      this.draining = false;
    }
  }
}

let shared: AdaptiveRateLimiter | undefined;

/**
 * The provider process's one limiter: every resource and operation shares the tenant's quota, so they share the
 * pacing too. Created on first use from the environment.
 */
export function sharedRateLimiter(env: Record<string, string | undefined> = process.env): AdaptiveRateLimiter {
  shared ??= new AdaptiveRateLimiter(rateLimiterOptionsFromEnv(env));
  return shared;
}

/** Replaces (or with no argument forgets) the shared limiter; for tests and benchmarks. */
export function setSharedRateLimiter(limiter?: AdaptiveRateLimiter): void {
  shared = limiter;
}

/** `MODELARTS_RATE_LIMIT`, `MODELARTS_RATE_LIMIT_START`, `MODELARTS_RATE_LIMIT_MIN` (see the class comment). */
export function rateLimiterOptionsFromEnv(env: Record<string, string | undefined>): AdaptiveRateLimiterOptions {
  const rate = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return undefined;
    const value = Number(raw);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const switchValue = env.MODELARTS_RATE_LIMIT?.trim().toLowerCase();
  const options: { enabled?: boolean; startRate?: number; minRate?: number } = {};
  if (switchValue === "off" || switchValue === "false" || switchValue === "0") options.enabled = false;
  const startRate = rate("MODELARTS_RATE_LIMIT_START");
  if (startRate !== undefined) options.startRate = startRate;
  const minRate = rate("MODELARTS_RATE_LIMIT_MIN");
  if (minRate !== undefined) options.minRate = minRate;
  return options;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

// setTimeout treats delays above 2^31-1 ms as 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;

function sleepWithAbort(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
