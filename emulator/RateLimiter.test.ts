import fc from "fast-check";
import { RateLimiter } from "./RateLimiter.js";

describe("RateLimiter", () => {
  it("allows a burst of `burst` requests at once, then answers a whole-second Retry-After", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.integer({ min: 1, max: 50 }), (rps, burst) => {
        const limiter = new RateLimiter({ requestsPerSecond: rps, burst }, 0);
        for (let i = 0; i < burst; i++) expect(limiter.take(0)).toBeUndefined();
        const retryAfter = limiter.take(0)!;
        expect(Number.isInteger(retryAfter)).toBe(true);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeGreaterThanOrEqual(Math.ceil(1 / rps) - 1);
        // After waiting as long as it says (+1 ms against float rounding), a request is allowed again.
        expect(limiter.take(retryAfter * 1000 + 1)).toBeUndefined();
      }),
    );
  });

  it("refills at the configured rate and never beyond the bucket", () => {
    const limiter = new RateLimiter({ requestsPerSecond: 10, burst: 2 }, 0);
    expect([limiter.take(0), limiter.take(0), limiter.take(0)]).toEqual([undefined, undefined, 1]);
    expect(limiter.take(100)).toBeUndefined();
    expect(limiter.take(100)).toBe(1);
    expect([limiter.take(60_000), limiter.take(60_000), limiter.take(60_000)]).toEqual([undefined, undefined, 1]);
  });

  it("uses a fixed Retry-After when configured", () => {
    const limiter = new RateLimiter({ requestsPerSecond: 1, retryAfterSeconds: 9 }, 0);
    limiter.take(0);
    expect(limiter.take(0)).toBe(9);
  });
});
