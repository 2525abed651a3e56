/** The admin API's demanager part (`admin.ts`): create failures and durations, instances changed out of band. */
import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { startEmulator } from "../index.js";
import { cpuCreateRequest, createInstance, getInstance, instancesPath, waitForStatus } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

const emulator = useEmulator();

describe("create failures", () => {
  it("makes the next create end in CREATE_FAILED with failed_reasons", async () => {
    await emulator.admin.failNextCreates({
      code: "ModelArts.6200",
      message: "No resources available.",
      detail: { zone: "az1" },
    });
    const { id } = (await createInstance(emulator, cpuCreateRequest("doomed"))) as { id: string };
    await waitForStatus(emulator, id, "CREATE_FAILED");
    const failed = (await getInstance(emulator, id)).json;
    expect(validateWire("Instance", failed).valid).toBe(true);
    expect(failed).toMatchObject({
      error_code: "ModelArts.6200",
      spec: { failed_reasons: { code: "ModelArts.6200", message: "No resources available.", detail: { zone: "az1" } } },
    });
    const next = (await createInstance(emulator, cpuCreateRequest("fine"))) as { id: string };
    await waitForStatus(emulator, next.id, "RUNNING");
  });
});

describe("create durations", () => {
  it("gives the next create of a named instance its own CREATING time, once", async () => {
    const timed = await startEmulator({ timeScale: 0.01 });
    try {
      await timed.admin.setCreateDurations({ long: 90 });
      const started = Date.now();
      const long = (await createInstance(timed, cpuCreateRequest("long"))) as { id: string };
      const usual = (await createInstance(timed, cpuCreateRequest("usual"))) as { id: string };
      // CREATING 30 s x 0.01 = 300 ms, then STARTING: at 500 ms the usual one has left CREATING, the long one not.
      await new Promise((resolve) => setTimeout(resolve, 500 - (Date.now() - started)));
      expect((await getInstance(timed, usual.id)).json).toMatchObject({
        status: expect.stringMatching(/STARTING|RUNNING/),
      });
      expect((await getInstance(timed, long.id)).json).toMatchObject({ status: "CREATING" });
      // 90 s + 10 s STARTING at 0.01: RUNNING after 1 s.
      await waitForStatus(timed, long.id, "RUNNING");
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      await expect(timed.admin.setCreateDurations({ bad: -1 })).rejects.toThrow(/positive/);
    } finally {
      await timed.close();
    }
  });

  it("gives a free flavor's next create of a named instance its own queue time, with a rank while it lasts", async () => {
    const timed = await startEmulator({ timeScale: 0.001 });
    try {
      // 3 ranks of 10 s would end the queue after 30 ms at this scale; 5000 s is 5 s.
      await timed.admin.setCreateDurations({ queued: 5_000 }, "CREATE_QUEUING");
      const free = { flavor: "modelarts.vm.cpu.free" };
      const queued = (await createInstance(timed, cpuCreateRequest("queued", free))) as { id: string };
      const usual = (await createInstance(timed, cpuCreateRequest("usual-free", free))) as { id: string };
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await getInstance(timed, usual.id)).json).toMatchObject({
        status: expect.stringMatching(/CREATING|STARTING|RUNNING/),
      });
      expect((await getInstance(timed, queued.id)).json).toMatchObject({
        status: "CREATE_QUEUING",
        queuing_info: { rank: expect.any(Number) },
      });
      await expect(timed.admin.setCreateDurations({ queued: 1 }, "STOPPING" as "CREATING")).rejects.toThrow(
        /phase must be CREATING or CREATE_QUEUING/,
      );
    } finally {
      await timed.close();
    }
  });
});

describe("out-of-band changes", () => {
  it("changes description, auto_stop and status, and deletes", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("oob"))) as { id: string };
    const patched = await emulator.admin.updateInstance(id, {
      description: "changed in the console",
      auto_stop: { enable: true, duration: 7200 },
      status: "STOPPED",
    });
    expect(patched).toMatchObject({ status: "STOPPED", project_id: emulator.projectId });
    expect((await getInstance(emulator, id)).json).toMatchObject({
      description: "changed in the console",
      status: "STOPPED",
      spec: { auto_stop: { enable: true, duration: 7200 } },
    });
    await emulator.admin.deleteInstance(id);
    expect((await getInstance(emulator, id)).json).toMatchObject({ error_code: "ModelArts.6309" });
  });

  it("lists every instance, including those being deleted and other workspaces", async () => {
    const slow = await startEmulator({ timeScale: 0.1 });
    try {
      const a = (await createInstance(slow, cpuCreateRequest("a"))) as { id: string };
      await createInstance(slow, cpuCreateRequest("b", { workspace: { id: "ws-9" } }));
      await callApi(slow, { method: "DELETE", path: instancesPath(slow, a.id) });
      const all = await slow.admin.listInstances();
      expect(all.map((i) => [i.name, i.status])).toEqual([
        ["a", "DELETING"],
        ["b", "CREATING"],
      ]);
    } finally {
      await slow.close();
    }
  });
});
