import { callApi } from "../callApi.js";
import { action, cpuCreateRequest, createInstance, getInstance, instancesPath, waitForStatus } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

// 3600 emulated seconds = 360 ms; create ≈ 4 ms. The auto-stop run is long enough to observe RUNNING.
const TIME_SCALE = 0.0001;
const emulator = useEmulator({ timeScale: TIME_SCALE });

type AutoStop = { enable: boolean; duration?: number; stop_timestamp?: number; remain_time?: number };
const autoStopOf = async (id: string) =>
  ((await getInstance(emulator, id)).json as { spec: { auto_stop: AutoStop } }).spec.auto_stop;

describe("auto-stop", () => {
  it("stops a RUNNING instance after the duration, reporting stop_timestamp and remain_time", async () => {
    const { id } = (await createInstance(
      emulator,
      cpuCreateRequest("auto", {
        spec: { storage: { type: "obs", location: { path: "/b/d/" } }, auto_stop: { enable: true, duration: 3600 } },
      }),
    )) as { id: string };
    await waitForStatus(emulator, id, "RUNNING");
    const autoStop = await autoStopOf(id);
    expect(autoStop).toMatchObject({ enable: true, duration: 3600 });
    expect(String(autoStop.stop_timestamp)).toMatch(/^\d{13}$/);
    expect(autoStop.stop_timestamp! - Date.now()).toBeLessThanOrEqual(3600 * 1000 * TIME_SCALE);
    expect(autoStop.remain_time).toBeGreaterThan(0);
    expect(autoStop.remain_time).toBeLessThanOrEqual(3600);

    // STOPPING lasts half a millisecond at this scale, so polling may or may not catch it.
    const seen = await waitForStatus(emulator, id, "STOPPED");
    expect(seen.filter((s) => s !== "STOPPING")).toEqual(["RUNNING", "STOPPED"]);
    expect(await autoStopOf(id)).not.toHaveProperty("stop_timestamp");

    // The duration holds for every start [demanager §2.1, Table 6].
    await action(emulator, id, "start");
    await waitForStatus(emulator, id, "RUNNING");
    expect((await autoStopOf(id)).stop_timestamp).toBeDefined();
    await waitForStatus(emulator, id, "STOPPED");
  });

  it("applies an auto_stop set while RUNNING from the next start only", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("later"))) as { id: string };
    await waitForStatus(emulator, id, "RUNNING");
    const put = await callApi(emulator, {
      method: "PUT",
      path: instancesPath(emulator, id),
      body: { spec: { auto_stop: { enable: true, duration: 3600 } } },
    });
    expect(put.status).toBe(200);
    await new Promise((r) => setTimeout(r, 3600 * 1000 * TIME_SCALE + 50));
    expect((await getInstance(emulator, id)).json).toMatchObject({ status: "RUNNING" });
    expect(await autoStopOf(id)).not.toHaveProperty("stop_timestamp");

    await action(emulator, id, "stop");
    await waitForStatus(emulator, id, "STOPPED");
    await action(emulator, id, "start");
    await waitForStatus(emulator, id, "RUNNING");
    expect((await autoStopOf(id)).stop_timestamp).toBeDefined();
    await waitForStatus(emulator, id, "STOPPED");
  });
});
