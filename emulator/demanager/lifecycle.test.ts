import { callApi } from "../callApi.js";
import { action, cpuCreateRequest, createInstance, getInstance, instancesPath, waitForStatus } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

// CREATING 600 ms, STARTING 200 ms, STOPPING 100 ms, DELETING 100 ms: long enough to observe each status.
const emulator = useEmulator({ timeScale: 0.02 });

describe("lifecycle", () => {
  it("goes CREATING → STARTING → RUNNING and shows the Jupyter URL only when running", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("life"))) as { id: string };
    expect(await waitForStatus(emulator, id, "RUNNING")).toEqual(["CREATING", "STARTING", "RUNNING"]);
    const running = (await getInstance(emulator, id)).json as {
      spec: { annotations: { url: string } };
      latest_update_timestamp: string;
      creation_timestamp: string;
    };
    expect(running.spec.annotations.url).toContain(`/notebook/user/${id}`);
    expect(Number(running.latest_update_timestamp)).toBeGreaterThan(Number(running.creation_timestamp));
  });

  it("stops, starts and restarts with the documented action answers", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("actions"))) as { id: string };
    await waitForStatus(emulator, id, "RUNNING");

    const stop = await action(emulator, id, "stop");
    expect(stop.status).toBe(200);
    expect(stop.json).toEqual({ current_status: "STOPPING", previous_state: "RUNNING" });
    expect(await waitForStatus(emulator, id, "STOPPED")).toEqual(["STOPPING", "STOPPED"]);
    const stopped = (await getInstance(emulator, id)).json as { spec: { annotations: { url: string } } };
    expect(stopped.spec.annotations.url).toBe("");

    expect((await action(emulator, id, "start")).json).toEqual({
      current_status: "STARTING",
      previous_state: "STOPPED",
    });
    expect(await waitForStatus(emulator, id, "RUNNING")).toEqual(["STARTING", "RUNNING"]);

    expect((await action(emulator, id, "restart")).json).toEqual({
      current_status: "RESTARTING",
      previous_state: "RUNNING",
    });
    expect(await waitForStatus(emulator, id, "RUNNING")).toEqual(["RESTARTING", "RUNNING"]);
  });

  it("queues free flavors with a rank that counts down", async () => {
    const { id, status, queuing_info } = (await createInstance(emulator, {
      ...cpuCreateRequest("free"),
      flavor: "modelarts.vm.cpu.free",
    })) as { id: string; status: string; queuing_info: { rank: number; status: string } };
    expect(status).toBe("CREATE_QUEUING");
    expect(queuing_info).toMatchObject({ status: "CREATE_QUEUING", rank: 3 });
    const ranks = new Set<number>();
    for (;;) {
      const body = (await getInstance(emulator, id)).json as { status: string; queuing_info?: { rank: number } };
      if (body.status !== "CREATE_QUEUING") break;
      ranks.add(body.queuing_info!.rank);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect([...ranks]).toEqual([3, 2, 1]);
    expect(await waitForStatus(emulator, id, "RUNNING")).toEqual(["CREATING", "STARTING", "RUNNING"]);

    await action(emulator, id, "stop");
    await waitForStatus(emulator, id, "STOPPED");
    expect((await action(emulator, id, "queue")).json).toEqual({
      current_status: "START_QUEUING",
      previous_state: "STOPPED",
    });
    expect((await action(emulator, id, "dequeue")).json).toEqual({
      current_status: "STOPPED",
      previous_state: "START_QUEUING",
    });
  });

  it("deletes asynchronously: DELETING, then 6309", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("gone"))) as { id: string };
    const response = await callApi(emulator, { method: "DELETE", path: instancesPath(emulator, id) });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ instance_id: id });
    expect(await waitForStatus(emulator, id, "GONE")).toEqual(["DELETING", "GONE"]);
  });
});
