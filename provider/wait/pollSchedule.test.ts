import fc from "fast-check";
import {
  DEFAULT_POLL_SCHEDULE,
  nextPollDelayMs,
  phaseKey,
  PollPlanner,
  type PollScheduleOptions,
  type PollState,
  type StatusTimings,
} from "./pollSchedule.js";
import { INSTANCE_STATUS_TIMINGS } from "../notebookInstance/statusClasses.js";

/** The demanager API's table (the instance's statuses) and one with a notebook create's four init steps. */
const V1_STATUS_TIMINGS: StatusTimings = INSTANCE_STATUS_TIMINGS;
const V2_STATUS_TIMINGS: StatusTimings = {
  ...V1_STATUS_TIMINGS,
  INIT: { typicalMs: 5_000, next: "CREATING" },
  "CREATING/1": { typicalMs: 5_000, next: "CREATING/2" },
  "CREATING/2": { typicalMs: 10_000, next: "CREATING/3" },
  "CREATING/3": { typicalMs: 5_000, next: "CREATING/4" },
  "CREATING/4": { typicalMs: 10_000 },
};

const v1: PollScheduleOptions = { ...DEFAULT_POLL_SCHEDULE, timings: V1_STATUS_TIMINGS };
const v2: PollScheduleOptions = { ...DEFAULT_POLL_SCHEDULE, timings: V2_STATUS_TIMINGS };
const at = (status: string, seenForMs: number, atMostForMs: number, extra: Partial<PollState> = {}): PollState => ({
  sighting: { status },
  seenForMs,
  atMostForMs,
  ...extra,
});

describe("nextPollDelayMs", () => {
  // Defaults: catch 1.3 x the last phase, early 0.7 x typical, near 2 s, floor 1 s, cap 60 s, unknown 10 s.
  it.each<[string, PollState, number]>([
    ["CREATING just after the POST: not before 0.7 x 30 s", at("CREATING", 0, 0), 21_000],
    ["CREATING past 0.7 x its length: every 1.3 x STARTING", at("CREATING", 21_000, 21_000), 13_000],
    ["CREATING long overdue: still every 1.3 x STARTING", at("CREATING", 280_000, 280_000), 13_000],
    ["STARTING first seen 13 s after CREATING: may end any time", at("STARTING", 0, 13_000), 2_000],
    ["STARTING first seen 2 s after CREATING: cannot end for 5 s", at("STARTING", 0, 2_000), 5_000],
    ["STARTING twice as long as typical: interval doubled", at("STARTING", 20_000, 33_000), 4_000],
    ["STOPPING just after the stop: not before 0.7 x 5 s", at("STOPPING", 0, 0), 3_500],
    ["DELETING long overdue: the interval grows up to the cap", at("DELETING", 10_000_000, 10_000_000), 60_000],
    [
      "CREATE_QUEUING with remain_time 30 s: to land in CREATING or STARTING, every 1.3 x 40 s (> 0.7 x 60 s)",
      at("CREATE_QUEUING", 0, 0, { sighting: { status: "CREATE_QUEUING", queue: { remainTimeMs: 30_000 } } }),
      52_000,
    ],
    [
      "CREATE_QUEUING at rank 2, no remain_time: 10 s a rank (0.7 x 50 s), less than 1.3 x 40 s",
      at("CREATE_QUEUING", 0, 0, { sighting: { status: "CREATE_QUEUING", queue: { rank: 2 } } }),
      52_000,
    ],
    [
      "a long queue: capped",
      at("CREATE_QUEUING", 0, 0, { sighting: { status: "CREATE_QUEUING", queue: { remainTimeMs: 3_600_000 } } }),
      60_000,
    ],
    ["a status the table does not know: like Terraform", at("SNAPSHOTTING", 0, 0), 10_000],
    [
      "congested, CREATING just after the POST: once, at the typical ready time",
      at("CREATING", 0, 0, { congested: true }),
      40_000,
    ],
    [
      "congested, STARTING first seen: at its typical end, twice the near interval at least",
      at("STARTING", 0, 13_000, { congested: true }),
      4_000,
    ],
    ["congested, STOPPING just after the stop: at its typical end", at("STOPPING", 0, 0, { congested: true }), 5_000],
  ])("%s", (_label, state, expected) => {
    expect(nextPollDelayMs(state, v1)).toBeCloseTo(expected, 6);
  });

  it("scales every duration by timeScale", () => {
    const scaled = { ...v1, timeScale: 0.25 };
    expect(nextPollDelayMs(at("CREATING", 0, 0), scaled)).toBeCloseTo(5_250);
    expect(nextPollDelayMs(at("STARTING", 0, 3_250), scaled)).toBeCloseTo(500);
    const queued = at("CREATE_QUEUING", 0, 0, {
      sighting: { status: "CREATE_QUEUING", queue: { remainTimeMs: 30_000 } },
    });
    expect(nextPollDelayMs(queued, scaled)).toBeCloseTo(13_000);
    expect(nextPollDelayMs(at("?", 0, 0), scaled)).toBeCloseTo(2_500);
  });

  it("follows the v2 action_progress steps: slow before step 4, quick at it", () => {
    const step = (progressStep: number, seen = 0, atMost = 0) =>
      nextPollDelayMs({ sighting: { status: "CREATING", progressStep }, seenForMs: seen, atMostForMs: atMost }, v2);
    // Step 2 of 4: a poll must land in step 3 or 4 (5 s + 10 s): every 1.3 x 15 s (more than 0.7 x 15 s).
    expect(step(2)).toBe(19_500);
    // Step 3 of 4: only the last step is left: every 1.3 x 10 s.
    expect(step(3, 5_000, 5_000)).toBe(13_000);
    // Step 2 seen 10 s ago (a wait that began after the operation's answer): 19.5 s from that sighting, but never
    // sooner than 1.3 x the last step.
    const late = (sinceLastSightingMs: number) =>
      nextPollDelayMs(
        {
          sighting: { status: "CREATING", progressStep: 2 },
          seenForMs: sinceLastSightingMs,
          atMostForMs: sinceLastSightingMs,
          sinceLastSightingMs,
        },
        v2,
      );
    expect(late(4_000)).toBe(15_500);
    expect(late(10_000)).toBe(13_000);
    expect(step(4, 0, 13_000)).toBe(2_000);
    // An unknown step falls back to the status.
    expect(phaseKey({ status: "CREATING", progressStep: 9 }, V2_STATUS_TIMINGS)).toBe("CREATING");
    expect(phaseKey({ status: "CREATING", progressStep: 3 }, V2_STATUS_TIMINGS)).toBe("CREATING/3");
    expect(phaseKey({ status: "NOPE" }, V2_STATUS_TIMINGS)).toBeUndefined();
  });

  it("survives a table with a loop or a dangling next", () => {
    const timings = {
      A: { typicalMs: 10_000, next: "B" },
      B: { typicalMs: 10_000, next: "A" },
      C: { typicalMs: 5_000, next: "X" },
    };
    const o = { ...DEFAULT_POLL_SCHEDULE, timings };
    expect(Number.isFinite(nextPollDelayMs(at("A", 0, 0), o))).toBe(true);
    // C's next is not in the table: C is taken as the last phase.
    expect(nextPollDelayMs(at("C", 0, 0), o)).toBe(3_500);
  });

  it("never leaves [floor, cap] x timeScale", () => {
    const statuses = [...Object.keys(V2_STATUS_TIMINGS), "RUNNING", "WHATEVER"];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.nat(10_000_000),
        fc.nat(10_000_000),
        fc.option(fc.nat(5)),
        fc.option(
          fc.record({
            rank: fc.option(fc.nat(100), { nil: undefined }),
            remainTimeMs: fc.option(fc.nat(10_000_000), { nil: undefined }),
          }),
          { nil: undefined },
        ),
        fc.boolean(),
        fc.constantFrom(0.01, 0.25, 1, 3),
        (status, seen, extra, progressStep, queue, congested, timeScale) => {
          const o = { ...v2, timeScale };
          const delay = nextPollDelayMs(
            {
              sighting: { status, ...(progressStep === null ? {} : { progressStep }), ...(queue ? { queue } : {}) },
              seenForMs: seen,
              atMostForMs: seen + extra,
              congested,
            },
            o,
          );
          return delay >= o.floorMs * timeScale && delay <= o.capMs * timeScale;
        },
      ),
    );
  });
});

