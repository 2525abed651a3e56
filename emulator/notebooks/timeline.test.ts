import { statusAt } from "../shared/phases.js";
import { leaseAtCreate } from "./lease.js";
import { actionProgress, planCreate, planStart, planUnmount, rescheduleAutoStop } from "./timeline.js";

const NOW = 1_700_000_000_000;

describe("notebook timeline", () => {
  it("create: CREATING 30 s → RUNNING → lease stop at create_at + duration", () => {
    const plan = planCreate(NOW, false, leaseAtCreate(NOW, undefined, undefined), 1);
    expect(plan).toEqual([
      { status: "CREATING", at: NOW },
      { status: "RUNNING", at: NOW + 30_000 },
      { status: "STOPPING", at: NOW + 3_600_000, autoStop: true },
      { status: "STOPPED", at: NOW + 3_605_000, autoStop: true },
    ]);
    expect(planCreate(NOW, false, leaseAtCreate(NOW, -1, undefined), 1)).toHaveLength(2);
    expect(planCreate(NOW, true, leaseAtCreate(NOW, undefined, undefined), 1)).toEqual([
      { status: "CREATING", at: NOW },
      { status: "CREATE_FAILED", at: NOW + 30_000 },
    ]);
  });

  it("a lease that ends before the notebook runs stops it right after it starts", () => {
    const lease = { ...leaseAtCreate(NOW - 10_000_000, undefined, undefined) };
    const plan = planStart(NOW, lease, 1);
    expect(plan[2]).toEqual({ status: "STOPPING", at: NOW + 10_001, autoStop: true });
  });

  it("rescheduleAutoStop replaces a pending lease stop, and leaves a started one alone", () => {
    const lease = leaseAtCreate(NOW, undefined, undefined);
    const plan = planCreate(NOW, false, lease, 1);
    const later = { ...lease, duration: 7_200_000 };
    expect(rescheduleAutoStop(plan, NOW + 60_000, later, 1).slice(2)).toEqual([
      { status: "STOPPING", at: NOW + 7_200_000, autoStop: true },
      { status: "STOPPED", at: NOW + 7_205_000, autoStop: true },
    ]);
    const disabled = rescheduleAutoStop(plan, NOW + 60_000, { ...lease, enable: false }, 1);
    expect(statusAt(disabled, NOW + 10_000_000)).toBe("RUNNING");
    const stopping = rescheduleAutoStop(plan, NOW + 3_601_000, later, 1);
    expect(stopping).toEqual(plan);
  });

  it("action_progress: one step per quarter of CREATING, FAILED at the end of a failed create", () => {
    const plan = planCreate(NOW, false, leaseAtCreate(NOW, -1, undefined), 1);
    const statuses = (at: number, timeline = plan) => actionProgress(timeline, at).map((p) => p.status);
    expect(statuses(NOW)).toEqual(["PROCESSING", "WAITING", "WAITING", "WAITING"]);
    expect(statuses(NOW + 7_500)).toEqual(["COMPLETED", "PROCESSING", "WAITING", "WAITING"]);
    expect(statuses(NOW + 29_999)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "PROCESSING"]);
    expect(statuses(NOW + 30_000)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"]);
    const failed = planCreate(NOW, true, leaseAtCreate(NOW, -1, undefined), 1);
    expect(statuses(NOW + 30_000, failed)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "FAILED"]);
    expect(statuses(NOW, [{ status: "INIT", at: NOW }])).toEqual(["WAITING", "WAITING", "WAITING", "WAITING"]);
  });

  it("unmount: UNMOUNTING → UNMOUNTED → gone", () => {
    const plan = planUnmount(NOW, 1);
    expect([NOW, NOW + 5_000, NOW + 10_000].map((t) => statusAt(plan, t))).toEqual(["UNMOUNTING", "UNMOUNTED", "GONE"]);
  });
});
