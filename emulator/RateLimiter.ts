/**
 * Throttling as a token bucket. ModelArts publishes no limits [demanager §7.4, §10 gap 6]; above the configured rate the
 * emulator answers HTTP 429 ModelArts.6101 with a `Retry-After` in whole seconds, as the status-code table
 * describes for 429 [demanager §7.2].
 */
export interface RateLimitOptions {
  requestsPerSecond: number;
  /** Bucket size: requests allowed in a burst. Default: max(1, requestsPerSecond). */
  burst?: number;
  /** Fixed `Retry-After` value; default: the whole seconds until a request would be allowed (at least 1). */
  retryAfterSeconds?: number;
}

export class RateLimiter {
  readonly options: Readonly<RateLimitOptions>;
  private readonly capacity: number;
  private tokens: number;
  private last: number;

  constructor(options: RateLimitOptions, now: number = Date.now()) {
    if (!(options.requestsPerSecond > 0)) throw new Error("rateLimit.requestsPerSecond must be > 0");
    this.options = { ...options };
    this.capacity = options.burst ?? Math.max(1, options.requestsPerSecond);
    this.tokens = this.capacity;
    this.last = now;
  }

  /** Takes one token; answers `undefined` when allowed, else the `Retry-After` seconds. */
  take(now: number = Date.now()): number | undefined {
    const elapsedS = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedS * this.options.requestsPerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    if (this.options.retryAfterSeconds !== undefined) return this.options.retryAfterSeconds;
    return Math.max(1, Math.ceil((1 - this.tokens) / this.options.requestsPerSecond));
  }
}
