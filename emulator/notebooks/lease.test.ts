import { extendLease, leaseAtCreate, leaseOnStart, leaseOnStop } from "./lease.js";
import { leaseDeadline } from "./timeline.js";

// The OTC start example [notebooks §9]: create_at 1638841744515, started at 1638844471727.
const CREATED = 1638841744515;
const STARTED = 1638844471727;

describe("lease", () => {
  it("at create: one hour, TIMING, enabled; duration -1 disables; top-level duration wins and forces TIMING", () => {
    expect(leaseAtCreate(CREATED, undefined, undefined)).toEqual({
      createAt: CREATED,
      updateAt: CREATED,
      duration: 3600000,
      enable: true,
      type: "TIMING",
    });
    expect(leaseAtCreate(CREATED, -1, undefined)).toMatchObject({ enable: false, duration: 3600000 });
    expect(leaseAtCreate(CREATED, undefined, { duration: -1, type: "IDLE" })).toMatchObject({
      enable: false,
      type: "IDLE",
    });
    expect(leaseAtCreate(CREATED, 7200000, { duration: 10800000, type: "IDLE" })).toMatchObject({
      duration: 7200000,
      type: "TIMING",
    });
    expect(leaseAtCreate(CREATED, undefined, { duration: 10800000, type: "IDLE" })).toMatchObject({
      duration: 10800000,
      type: "IDLE",
    });
  });

  it("a start reproduces the OTC example: create_at kept, duration 6327212, deadline = start + 1 h", () => {
    const lease = leaseAtCreate(CREATED, undefined, undefined);
    leaseOnStart(lease, STARTED, {}, 1);
    expect(lease).toEqual({ createAt: CREATED, updateAt: STARTED, duration: 6327212, enable: true, type: "TIMING" });
    expect(leaseDeadline(lease, 1)).toBe(STARTED + 3600000);
  });

  it("a start's ?duration sets the deadline, -1 disables, type is taken as given", () => {
    const lease = leaseAtCreate(CREATED, undefined, undefined);
    leaseOnStart(lease, STARTED, { duration: 7200000, type: "IDLE" }, 1);
    expect(leaseDeadline(lease, 1)).toBe(STARTED + 7200000);
    expect(lease.type).toBe("IDLE");
    leaseOnStart(lease, STARTED + 5, { duration: -1 }, 1);
    expect(lease).toMatchObject({ enable: false, updateAt: STARTED + 5 });
    leaseOnStart(lease, STARTED + 10, {}, 1);
    expect(lease.enable).toBe(false);
  });

  it("scales the elapsed time into nominal ms, so the deadline is now + duration × timeScale", () => {
    const lease = leaseAtCreate(CREATED, undefined, undefined);
    extendLease(lease, CREATED + 1000, 3600000, 0.001);
    expect(lease.duration).toBe(1000 / 0.001 + 3600000);
    expect(leaseDeadline(lease, 0.001)).toBe(CREATED + 1000 + 3600);
  });

  it("a stop moves an enabled lease to stop time + 1 h, as the OTC stop example shows", () => {
    const lease = leaseAtCreate(CREATED, undefined, undefined);
    leaseOnStop(lease, 1638843457621, 1);
    expect(lease.duration).toBe(5313106);
    const off = leaseAtCreate(CREATED, -1, undefined);
    leaseOnStop(off, 1638843457621, 1);
    expect(off.updateAt).toBe(CREATED);
  });
});
