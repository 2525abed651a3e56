/**
 * The status-aware schedule against Terraform's fixed 10 s and today's backoff, replayed over creates of 30-300 s on
 * the emulator's timeline (CREATING varied, STARTING 10 s); bench/pacing.ts prints more rows.
 */
import {
  compareSchedules,
  createTimeline,
  notebookCreateTimeline,
  type TimelinePhase,
} from "../../devkit/pollReplay.js";
import { NOTEBOOK_STATUS_TIMINGS } from "../api/notebookStatuses.js";
import { INSTANCE_STATUS_TIMINGS } from "../notebookInstance/statusClasses.js";
import { DEFAULT_POLL_SCHEDULE } from "./pollSchedule.js";

const instances = { ...DEFAULT_POLL_SCHEDULE, timings: INSTANCE_STATUS_TIMINGS };

describe("status-aware polling over creates of 30-300 s", () => {
  const row = compareSchedules("create 30-300 s", (r) => createTimeline(20_000 + r() * 270_000), instances);

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
    const short = compareSchedules("STARTING 5 s", (r) => createTimeline(25_000 + r() * 270_000, 5_000), instances);
    expect(short.statusAware.meanLagS).toBeLessThan(short.terraform.meanLagS);
    expect(short.statusAware.meanGets).toBeLessThanOrEqual(short.terraform.meanGets);
  });
});

describe("status-aware polling over notebook creates of 30-300 s (four init steps)", () => {
  const options = { ...DEFAULT_POLL_SCHEDULE, timings: NOTEBOOK_STATUS_TIMINGS };

  it("returns within half of Terraform's mean lag, with no more GETs, when step 2 takes the time", () => {
    const row = compareSchedules("notebook 30-300 s", (r) => notebookCreateTimeline(30_000 + r() * 270_000), options);
    expect(row.statusAware.meanLagS).toBeLessThanOrEqual(row.terraform.meanLagS / 2);
    expect(row.statusAware.meanGets).toBeLessThanOrEqual(row.terraform.meanGets);
  });

  it("spends no more GETs than Terraform when every step stretches alike (the emulator's equal parts)", () => {
    const equal = (total: number): TimelinePhase[] => [
      ...[1, 2, 3, 4].map((progressStep, i) => ({ status: "CREATING", at: (i * total) / 4, progressStep })),
      { status: "RUNNING", at: total },
    ];
    const row = compareSchedules("notebook 30-300 s, equal steps", (r) => equal(30_000 + r() * 270_000), options);
    expect(row.statusAware.meanLagS).toBeLessThanOrEqual(row.terraform.meanLagS);
    expect(row.statusAware.meanGets).toBeLessThanOrEqual(row.terraform.meanGets * 1.05);
  });
});
