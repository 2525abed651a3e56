/**
 * The status-aware schedule against Terraform's fixed 10 s and today's backoff, replayed over creates of 30-300 s on
 * the emulator's timeline (CREATING varied, STARTING 10 s); bench/pacing.ts prints more rows.
 */
import { compareSchedules, createTimeline } from "../../devkit/pollReplay.js";
import { DEFAULT_POLL_SCHEDULE } from "./pollSchedule.js";

describe("status-aware polling over creates of 30-300 s", () => {
  const row = compareSchedules("create 30-300 s", (r) => createTimeline(20_000 + r() * 270_000), DEFAULT_POLL_SCHEDULE);

  it("reproduces Terraform's figures (lag 5.0 s, 17.0 GETs)", () => {
    expect(row.terraform.meanLagS).toBeCloseTo(5, 0);
    expect(row.terraform.meanGets).toBeGreaterThan(16.5);
    expect(row.terraform.meanGets).toBeLessThan(17.5);
  });

  it("returns within half of Terraform's mean lag, with no more GETs than Terraform", () => {
    expect(row.statusAware.meanLagS).toBeLessThanOrEqual(2.5);
    expect(row.statusAware.meanGets).toBeLessThanOrEqual(row.terraform.meanGets);
  });

  it("beats today's schedule on both", () => {
    expect(row.statusAware.meanLagS).toBeLessThan(row.current.meanLagS);
    expect(row.statusAware.meanGets).toBeLessThan(row.current.meanGets);
  });

  it("still beats Terraform's lag when STARTING takes half the time the table says", () => {
    const short = compareSchedules(
      "STARTING 5 s",
      (r) => createTimeline(25_000 + r() * 270_000, 5_000),
      DEFAULT_POLL_SCHEDULE,
    );
    expect(short.statusAware.meanLagS).toBeLessThan(short.terraform.meanLagS);
    expect(short.statusAware.meanGets).toBeLessThanOrEqual(short.terraform.meanGets);
  });
});
