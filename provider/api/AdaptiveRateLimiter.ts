import { SlidingWindowCounter } from "./SlidingWindowCounter.js";
import { abortableSleep } from "../wait/abortableSleep.js";

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
 *   throttled pays nothing but the cold-start guard's first round trips.
 * - **Cold-start guard.** At the start nothing is known about the quota, and every request sent before the first
 *   refusal is handled is refused with it: 50 creates at once met 18-25 refusals at 10 req/s, although the gateway
 *   had let 10 through. So until `coldStartAnswers` answers have come back without a refusal, at most
 *   `coldStartWindow` requests are out without an answer; each answer lets the next one out. A gateway that
 *   throttles refuses within that window (about `coldStartWindow` refusals at most), and pacing starts from there;
 *   one that does not costs a few round trips, once per provider process. Then the limiter is off again until a
 *   refusal. The window is 3: 20 creates at 5 req/s send about 45 requests, and 5 refusals at the start were 11%
 *   of them.
 * - **Start rate.** On the first throttled answer the rate becomes 0.9 x what the service accepted in the second
 *   before, unless `startRate` is given. Gateways (APIG, and the emulator) let about a second's worth of requests
 *   through at once and then refuse, so that count is about one second of quota. Accepted answers to requests sent
 *   before the refusal that arrive within the next second count too (with a longer round trip the refusal
 *   overtakes them). What was already in flight at a cold start is refused; everything after it is paced.
 * - **Slow start.** That estimate is only a guess (a gateway with a small burst makes it far too low), so until
 *   the next refusal a full queue doubles the rate every `slowStartDoublingMs`. That refusal comes once the
 *   burst the gateway saved up meanwhile is spent, so by then the rate has overshot; if pacing kept the gateway
 *   busy from the start, what it accepted since, less that burst, is its rate, and pacing continues at that
 *   measured rate instead of cutting by `beta` several times.
 * - **Adapting while pacing settles.** Until then, a throttled answer cuts the rate to `beta` x the rate actually
 *   being sent and remembers that rate as too fast. Answers that are not throttled let the rate grow back along a
 *   cubic curve (as TCP CUBIC and the AWS SDK's adaptive retry mode do): fast while far below the too-fast rate,
 *   flat near it (within 5% of it from half to 1.5 x `recoveryMs` after the cut, so a steady quota is probed about
 *   every 20 s rather than every few seconds), then faster to find a quota that grew. Refused below the previous
 *   too-fast rate, the share shrank: the plateau is set lower still (CUBIC's fast convergence). Beyond the
 *   too-fast rate the rate only grows as far as twice what is actually being sent, so a quiet period does not
 *   leave a large rate behind for the next burst of work. One cut per congestion event: every request carries the
 *   ticket `acquire()` gave it; a throttled answer to a request sent before the last cut says nothing new (it was
 *   already on its way) and does not cut again. Without that, the 40 refusals of one cold start would cut the rate
 *   40 times.
 * - **Settled: in proportion to what is refused.** Once slow start has ended, a refusal after a calm spell
 *   (`shareWindowMs` without one) opens an episode, and so do the ones that follow it closely. A gateway's 429 and
 *   the service's "system busy" (ModelArts.6101) are the same answer to a client, and the second comes whatever
 *   the rate: cutting by `beta` per refusal took a run with 20 busy answers down to the floor rate for a minute
 *   (bench/results: "Busy"). So within an episode the rate is the pacing rate when it began, less the largest
 *   share refused among the answers of the last `shareWindowMs` (at most 1 - `beta` below it): one busy answer
 *   among ten costs a tenth, refusals that go on at the same share cost nothing more, and the curve is back at the
 *   reference within seconds of clean answers. A gateway that refuses more as the rate grows raises the share and
 *   is followed down; an episode longer than `episodeMaxMs` takes its reference anew, so a quota that shrank for
 *   good is followed 30% per episode. Retries tell the two apart where they can: a gateway over its quota refuses
 *   a request's retry as often as any request, while a "system busy" for one request is usually not met again by
 *   its retry a second later. So once a few retries were answered within `shareWindowMs`, the share they were
 *   refused again sizes the slow-down when it is the lower, and an accepted retry that lowers it lets the rate
 *   back up at once (bench Busy: 20 busy answers no longer hold a run at 0.7x its rate until the end).
 * - **`Retry-After` holds only the request that got it** (the retry loop waits it out, retryStrategy.ts): the
 *   others go on at the rate above. Pausing everyone for every refusal, as this limiter did, cost 20 busy answers
 *   20 s of nobody sending, although nothing says a busy answer was about anyone else's request; and when the
 *   refusal was the gateway's, the rate it set is already below what the gateway takes.
 * - **Work before polls, FIFO within each.** A request that changes something (create, action, update, delete)
 *   starts the service's work; a poll only looks at it. Under a queue, `priority: "background"` requests (the
 *   waiters' GETs) wait until no normal request is queued, so the last create of a large stack is not pushed back
 *   by polls of the first ones (the run ends one lifecycle after the last create). A background request that has
 *   waited `maxBackgroundWaitMs` is served in its turn like a normal one, so no caller starves. A request whose
 *   `signal` aborts leaves the queue at once.
 * - **Spare requests use only quota nobody queued for.** `priority: "spare"` is a request that may go unsent (a
 *   waiter's early look while pacing, frame/waitForStatus.ts): it leaves only when no normal or background request
 *   is queued, and at most `spareShare` of the rate, so a request that arrives meanwhile rarely finds the token
 *   just spent; while spare requests are refused (each took a "system busy" its regular poll would have met in
 *   the rush) they earn up to the whole rate (`spareShareNow`). It counts as demand for nothing: a queue of spare
 *   requests neither grows the rate nor makes a cut read the pacing rate as what the service met. Its deadline
 *   (the caller's regular poll) ends its wait. Its refusal slows nobody down: it went out with quota nobody else
 *   wanted and is never repeated, so it adds no load; a "system busy" taken early by a spare look (what it is for)
 *   would otherwise cut the rate of the rush it spared. If the gateway itself is refusing, the next normal
 *   request's refusal says so.
 *
 * Degrades: a service that throttles without `Retry-After` (APIG.0308 may come without it) is retried at the paced rate;
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
 * - `MODELARTS_RATE_LIMIT_COLD_START=<n>` the cold-start guard's window (default 3; 0 turns the guard off).
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
  /** Refusals among the answers of this long size a slow-down; a refusal after this long without one is sporadic. Default 2 s. */
  readonly shareWindowMs?: number;
  /** A run of refusals that lasts longer than this is not sporadic: its reference rate is taken anew. Default 10 s. */
  readonly episodeMaxMs?: number;
  /**
   * Spare requests leave at most this share of the pacing rate while they are answered; refused, they earn up to
   * all of it (see the class comment). Default 0.5.
   */
  readonly spareShare?: number;
  /** Cold-start guard: requests out without an answer before `coldStartAnswers` have come back (0: off). Default 5. */
  readonly coldStartWindow?: number;
  /** Cold-start guard: answers without a refusal that end it. Default 24. */
  readonly coldStartAnswers?: number;
  readonly now?: () => number;
  /** Default: setTimeout, resolving early on abort. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What a request got back, as `record()` needs it. */
export interface SendOutcome {
  /** HTTP 429, ModelArts.6101, APIG.0308 / APIGW.0308 (`isThrottled` in retryPolicy.ts). */
  readonly throttled: boolean;
  /**
   * No answer came (a network error): says nothing about the quota, only that the request is no longer out (the
   * cold-start guard counts those).
   */
  readonly unanswered?: boolean;
  /** What `acquire()` returned for this request; without it the answer counts as one to a request sent just now. */
  readonly ticket?: SendTicket;
  /** The request was acquired with `priority: "spare"`: its refusal slows nobody (see the class comment). */
  readonly spare?: boolean;
  /** This attempt repeats a request that was refused (sent again after its `Retry-After`). */
  readonly retry?: boolean;
}

export interface AcquireOptions {
  readonly signal?: AbortSignal;
  /**
   * On the limiter's clock (`now`): a request still queued then leaves the queue, rejected with a
   * QueueDeadlineError. The request's budget and its operation's deadline, so a queue never outlasts either.
   */
  readonly deadline?: number;
  /**
   * `background`: a poll, served after queued normal requests. `spare`: a request that may go unsent, served only
   * with quota no other request is queued for (see the class comment). Default `normal`.
   */
  readonly priority?: "normal" | "background" | "spare";
}

/** Identifies when a request was let through, so late answers to earlier sends are recognised. */
export type SendTicket = number;

export interface RateLimiterSnapshot {
  /** Pacing is on (a throttled answer was seen). */
  readonly active: boolean;
  readonly ratePerSecond: number;
  readonly lastMaxRatePerSecond: number;
  readonly queued: number;
  /** Rate cuts so far. */
  readonly cuts: number;
}

export const DEFAULT_RATE_LIMITER = {
  minRate: 0.5,
  beta: 0.7,
  recoveryMs: 12_000,
  burst: 1,
  shareWindowMs: 2_000,
  episodeMaxMs: 10_000,
  maxBackgroundWaitMs: 30_000,
  spareShare: 0.5,
  slowStartDoublingMs: 2_000,
  startFraction: 0.9,
  coldStartWindow: 3,
  coldStartAnswers: 24,
} as const;

interface Waiter {
  /** -Infinity while the cold-start guard holds (no clock is read then); set when pacing takes the waiter over. */
  enqueuedAt: number;
  resolve(ticket: SendTicket): void;
  reject(reason: unknown): void;
  /** Stops watching its signal and its deadline: called when it leaves the queue in its turn. */
  release(): void;
}

/** A request that was still queued at its `deadline` (AcquireOptions): it was never sent. */
export class QueueDeadlineError extends Error {
  override readonly name = "QueueDeadlineError";

  constructor(readonly waitedMs: number) {
    super(`still waiting for the rate limiter after ${Math.round(waitedMs)} ms, at its deadline`);
  }
}

/**
 * A token less than this far away counts as there: timers have no finer resolution, and waiting for the last
 * float hair of a token would spin. The bucket may go that little into debt; the next request pays it back.
 */
const TIMER_RESOLUTION_MS = 1;

/** Retries answered within the share window before their share is believed over everyone's (see `refusedShare`). */
const MIN_RETRIES_FOR_SHARE = 3;

/**
 * Spare requests answered in this long say what a spare request is worth now (see `spareShareNow`): about ten
 * seconds of early looks at half a 5 req/s rate, long enough that one answer does not swing the share.
 */
const SPARE_EVIDENCE_MS = 10_000;

export class AdaptiveRateLimiter {
  private readonly options: Required<Omit<AdaptiveRateLimiterOptions, "startRate" | "now" | "sleep">> & {
    startRate?: number;
  };
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  private active = false;
  /** The cold-start guard holds (see the class comment): requests out without an answer are counted. */
  private guarding: boolean;
  private outstanding = 0;
  private guardAnswers = 0;
  /** Increases with every cut; a ticket older than this was sent before the last cut. */
  private epoch = 0;
  private readonly inactiveGrant: Promise<SendTicket> = Promise.resolve(0);

  private rate = Number.POSITIVE_INFINITY;
  private lastMaxRate = 0;
  private lastCutAt = 0;
  private rateAtCut = 0;
  private coldStartAt = 0;
  private coldStartAccepted = 0;
  /** Since the last cut: when the first request left, and how many accepted answers came back for such requests. */
  private epochFirstSendAt: number | undefined;
  private epochAccepted = 0;
  /** Seconds after the last cut at which the cubic curve is back at lastMaxRate. */
  private k = 0;
  private tokens = 0;
  private refilledAt = Number.NEGATIVE_INFINITY;
  private lastRefusalAt = Number.NEGATIVE_INFINITY;
  /**
   * Sporadic refusals (see `slowDown`): the rate being sent when they began, the largest share refused since, and
   * when they began.
   */
  private episode: { reference: number; share: number; startedAt: number } | undefined;

  /** Answers that were not throttled: the first cut derives the start rate from the last second of them. */
  private readonly accepted = new SlidingWindowCounter(1_000, 10);
  /** Requests let through while active: the rate actually sent, when demand is below the pacing rate. */
  private readonly sent = new SlidingWindowCounter(2_000, 20);
  /** Answers and refusals of the last `shareWindowMs`: the share refused sizes a slow-down. */
  private readonly answers: SlidingWindowCounter;
  private readonly refusals: SlidingWindowCounter;
  /** The same for retries of refused requests: what they meet again is the rate's part of the refusals. */
  private readonly retryAnswers: SlidingWindowCounter;
  private readonly retryRefusals: SlidingWindowCounter;
  /** Spare requests answered, and refused, in the last SPARE_EVIDENCE_MS (see `spareShareNow`). */
  private readonly spareAnswers = new SlidingWindowCounter(SPARE_EVIDENCE_MS, 20);
  private readonly spareRefusals = new SlidingWindowCounter(SPARE_EVIDENCE_MS, 20);

  private readonly normal: Waiter[] = [];
  private readonly background: Waiter[] = [];
  private readonly spare: Waiter[] = [];
  private lastSpareAt = Number.NEGATIVE_INFINITY;
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
    positive("shareWindowMs", merged.shareWindowMs);
    positive("episodeMaxMs", merged.episodeMaxMs);
    if (!(merged.spareShare > 0 && merged.spareShare <= 1)) {
      throw new RangeError("rate limiter: spareShare must be in (0, 1]");
    }
    if (!(merged.maxBackgroundWaitMs >= 0)) throw new RangeError("rate limiter: maxBackgroundWaitMs must be >= 0");
    if (!(Number.isInteger(merged.coldStartWindow) && merged.coldStartWindow >= 0)) {
      throw new RangeError("rate limiter: coldStartWindow must be a whole number >= 0");
    }
    this.options = {
      enabled: merged.enabled,
      minRate: merged.minRate,
      beta: merged.beta,
      recoveryMs: merged.recoveryMs,
      burst: Math.max(1, merged.burst),
      shareWindowMs: merged.shareWindowMs,
      episodeMaxMs: merged.episodeMaxMs,
      maxBackgroundWaitMs: merged.maxBackgroundWaitMs,
      spareShare: merged.spareShare,
      slowStartDoublingMs: merged.slowStartDoublingMs,
      startFraction: merged.startFraction,
      coldStartWindow: merged.coldStartWindow,
      coldStartAnswers: merged.coldStartAnswers,
      ...(merged.startRate === undefined ? {} : { startRate: merged.startRate }),
    };
    this.guarding = merged.enabled && merged.coldStartWindow > 0 && merged.coldStartAnswers > 0;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.answers = new SlidingWindowCounter(this.options.shareWindowMs, 20);
    this.refusals = new SlidingWindowCounter(this.options.shareWindowMs, 20);
    this.retryAnswers = new SlidingWindowCounter(this.options.shareWindowMs, 20);
    this.retryRefusals = new SlidingWindowCounter(this.options.shareWindowMs, 20);
  }

  /** True unless pacing was switched off (`MODELARTS_RATE_LIMIT=off`): the limiter then holds callers for a `Retry-After`. */
  get paces(): boolean {
    return this.options.enabled;
  }

  /** True while pacing is on (the gateway throttled this process): every request then delays everyone's. */
  get congested(): boolean {
    return this.active;
  }

  /**
   * Resolves when this request may be sent; call right before each attempt (retries included). Rejects with the
   * signal's reason if `signal` aborts first, and with a QueueDeadlineError if it is still queued at `deadline`.
   */
  acquire(options: AcquireOptions = {}): Promise<SendTicket> {
    const { signal, deadline } = options;
    if (!this.active && !this.guarding) {
      return signal?.aborted ? Promise.reject(abortReason(signal)) : this.inactiveGrant;
    }
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const queue =
      options.priority === "spare" ? this.spare : options.priority === "background" ? this.background : this.normal;
    if (!this.active) {
      // The cold-start guard: out at once while fewer than the window are out, else in turn as answers come back.
      if (this.queued() === 0 && this.outstanding < this.options.coldStartWindow) {
        this.outstanding++;
        return this.inactiveGrant;
      }
      return this.enqueue(queue, Number.NEGATIVE_INFINITY, signal, deadline);
    }
    const now = this.now();
    // Nobody it would overtake: normal requests overtake background ones anyway, and both overtake spare ones.
    const ahead =
      queue === this.normal ? this.normal.length : this.queued() + (queue === this.spare ? this.spare.length : 0);
    if (ahead === 0 && this.msUntilToken(now) === 0 && (queue !== this.spare || this.msUntilSpare(now) === 0)) {
      return Promise.resolve(queue === this.spare ? this.grantSpare(now) : this.grant(now));
    }
    if (deadline !== undefined && now >= deadline) return Promise.reject(new QueueDeadlineError(0));
    const waiting = this.enqueue(queue, now, signal, deadline);
    void this.drain();
    return waiting;
  }

  /**
   * A waiter in `queue`; `enqueuedAt` -Infinity while the cold-start guard holds (no clock read then). It leaves
   * early when `signal` aborts or `deadline` passes.
   */
  private enqueue(
    queue: Waiter[],
    enqueuedAt: number,
    signal: AbortSignal | undefined,
    deadline: number | undefined,
  ): Promise<SendTicket> {
    return new Promise<SendTicket>((resolve, reject) => {
      const stops: (() => void)[] = [];
      const release = () => stops.forEach((stop) => stop());
      const waiter: Waiter = { enqueuedAt, resolve, reject, release };
      const leave = (reason: unknown) => {
        const i = queue.indexOf(waiter);
        if (i < 0) return;
        queue.splice(i, 1);
        release();
        // Nobody left to wait for: end the drain loop's sleep rather than hold a timer for a long wait.
        if (this.waiting() === 0) this.drainSleep?.abort();
        reject(reason);
      };
      if (signal) {
        const onAbort = () => leave(abortReason(signal));
        signal.addEventListener("abort", onAbort, { once: true });
        stops.push(() => signal.removeEventListener("abort", onAbort));
      }
      if (deadline !== undefined) {
        const timer = new AbortController();
        stops.push(() => timer.abort());
        const since = this.now();
        void this.sleep(Math.max(0, deadline - since), timer.signal).then(() => {
          if (!timer.signal.aborted) leave(new QueueDeadlineError(this.now() - since));
        });
      }
      queue.push(waiter);
    });
  }

  /**
   * Call with every answer the service gave, `throttled` as `isThrottled` (retryPolicy.ts) says; not with network
   * errors, which say nothing about the quota.
   */
  record(outcome: SendOutcome): void {
    if (!this.options.enabled) return;
    if (outcome.spare && !outcome.unanswered) this.spareAnswered(outcome.throttled);
    // A refused spare request slows nobody (see the class comment): it is only no longer out.
    if (outcome.spare && outcome.throttled) outcome = { throttled: false, unanswered: true, ticket: outcome.ticket };
    if (this.guarding) this.guardAnswer(outcome);
    if (outcome.unanswered) return;
    const now = this.now();
    this.answers.add(now);
    if (outcome.retry) this.retryAnswers.add(now);
    if (!outcome.throttled) {
      this.accepted.add(now);
      if (outcome.retry && this.episode) this.ease(now);
      if (this.active && outcome.ticket === this.epoch) this.epochAccepted++;
      if (this.active && outcome.ticket === 0 && this.epoch === 1) this.coldStartAnswer(now);
      if (this.active) this.grow(now);
      return;
    }
    this.refusals.add(now);
    if (outcome.retry) this.retryRefusals.add(now);
    const calmBefore = now - this.lastRefusalAt >= this.options.shareWindowMs;
    this.lastRefusalAt = now;
    let slowed: boolean;
    if (this.active && this.epoch >= 2 && (calmBefore || this.episode !== undefined)) {
      slowed = this.slowDown(now, calmBefore);
    } else {
      slowed = !(this.active && outcome.ticket !== undefined && outcome.ticket < this.epoch);
      if (slowed) this.cut(now);
    }
    // Whatever the bucket saved up is spent: the service just said so.
    if (slowed) this.tokens = Math.min(this.tokens, 0);
    // Waiters the cold-start guard held are paced from here.
    if (this.waiting() > 0) void this.drain();
  }

  /**
   * An answer (or the lack of one) while the cold-start guard holds: a refusal ends it (the pacing that starts now
   * takes over the queue), enough answers without one end it (the queue leaves at once), any other lets the next
   * request out.
   */
  private guardAnswer(outcome: SendOutcome): void {
    this.outstanding = Math.max(0, this.outstanding - 1);
    if (outcome.throttled) {
      this.guarding = false;
      // Waiters queued under the guard count as queued from now: the pacing record() turns on serves them in turn.
      const now = this.now();
      for (const w of [...this.normal, ...this.background]) {
        if (w.enqueuedAt === Number.NEGATIVE_INFINITY) w.enqueuedAt = now;
      }
      return;
    }
    if (!outcome.unanswered) this.guardAnswers++;
    if (this.guardAnswers >= this.options.coldStartAnswers) {
      this.guarding = false;
      while (this.waiting() > 0) this.release();
      return;
    }
    while (this.queued() > 0 && this.outstanding < this.options.coldStartWindow) {
      this.outstanding++;
      this.release();
    }
  }

  /** Lets the next guarded waiter out, normal before background before spare (ticket 0: sent before any pacing). */
  private release(): void {
    const waiter = (this.normal.shift() ?? this.background.shift() ?? this.spare.shift())!;
    waiter.release();
    waiter.resolve(0);
  }

  snapshot(): RateLimiterSnapshot {
    return {
      active: this.active,
      ratePerSecond: this.rate,
      lastMaxRatePerSecond: this.lastMaxRate,
      queued: this.queued(),
      cuts: this.epoch,
    };
  }

  /** Requests that must be sent: a queue of these means the demand is above the rate. */
  private queued(): number {
    return this.normal.length + this.background.length;
  }

  /** Every waiter, spare ones included. */
  private waiting(): number {
    return this.queued() + this.spare.length;
  }

  /** The next waiter to serve: normal first, unless the oldest background one has waited long enough. */
  private takeNext(now: number): Waiter | undefined {
    const bg = this.background[0];
    const n = this.normal[0];
    if (!bg && !n) return this.spare.shift();
    if (bg && (!n || (now - bg.enqueuedAt >= this.options.maxBackgroundWaitMs && bg.enqueuedAt <= n.enqueuedAt))) {
      return this.background.shift();
    }
    return this.normal.shift();
  }

  /** 0 when a request may leave now; refills first. */
  private msUntilToken(now: number): number {
    this.refill(now);
    const fillMs = (Math.max(0, 1 - this.tokens) * 1000) / this.rate;
    return fillMs < TIMER_RESOLUTION_MS ? 0 : fillMs;
  }

  /** 0 when a spare request may leave now, as far as the spare share is concerned. */
  private msUntilSpare(now: number): number {
    const gapMs = 1000 / (this.spareShareNow(now) * this.rate) - (now - this.lastSpareAt);
    return gapMs < TIMER_RESOLUTION_MS ? 0 : gapMs;
  }

  private spareAnswered(throttled: boolean): void {
    const now = this.now();
    this.spareAnswers.add(now);
    if (throttled) this.spareRefusals.add(now);
  }

  /**
   * The share of the rate spare requests may use: `spareShare` while they are answered, up to all of it as they
   * are refused. An answered look costs a request and usually shows the phase seen before; a refused one took a
   * "system busy" that its regular poll would otherwise have met, and retried, in the rush at the typical end, so
   * while looks are refused every idle token is worth one (bench Busy: with half the rate only 8-13 of 20 waits got
   * their look, and the rest met their busy answer at the end).
   */
  private spareShareNow(now: number): number {
    const base = this.options.spareShare;
    const answered = this.spareAnswers.count(now);
    if (answered === 0) return base;
    return base + ((1 - base) * this.spareRefusals.count(now)) / answered;
  }

  private grantSpare(now: number): SendTicket {
    this.lastSpareAt = now;
    return this.grant(now);
  }

  private grant(now: number): SendTicket {
    this.tokens -= 1;
    this.sent.add(now);
    this.epochFirstSendAt ??= now;
    return this.epoch;
  }

  private capacity(): number {
    return this.options.burst;
  }

  /** Adds the tokens earned since the last refill. */
  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.refilledAt) * this.rate) / 1000);
    this.refilledAt = now;
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
      const sending = this.sendingRate(now);
      // Only a queue shows what the service sustains: without one the count measured is the demand.
      const measured = this.epoch === 1 && this.queued() > 0 ? this.slowStartEstimate(now, sending) : undefined;
      if (measured !== undefined) {
        // A measured rate, not a guess: pace at it, and let the curve probe above it from there.
        this.lastMaxRate = Math.max(minRate, measured);
        this.setRate(now, measured);
        this.rateAtCut = this.rate;
        this.endEpoch(now);
        return;
      }
      let tooFast = Math.max(minRate, sending);
      // Refused below the previous peak: our share shrank, so aim the curve's plateau lower (CUBIC's fast
      // convergence).
      if (tooFast < this.lastMaxRate) tooFast = (tooFast * (1 + beta)) / 2;
      this.lastMaxRate = tooFast;
      this.setRate(now, sending * beta);
      this.rateAtCut = this.rate;
    }
    this.episode = undefined;
    this.endEpoch(now);
  }

  /**
   * The rate the service met: with a queue the bucket is the bottleneck and the pacing rate is what was sent;
   * without one the demand was lower, and up to twice what is measured could have been sent (as `grow` allows).
   */
  private sendingRate(now: number): number {
    return this.queued() > 0 ? this.rate : Math.min(this.rate, 2 * this.sent.perSecond(now));
  }

  /**
   * Refusals once pacing has settled (after slow start) that come after a calm spell, and those that follow them
   * closely: an episode. The rate comes down in proportion to the share refused, from the pacing rate when the
   * episode began (its reference: not the demand, which after a quiet spell says nothing of what the service
   * takes, and which `grow` already keeps the rate near), never compounding: a service that answers every third request "busy"
   * whatever the rate slows the run by a third, not by 0.7 per answer down to the floor. Refused at a rate the
   * gateway would not take, the share grows as the rate does and the rate follows it down to what is accepted.
   * The curve then grows back to the reference within seconds for a small cut. An episode longer than
   * `episodeMaxMs` is not sporadic: its reference is taken anew from the rate now, so a quota that shrank for good
   * is followed down. Returns whether the rate came down.
   */
  private slowDown(now: number, calmBefore: boolean): boolean {
    const { minRate, beta } = this.options;
    const stale = this.episode !== undefined && now - this.episode.startedAt > this.options.episodeMaxMs;
    if (calmBefore || stale || this.episode === undefined) {
      this.episode = { reference: Math.max(minRate, this.rate), share: 0, startedAt: now };
    }
    // The largest share refused in the episode sets how far below its reference the rate stays: refusals at a
    // share already met do not lower it again, but the curve's growth since is taken back.
    this.episode.share = Math.max(this.episode.share, this.refusedShare(now));
    const target = Math.max(minRate, this.episode.reference * Math.max(beta, 1 - this.episode.share));
    if (target >= this.rate) return false;
    this.lastMaxRate = this.episode.reference;
    this.setRate(now, target);
    this.rateAtCut = this.rate;
    this.endEpoch(now);
    return true;
  }

  /**
   * Refusals among the answers of the last `shareWindowMs`, the one being recorded included. When enough retries
   * of refused requests were answered in that time, the share they were refused again, if lower: a gateway over
   * its quota refuses a retry as often as any request, while a refusal its retry does not meet (a service's
   * "system busy" for that request) was not the rate's doing, and slowing everyone for it only slows the run.
   */
  private refusedShare(now: number): number {
    const share = this.refusals.count(now) / Math.max(1, this.answers.count(now));
    const retries = this.retryAnswers.count(now);
    if (retries < MIN_RETRIES_FOR_SHARE) return share;
    return Math.min(share, this.retryRefusals.count(now) / retries);
  }

  /** A retry met during an episode: if retries say less of the refusals was the rate's, the rate comes back up. */
  private ease(now: number): void {
    const episode = this.episode!;
    const share = this.refusedShare(now);
    if (share >= episode.share) return;
    episode.share = share;
    const target = Math.max(this.options.minRate, episode.reference * Math.max(this.options.beta, 1 - share));
    if (target <= this.rate) return;
    this.setRate(now, target);
    this.k = this.secondsToPlateau();
  }

  private endEpoch(now: number): void {
    this.epoch++;
    this.epochFirstSendAt = undefined;
    this.epochAccepted = 0;
    this.lastCutAt = now;
    this.k = this.secondsToPlateau();
  }

  /**
   * The refusal that ends slow start, measured: since the first paced request after the cold start the service
   * accepted `n` requests in `t` seconds, the burst it had saved up (`a`, what the cold start got through at once,
   * or at most the rate x the time before that first request) included. If pacing was at least about that rate from
   * the start, the service was the bottleneck all along and (n - burst) / t is its rate, which 0.7x cuts from a slow
   * start that overshot while the burst drained would take several more refusals to reach. Only with a queue
   * (without one, n counts the demand). Undefined when the measurement says nothing (too short, or pacing started
   * well below it, as behind a gateway without burst).
   */
  private slowStartEstimate(now: number, sending: number): number | undefined {
    const { slowStartDoublingMs, startRate } = this.options;
    const first = this.epochFirstSendAt;
    if (slowStartDoublingMs <= 0 || startRate !== undefined || first === undefined) return undefined;
    const t = (now - first) / 1000;
    if (t < 0.5) return undefined;
    const n = this.epochAccepted;
    const a = this.coldStartAccepted;
    const p = Math.max(0, (first - this.coldStartAt) / 1000);
    let rate = (n - a) / t;
    if (a > rate * p) rate = n / (t + p);
    if (!(rate > 0) || this.rateAtCut < 0.75 * rate) return undefined;
    return Math.min(rate, sending);
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
      while (this.waiting() > 0) {
        const now = this.now();
        // Only spare waiters left: they also keep to their share of the rate.
        const spareOnly = this.queued() === 0;
        const waitMs = Math.max(this.msUntilToken(now), spareOnly ? this.msUntilSpare(now) : 0);
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
        waiter.release();
        waiter.resolve(spareOnly ? this.grantSpare(now) : this.grant(now));
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
  const options: { enabled?: boolean; startRate?: number; minRate?: number; coldStartWindow?: number } = {};
  if (switchValue === "off" || switchValue === "false" || switchValue === "0") options.enabled = false;
  const startRate = rate("MODELARTS_RATE_LIMIT_START");
  if (startRate !== undefined) options.startRate = startRate;
  const minRate = rate("MODELARTS_RATE_LIMIT_MIN");
  if (minRate !== undefined) options.minRate = minRate;
  const window = env.MODELARTS_RATE_LIMIT_COLD_START?.trim();
  if (window !== undefined && /^\d+$/.test(window)) options.coldStartWindow = Number(window);
  return options;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}
