import fc from "fast-check";
import { waitFor, type AttemptInfo, type WaitVerdict, type WaitForOptions } from "./waitFor.js";

type Step = { status: string; durationMs?: number } | { error: unknown; durationMs?: number };

/** Fake clock and sleep: time moves only when the waiter sleeps or a scripted poll takes time. */
function harness(steps: Step[], start = 5_000) {
  let now = start;
  const sleeps: { at: number; ms: number }[] = [];
  const pollTimes: number[] = [];
  let index = 0;
  const poll = async (): Promise<string> => {
    pollTimes.push(now);
    // After the script runs out, the last step repeats.
    const step = steps[Math.min(index++, steps.length - 1)];
    if (!step) throw new Error("empty script");
    now += step.durationMs ?? 0;
    if ("error" in step) throw step.error;
    return step.status;
  };
  return {
    clock: { now: () => now },
    sleep: async (ms: number) => {
      sleeps.push({ at: now, ms });
      now += ms;
    },
    poll,
    sleeps,
    pollTimes,
    start,
  };
}

const classify = (status: string): WaitVerdict =>
  status === "RUNNING"
    ? { state: "SUCCESS" }
    : status === "ERROR"
      ? { state: "FAILURE", reason: "status is ERROR" }
      : { state: "RETRY", reason: `status is ${status}` };

class Transient extends Error {}
const isRetryableError = (err: unknown) => err instanceof Transient;

function options(h: ReturnType<typeof harness>, extra: Partial<WaitForOptions<string>> = {}): WaitForOptions<string> {
  return {
    poll: h.poll,
    classify,
    minDelayMs: 1_000,
    maxDelayMs: 8_000,
    maxWaitMs: 60_000,
    clock: h.clock,
    sleep: h.sleep,
    random: () => 0.5,
    isRetryableError,
    ...extra,
  };
}

