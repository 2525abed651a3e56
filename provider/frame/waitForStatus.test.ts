/**
 * The shared waiter's schedule counts from when the operation was answered: a wait that starts later (a notebook
 * create tags its notebook first, queued behind other creates' requests) polls as if it had started then.
 */
import { DeadlineError } from "../base/errors.js";
import { Deadline } from "../wait/Deadline.js";
import type { StatusTimings } from "../wait/pollSchedule.js";
import type { StatusReading } from "../wait/statusReading.js";
import { waitForStatus } from "./waitForStatus.js";

/** CREATING 1 s then STARTING 0.1 s at time scale 0.1 (10 s and 1 s nominal); RUNNING from the second poll on. */
function reading(polls: number[], started: number): StatusReading<{ status: string }> {
  const timings: StatusTimings = {
    CREATING: { typicalMs: 10_000, next: "STARTING" },
    STARTING: { typicalMs: 1_000 },
  };
  return {
    find: async () => {
      polls.push(Date.now() - started);
      return { status: polls.length >= 2 ? "RUNNING" : "CREATING" };
    },
    status: (o) => o.status,
    reasons: () => [],
    sighting: (o) => ({ status: o.status }),
    timings,
    congested: () => false,
  };
}

async function firstPollAfter(startedAgoMs: number | undefined): Promise<number> {
  const polls: number[] = [];
  const started = Date.now();
  const deadline = new Deadline(10_000, () => new DeadlineError("timed out"));
  await waitForStatus({
    reading: reading(polls, started),
    id: "nb-1",
    subject: { kind: "notebook", name: "nb" },
    verb: "create",
    targetName: "RUNNING",
    classify: (o) => (o.status === "RUNNING" ? { state: "SUCCESS" } : { state: "RETRY" }),
    deadline,
    schedule: { minDelayMs: 100, maxDelayMs: 6_000, progressEveryMs: 60_000, timeScale: 0.1 },
    startedAs: { status: "CREATING" },
    ...(startedAgoMs !== undefined && { startedAt: started - startedAgoMs }),
  }).finally(() => deadline.dispose());
  return polls[0]!;
}

test("the first poll of a far phase comes when the last phase can have begun, counted from the operation's answer", async () => {
  // CREATING lasts at least 0.7 x its typical 1 s: the first poll at about 700 ms ...
  expect(await firstPollAfter(undefined)).toBeGreaterThanOrEqual(650);
  // ... or 600 ms sooner when the operation was answered 600 ms before the wait began.
  expect(await firstPollAfter(600)).toBeLessThan(400);
});

describe("while the rate limiter paces", () => {
  /** A reading that is congested; the early look (spareUntil) answers `look`, a regular poll RUNNING. */
  async function waitPacing(look: () => Promise<{ status: string }>) {
    const calls: string[] = [];
    const started = Date.now();
    const deadline = new Deadline(10_000, () => new DeadlineError("timed out"));
    const result = await waitForStatus<{ status: string }>({
      reading: {
        find: async (_id, spare) => {
          calls.push(spare ? "look" : "poll");
          return spare ? look() : { status: "RUNNING" };
        },
        status: (o) => o.status,
        reasons: () => [],
        sighting: (o) => ({ status: o.status }),
        timings: { CREATING: { typicalMs: 10_000, next: "STARTING" }, STARTING: { typicalMs: 1_000 } },
        congested: () => true,
      },
      id: "nb-1",
      subject: { kind: "notebook", name: "nb" },
      verb: "create",
      targetName: "RUNNING",
      classify: (o) =>
        o.status === "RUNNING"
          ? { state: "SUCCESS" }
          : o.status === "CREATE_FAILED"
            ? { state: "FAILURE", reason: "the notebook is CREATE_FAILED" }
            : { state: "RETRY" },
      deadline,
      schedule: { minDelayMs: 100, maxDelayMs: 6_000, progressEveryMs: 60_000, timeScale: 0.1 },
      startedAs: { status: "CREATING" },
    })
      .then(
        () => "done",
        (err: Error) => err.message,
      )
      .finally(() => deadline.dispose());
    return { calls, result, tookMs: Date.now() - started };
  }

  test("an early look that sees the end ends the wait at once, without a regular poll", async () => {
    // Congested, the regular poll would come at the typical end (1.1 s at this time scale).
    const { calls, result, tookMs } = await waitPacing(async () => ({ status: "CREATE_FAILED" }));
    expect(result).toContain("CREATE_FAILED");
    expect(calls).toEqual(["look"]);
    expect(tookMs).toBeLessThan(500);
  });

  test("a refused early look leaves the regular poll as planned", async () => {
    const { calls, result, tookMs } = await waitPacing(async () => {
      throw new Error("429 ModelArts.6101");
    });
    expect(result).toBe("done");
    expect(calls).toEqual(["look", "poll"]);
    expect(tookMs).toBeGreaterThanOrEqual(900);
  });
});

test("while pacing, a late look that shows the phase seen before does not move the regular poll later", async () => {
  // DELETING typically 500 ms here: congested, the regular poll is due at 500 ms. The look answers at ~450 ms;
  // planned from that sighting alone, the next poll would come an interval (400 ms) after it, at ~850 ms.
  const calls: { what: string; at: number }[] = [];
  const started = Date.now();
  const deadline = new Deadline(10_000, () => new DeadlineError("timed out"));
  await waitForStatus<{ status: string }>({
    reading: {
      find: async (_id, spare) => {
        if (spare) {
          await new Promise((resolve) => setTimeout(resolve, 450));
          calls.push({ what: "look", at: Date.now() - started });
          return { status: "DELETING" };
        }
        calls.push({ what: "poll", at: Date.now() - started });
        return undefined;
      },
      status: (o) => o.status,
      reasons: () => [],
      sighting: (o) => ({ status: o.status }),
      timings: { DELETING: { typicalMs: 5_000 } },
      congested: () => true,
    },
    id: "nb-1",
    subject: { kind: "notebook", name: "nb" },
    verb: "delete",
    targetName: "GONE",
    untilGone: true,
    classify: () => ({ state: "RETRY" }),
    deadline,
    schedule: { minDelayMs: 10, maxDelayMs: 6_000, progressEveryMs: 60_000, timeScale: 0.1 },
    startedAs: { status: "DELETING" },
  }).finally(() => deadline.dispose());
  expect(calls.map((c) => c.what)).toEqual(["look", "poll"]);
  expect(calls[1]!.at).toBeLessThan(700);
});
