import fc from "fast-check";
import { NOMINAL_SECONDS, planCreate, planRestart, planStart } from "./timeline.js";
import type { Phase } from "./types.js";

const NOW = 1_700_000_000_000;
const off = { enable: false, prompt: true };

const statuses = (phases: Phase[]) => phases.map((p) => [p.status, p.at - NOW]);

describe("planCreate", () => {
  it("creates, starts and runs on the realistic timeline", () => {
    expect(statuses(planCreate(NOW, { free: false, fail: false, autoStop: off, timeScale: 1 }))).toEqual([
      ["CREATING", 0],
      ["STARTING", 30_000],
      ["RUNNING", 40_000],
    ]);
  });

  it("queues free flavors first and schedules auto-stop after the run starts", () => {
    const plan = planCreate(NOW, {
      free: true,
      fail: false,
      autoStop: { enable: true, duration: 3600, prompt: true },
      timeScale: 1,
    });
    expect(statuses(plan)).toEqual([
      ["CREATE_QUEUING", 0],
      ["CREATING", 30_000],
      ["STARTING", 60_000],
      ["RUNNING", 70_000],
      ["STOPPING", 70_000 + 3_600_000],
      ["STOPPED", 70_000 + 3_600_000 + 5_000],
    ]);
    expect(plan[0]!.rankStepMs).toBe(NOMINAL_SECONDS.queueRankStep * 1000);
  });

  it("ends in CREATE_FAILED when told to fail", () => {
    const plan = planCreate(NOW, { free: false, fail: true, autoStop: off, timeScale: 1 });
    expect(plan.map((p) => p.status)).toEqual(["CREATING", "CREATE_FAILED"]);
  });
});

describe("properties", () => {
  const autoStop = fc.record({
    enable: fc.boolean(),
    duration: fc.integer({ min: 3600, max: 86400 }),
    prompt: fc.boolean(),
  });
  const scale = fc.double({ min: 1e-6, max: 10, noNaN: true });

  it("every plan's phases are strictly ordered in time, whatever the scale", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), autoStop, scale, (free, fail, stop, timeScale) => {
        for (const plan of [
          planCreate(NOW, { free, fail, autoStop: stop, timeScale }),
          planStart(NOW, free, stop, timeScale),
          planRestart(NOW, stop, timeScale),
        ]) {
          expect(plan[0]!.at).toBe(NOW);
          for (let i = 1; i < plan.length; i++) expect(plan[i]!.at).toBeGreaterThan(plan[i - 1]!.at);
        }
      }),
    );
  });
});
