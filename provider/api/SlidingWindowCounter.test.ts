import { SlidingWindowCounter } from "./SlidingWindowCounter.js";

describe("SlidingWindowCounter", () => {
  it("counts the events of the last window and forgets older ones", () => {
    const c = new SlidingWindowCounter(1000, 10);
    c.add(0);
    c.add(50);
    c.add(420, 3);
    expect(c.count(500)).toBe(5);
    expect(c.perSecond(500)).toBe(5);
    // The slot [0, 100) expires once the window has moved a full second past it.
    expect(c.count(1099)).toBe(3);
    expect(c.count(1500)).toBe(0);
  });

  it("forgets everything after a long gap", () => {
    const c = new SlidingWindowCounter(1000, 4);
    c.add(10);
    c.add(990);
    expect(c.count(999)).toBe(2);
    expect(c.count(60_000)).toBe(0);
    c.add(60_001);
    expect(c.count(60_002)).toBe(1);
  });

  it("ignores a clock that steps back", () => {
    const c = new SlidingWindowCounter(1000, 10);
    c.add(5_000);
    c.add(4_000);
    expect(c.count(5_000)).toBe(2);
  });

  it("scales perSecond by the window", () => {
    const c = new SlidingWindowCounter(2000, 10);
    for (let t = 0; t < 2000; t += 100) c.add(t);
    expect(c.perSecond(1999)).toBe(10);
  });

  it("rejects nonsense", () => {
    expect(() => new SlidingWindowCounter(0)).toThrow(RangeError);
    expect(() => new SlidingWindowCounter(1000, 0)).toThrow(RangeError);
  });
});
