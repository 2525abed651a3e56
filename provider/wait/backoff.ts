export interface BackoffInput {
  /** Retry number, 1 for the first retry. 0 is allowed and gives `[baseMs / 2, baseMs]`. */
  readonly attempt: number;
  /** Delay scale: the first retry waits between `baseMs` and `2 * baseMs`. */
  readonly baseMs: number;
  /** No delay exceeds this. */
  readonly capMs: number;
  /** Uniform in [0, 1), e.g. Math.random; injected so tests are deterministic. */
  readonly random: () => number;
}

/**
 * Capped exponential backoff with "equal jitter": with `ceiling = min(capMs, baseMs * 2^attempt)` the delay is
 * uniform in `[ceiling / 2, ceiling]`. Not rounded.
 *
 * Why equal rather than full jitter (uniform in `[0, ceiling)`): full jitter spreads clients a little better but
 * can return a delay close to zero at any attempt, which turns into an immediate extra call against a throttled
 * API (ModelArts answers 429 / ModelArts.6101) and would break the waiter's promise that polls are at least
 * `minDelayMs` apart. Equal jitter keeps a floor that grows with the attempt (the first retry waits at least
 * `baseMs`) while still spreading concurrent clients over half of the window, which is what breaks up a
 * thundering herd.
 */
export function computeBackoffMs({ attempt, baseMs, capMs, random }: BackoffInput): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`backoff attempt must be an integer >= 0`);
  if (!(baseMs >= 0 && capMs >= 0) || !Number.isFinite(baseMs) || !Number.isFinite(capMs)) {
    throw new RangeError("backoff baseMs and capMs must be finite and >= 0");
  }
  // 2 ** attempt overflows to Infinity for large attempts; min() then picks the cap, which is what we want.
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  const half = ceiling / 2;
  // An injected random() that strays outside [0, 1) (or returns NaN) must not push the delay out of its window.
  const raw = random();
  const r = raw >= 0 ? Math.min(raw, 1) : 0;
  // min() guards against rounding (ceiling / 2 is inexact for subnormal ceilings).
  return Math.min(half + r * half, ceiling);
}
