import fc from "fast-check";
import { phaseAt, replan, scaledMs, statusAt } from "./phases.js";

const NOW = 1_700_000_000_000;
const timeline = [
  { status: "STARTING", at: NOW },
  { status: "RUNNING", at: NOW + 10_000 },
  { status: "STOPPING", at: NOW + 20_000 },
];

describe("phaseAt", () => {
  it("is the last phase that has started (the first before any has)", () => {
    expect(statusAt(timeline, NOW - 1)).toBe("STARTING");
    expect(statusAt(timeline, NOW + 9_999)).toBe("STARTING");
    expect(phaseAt(timeline, NOW + 10_000)).toEqual({ current: timeline[1], next: timeline[2] });
    expect(phaseAt(timeline, NOW + 99_000)).toEqual({ current: timeline[2], next: undefined });
  });
});

describe("replan", () => {
  it("keeps the current phase and drops whatever was still scheduled", () => {
    const stop = [{ status: "STOPPING", at: NOW + 12_000 }];
    expect(replan(timeline, NOW + 11_000, stop)).toEqual([timeline[1], ...stop]);
  });
});

describe("scaledMs", () => {
  it("is at least 1 ms and proportional to the scale", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 86400 }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        (seconds, timeScale) => {
          const ms = scaledMs(seconds, timeScale);
          expect(ms).toBeGreaterThanOrEqual(1);
          expect(Math.abs(ms - Math.max(1, seconds * 1000 * timeScale))).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });
});