describe("PollPlanner", () => {
  it("knows when the current phase was first seen and when the previous one was last seen", () => {
    const planner = new PollPlanner(v1, 1_000, { status: "CREATING" });
    expect(planner.nextDelayMs(1_000)).toBe(21_000);
    planner.observe(22_000, { status: "CREATING" });
    expect(planner.nextDelayMs(22_000)).toBe(13_000);
    // STARTING began after 22 000: at most 13 s ago, so it may end any time.
    planner.observe(35_000, { status: "STARTING" });
    expect(planner.nextDelayMs(35_000)).toBe(2_000);
    // A failed poll changes nothing: STARTING has been seen for 22 s (2.2 x typical) by 57 000.
    planner.observe(57_000, undefined);
    expect(planner.nextDelayMs(57_000)).toBeCloseTo(4_400);
  });

  it("starts from the operation's answer, and polls soon when it knows nothing", () => {
    expect(new PollPlanner(v1, 0).nextDelayMs(0)).toBe(2_000);
    const planner = new PollPlanner(v1, 0);
    planner.observe(2_000, { status: "STOPPING" });
    // STOPPING began at most 2 s ago (the operation's start): it cannot end before 3.5 s.
    expect(planner.nextDelayMs(2_000)).toBe(2_000);
    planner.observe(4_000, { status: "STOPPING" });
    expect(planner.nextDelayMs(4_000)).toBe(2_000);
  });

  it("passes congestion on", () => {
    const planner = new PollPlanner(v1, 0, { status: "CREATING" });
    expect(planner.nextDelayMs(0, true)).toBe(40_000);
  });
});
