import fc from "fast-check";
import { computeBackoffMs } from "./backoff.js";

describe("computeBackoffMs", () => {
  const at = (attempt: number, r: number) => computeBackoffMs({ attempt, baseMs: 100, capMs: 1000, random: () => r });

  it.each([
    // attempt, random, expected: ceiling = min(cap, base * 2^attempt), delay in [ceiling/2, ceiling]
    [0, 0, 50],
    [0, 0.5, 75],
    [1, 0, 100],
    [1, 0.999, 199.9],
    [2, 0, 200],
    [3, 0.5, 600],
    [4, 0, 500], // capped: ceiling 1000
    [4, 1, 1000],
    [60, 0.25, 625],
    [5000, 0.25, 625], // 2 ** 5000 is Infinity; the cap still applies
  ])("attempt %d with random %d gives %d ms", (attempt, r, expected) => {
    expect(at(attempt, r)).toBeCloseTo(expected, 9);
  });

  it("keeps the delay inside its window even if random() misbehaves", () => {
    expect(at(1, -5)).toBe(100);
    expect(at(1, 7)).toBe(200);
    expect(at(1, Number.NaN)).toBe(100);
  });

  it("rejects nonsense input", () => {
    expect(() => computeBackoffMs({ attempt: -1, baseMs: 1, capMs: 1, random: Math.random })).toThrow(RangeError);
    expect(() => computeBackoffMs({ attempt: 1.5, baseMs: 1, capMs: 1, random: Math.random })).toThrow(RangeError);
    expect(() => computeBackoffMs({ attempt: 1, baseMs: -1, capMs: 1, random: Math.random })).toThrow(RangeError);
    expect(() => computeBackoffMs({ attempt: 1, baseMs: 1, capMs: Infinity, random: Math.random })).toThrow(RangeError);
  });

  it("stays in [ceiling/2, ceiling], never above the cap, and at least baseMs from the first retry on", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, capMs, r) => {
          const delay = computeBackoffMs({ attempt, baseMs, capMs, random: () => r });
          const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
          expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
          expect(delay).toBeLessThanOrEqual(ceiling);
          expect(delay).toBeLessThanOrEqual(capMs);
          if (attempt >= 1) expect(delay).toBeGreaterThanOrEqual(Math.min(baseMs, capMs / 2));
        },
      ),
    );
  });

  it("never shrinks the window as attempts grow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10_000 }), (attempt, baseMs) => {
        const capMs = baseMs * 50;
        const lowNow = computeBackoffMs({ attempt, baseMs, capMs, random: () => 0 });
        const lowNext = computeBackoffMs({ attempt: attempt + 1, baseMs, capMs, random: () => 0 });
        expect(lowNext).toBeGreaterThanOrEqual(lowNow);
      }),
    );
  });
});