describe("waitFor", () => {
  it("returns SUCCESS from the first poll without sleeping", async () => {
    const h = harness([{ status: "RUNNING" }]);
    await expect(waitFor(options(h))).resolves.toEqual({
      state: "SUCCESS",
      value: "RUNNING",
      attempts: 1,
      errorCount: 0,
      elapsedMs: 0,
    });
    expect(h.sleeps).toEqual([]);
  });

  it("retries with growing, capped delays until SUCCESS", async () => {
    const h = harness([...Array<Step>(6).fill({ status: "CREATING" }), { status: "RUNNING" }]);
    const result = await waitFor(options(h));
    expect(result).toMatchObject({ state: "SUCCESS", value: "RUNNING", attempts: 7 });
    // random 0.5: 3/4 of ceiling = min(8000, 1000 * 2^attempt), floored at minDelayMs
    expect(h.sleeps.map((s) => s.ms)).toEqual([1500, 3000, 6000, 6000, 6000, 6000]);
    expect(result.elapsedMs).toBe(28_500);
  });

  it("returns FAILURE with the classifier's reason at once", async () => {
    const h = harness([{ status: "CREATING" }, { status: "ERROR" }]);
    await expect(waitFor(options(h))).resolves.toMatchObject({
      state: "FAILURE",
      value: "ERROR",
      reason: "status is ERROR",
      attempts: 2,
    });
  });

  it("makes a final attempt exactly at the deadline, then reports TIMEOUT with the last value", async () => {
    const h = harness([{ status: "CREATING" }]);
    const result = await waitFor(options(h, { maxWaitMs: 10_000 }));
    expect(result).toEqual({
      state: "TIMEOUT",
      value: "CREATING",
      reason: "status is CREATING",
      attempts: 4,
      errorCount: 0,
      elapsedMs: 10_000,
    });
    // 1500, 3000, 6000 would reach 10500: the last sleep is cut to 5500 so the 4th poll lands on the deadline.
    expect(h.sleeps.map((s) => s.ms)).toEqual([1500, 3000, 5500]);
    expect(h.pollTimes.at(-1)).toBe(h.start + 10_000);
  });

  it("sees a resource that becomes ready during the last interval", async () => {
    const h = harness([{ status: "CREATING" }, { status: "CREATING" }, { status: "CREATING" }, { status: "RUNNING" }]);
    await expect(waitFor(options(h, { maxWaitMs: 10_000 }))).resolves.toMatchObject({ state: "SUCCESS", attempts: 4 });
  });

  it("counts and retries retryable errors and reports the last one on TIMEOUT", async () => {
    const first = new Transient("503 once");
    const second = new Transient("503 again");
    const h = harness([{ status: "CREATING" }, { error: first }, { error: second }]);
    // Polls at 0, 1500 and 4500, then a final one at the 5000 deadline (the script repeats its last step).
    const result = await waitFor(options(h, { maxWaitMs: 5_000 }));
    expect(result).toMatchObject({ state: "TIMEOUT", value: "CREATING", errorCount: 3, lastError: second });
    expect(result.attempts).toBe(4);
  });

  it("does not report old errors on SUCCESS", async () => {
    const h = harness([{ error: new Transient("x") }, { status: "RUNNING" }]);
    const result = await waitFor(options(h));
    expect(result).toMatchObject({ state: "SUCCESS", errorCount: 1, attempts: 2 });
    expect(result).not.toHaveProperty("lastError");
  });

  it("rethrows errors that are not retryable, by default all of them", async () => {
    const fatal = new Error("403 forbidden");
    const h = harness([{ status: "CREATING" }, { error: fatal }]);
    await expect(waitFor(options(h))).rejects.toBe(fatal);
    const h2 = harness([{ error: new Transient("x") }]);
    const { isRetryableError: _ignored, ...withoutPredicate } = options(h2);
    await expect(waitFor(withoutPredicate)).rejects.toBeInstanceOf(Transient);
  });

  it("lets exceptions from classify propagate", async () => {
    const h = harness([{ status: "CREATING" }]);
    const boom = new Error("bad classifier");
    await expect(
      waitFor(
        options(h, {
          classify: () => {
            throw boom;
          },
        }),
      ),
    ).rejects.toBe(boom);
  });

  it("waits initialDelayMs before the first poll, clamped to maxWaitMs", async () => {
    const h = harness([{ status: "RUNNING" }]);
    await waitFor(options(h, { initialDelayMs: 30_000 }));
    expect(h.pollTimes).toEqual([h.start + 30_000]);
    const h2 = harness([{ status: "CREATING" }]);
    const result = await waitFor(options(h2, { initialDelayMs: 90_000, maxWaitMs: 20_000 }));
    expect(h2.pollTimes).toEqual([h2.start + 20_000]);
    expect(result).toMatchObject({ state: "TIMEOUT", attempts: 1, elapsedMs: 20_000 });
  });

  it("makes exactly one attempt when maxWaitMs is 0", async () => {
    const h = harness([{ status: "CREATING" }]);
    await expect(waitFor(options(h, { maxWaitMs: 0 }))).resolves.toMatchObject({ state: "TIMEOUT", attempts: 1 });
    expect(h.sleeps).toEqual([]);
  });

  it("reports every attempt to onAttempt", async () => {
    const h = harness([{ status: "CREATING" }, { error: new Transient("x") }, { status: "RUNNING" }]);
    const seen: AttemptInfo<string>[] = [];
    await waitFor(options(h, { onAttempt: (info) => seen.push(info) }));
    expect(seen).toEqual([
      { attempt: 1, elapsedMs: 0, state: "RETRY", value: "CREATING", reason: "status is CREATING", nextDelayMs: 1500 },
      { attempt: 2, elapsedMs: 1500, state: "ERROR", error: expect.any(Transient), nextDelayMs: 3000 },
      { attempt: 3, elapsedMs: 4500, state: "SUCCESS", value: "RUNNING" },
    ]);
  });

  describe("abort", () => {
    it("returns ABORTED without polling when already aborted", async () => {
      const h = harness([{ status: "RUNNING" }]);
      const controller = new AbortController();
      controller.abort("stack is being cancelled");
      await expect(waitFor(options(h, { signal: controller.signal }))).resolves.toMatchObject({
        state: "ABORTED",
        reason: "stack is being cancelled",
        attempts: 0,
      });
    });

    it("returns ABORTED when aborted during a sleep, even if sleep rejects", async () => {
      const controller = new AbortController();
      const h = harness([{ status: "CREATING" }]);
      const sleep = async () => {
        controller.abort();
        throw new DOMException("aborted", "AbortError");
      };
      await expect(waitFor(options(h, { signal: controller.signal, sleep }))).resolves.toMatchObject({
        state: "ABORTED",
        reason: "aborted",
        attempts: 1,
        value: "CREATING",
      });
    });

    it("returns ABORTED when the poll in flight fails because of the abort", async () => {
      const controller = new AbortController();
      const cancelled = new Error("request cancelled");
      const h = harness([]);
      const poll = async () => {
        controller.abort(new Error("user pressed ^C"));
        throw cancelled;
      };
      await expect(waitFor(options(h, { signal: controller.signal, poll }))).resolves.toMatchObject({
        state: "ABORTED",
        reason: "user pressed ^C",
        attempts: 1,
        lastError: cancelled,
      });
    });

    it("still returns a terminal answer that arrives after the abort", async () => {
      const controller = new AbortController();
      const h = harness([]);
      const poll = async () => {
        controller.abort();
        return "RUNNING";
      };
      await expect(waitFor(options(h, { signal: controller.signal, poll }))).resolves.toMatchObject({
        state: "SUCCESS",
      });
    });

    it("wakes the default sleep on abort (real timers)", async () => {
      const controller = new AbortController();
      let polls = 0;
      const started = Date.now();
      setTimeout(() => controller.abort(), 20);
      const result = await waitFor({
        poll: async () => ++polls,
        classify: () => ({ state: "RETRY" }),
        minDelayMs: 60_000,
        maxDelayMs: 60_000,
        maxWaitMs: 600_000,
        signal: controller.signal,
      });
      expect(result).toMatchObject({ state: "ABORTED", attempts: 1 });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  it("works with the default clock, sleep and random", async () => {
    let polls = 0;
    const result = await waitFor({
      poll: async () => ++polls,
      classify: (n) => (n >= 3 ? { state: "SUCCESS" } : { state: "RETRY" }),
      minDelayMs: 1,
      maxDelayMs: 4,
      maxWaitMs: 5_000,
    });
    expect(result).toMatchObject({ state: "SUCCESS", value: 3, attempts: 3 });
  });

  it("rejects invalid bounds", async () => {
    const h = harness([{ status: "RUNNING" }]);
    for (const bad of [
      { minDelayMs: 0 },
      { minDelayMs: -1 },
      { maxDelayMs: 500 },
      { maxDelayMs: Infinity },
      { maxWaitMs: -1 },
      { maxWaitMs: Number.NaN },
      { initialDelayMs: -5 },
    ]) {
      await expect(waitFor(options(h, bad))).rejects.toBeInstanceOf(RangeError);
    }
    expect(h.pollTimes).toEqual([]);
  });

  describe("properties", () => {
    const config = fc
      .record({
        // >= 50 ms keeps a run under ~6000 polls, so the whole property stays fast.
        minDelayMs: fc.integer({ min: 50, max: 5_000 }),
        spread: fc.integer({ min: 0, max: 60_000 }),
        maxWaitMs: fc.integer({ min: 0, max: 300_000 }),
        initialDelayMs: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: undefined }),
        randoms: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }),
        steps: fc.array(
          fc.oneof(
            fc.record({ status: fc.constantFrom("CREATING", "CREATING", "CREATING", "RUNNING", "ERROR") }),
            fc.record({ error: fc.constant(new Transient("503")) }),
          ),
          { minLength: 1, maxLength: 200 },
        ),
      })
      .map(({ spread, ...rest }) => ({ ...rest, maxDelayMs: rest.minDelayMs + spread }));

    it("keeps delays within [minDelayMs, maxDelayMs], except a final one cut short to land on the deadline", async () => {
      await fc.assert(
        fc.asyncProperty(config, async (c) => {
          const h = harness(c.steps);
          let i = 0;
          const random = () => c.randoms[i++ % c.randoms.length] ?? 0;
          const { initialDelayMs, ...bounds } = c;
          const result = await waitFor(
            options(h, { ...bounds, ...(initialDelayMs === undefined ? {} : { initialDelayMs }), random }),
          );
          const deadline = h.start + c.maxWaitMs;
          const backoffSleeps = initialDelayMs ? h.sleeps.slice(1) : h.sleeps;
          for (const { at, ms } of backoffSleeps) {
            expect(ms).toBeLessThanOrEqual(c.maxDelayMs);
            if (at + ms !== deadline) expect(ms).toBeGreaterThanOrEqual(c.minDelayMs);
            expect(ms).toBeGreaterThan(0);
          }
          // Never sleeps past the deadline, never polls after it, and the clock never passes it (polls are instant).
          for (const { at, ms } of h.sleeps) expect(at + ms).toBeLessThanOrEqual(deadline);
          for (const t of h.pollTimes) expect(t).toBeLessThanOrEqual(deadline);
          expect(result.elapsedMs).toBeLessThanOrEqual(c.maxWaitMs);
          expect(result.attempts).toBe(h.pollTimes.length);
          if (result.state === "TIMEOUT") expect(h.pollTimes.at(-1)).toBe(deadline);
        }),
      );
    });

    it("starts no attempt after the deadline even when polls take time", async () => {
      await fc.assert(
        fc.asyncProperty(
          config,
          fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1 }),
          async (c, durations) => {
            const steps = c.steps.map((s, k) => ({ ...s, durationMs: durations[k % durations.length] ?? 0 }));
            const h = harness(steps);
            const { initialDelayMs, ...bounds } = c;
            const result = await waitFor(
              options(h, { ...bounds, ...(initialDelayMs === undefined ? {} : { initialDelayMs }), random: () => 0.3 }),
            );
            const deadline = h.start + c.maxWaitMs;
            for (const t of h.pollTimes) expect(t).toBeLessThanOrEqual(deadline);
            for (const { at, ms } of h.sleeps) expect(at + ms).toBeLessThanOrEqual(deadline);
            const lastPollStart = h.pollTimes.at(-1) ?? h.start;
            expect(h.start + result.elapsedMs - lastPollStart).toBeLessThanOrEqual(20_000);
            expect(["SUCCESS", "FAILURE", "TIMEOUT"]).toContain(result.state);
          },
        ),
      );
    });
  });
});
