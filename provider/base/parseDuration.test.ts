import fc from "fast-check";
import { formatDuration, parseDurationMs } from "./parseDuration.js";

describe("parseDurationMs", () => {
  test.each<[string, number]>([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["250ms", 250],
    ["2m500ms", 120_500],
    [" 20m ", 1_200_000],
    ["1h1h", 7_200_000],
  ])("%j is %d ms", (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  test.each([
    "",
    "30",
    "m",
    "0s",
    "0h0m",
    "-5m",
    "1d",
    "1h 30m",
    "1H",
    "1.m",
    ".5h",
    "5 m",
    "30m!",
    "NaN",
    "Infinityh",
  ])("%j is no duration", (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });

  test("hours, minutes, seconds and milliseconds add up, in any order", () => {
    const part = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(part, part, part, part, (h, m, s, ms) => {
        const total = h * 3_600_000 + m * 60_000 + s * 1000 + ms;
        fc.pre(total > 0);
        expect(parseDurationMs(`${h}h${m}m${s}s${ms}ms`)).toBe(total);
        expect(parseDurationMs(`${ms}ms${s}s${m}m${h}h`)).toBe(total);
      }),
    );
  });
});

describe("formatDuration", () => {
  test.each<[number, string]>([
    [0, "0s"],
    [499, "0s"],
    [999, "1s"],
    [59_499, "59s"],
    [60_000, "1m"],
    [90_000, "1m30s"],
    [3_600_000, "60m"],
    [5_430_000, "90m30s"],
  ])("%d ms reads %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test("what it writes reads back as the same whole seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 10 * 24 * 3_600_000 }), (ms) => {
        expect(parseDurationMs(formatDuration(ms))).toBe(Math.round(ms / 1000) * 1000);
      }),
    );
  });
});
