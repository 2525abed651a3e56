import { callApi } from "../callApi.js";
import { createNotebook, evsCreateRequest, notebookAction, notebooksPath, waitForNotebook } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

// One nominal hour = 720 ms; CREATING = 6 ms.
const TIME_SCALE = 0.0002;
const emulator = useEmulator({ timeScale: TIME_SCALE });

type Lease = { create_at: number; update_at: number; duration: number; enable: boolean; type: string };
const lease = (id: string) => callApi(emulator, { method: "GET", path: notebooksPath(emulator, id, "/lease") });
const renew = (id: string, query?: Record<string, string | number>, body?: unknown) =>
  callApi(emulator, { method: "PATCH", path: notebooksPath(emulator, id, "/lease"), query, body });
const code = (response: { json: unknown }) => (response.json as { error_code?: string }).error_code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("lease auto-stop", () => {
  it("stops a RUNNING notebook at lease.create_at + duration (scaled)", async () => {
    const nb = (await createNotebook(emulator, evsCreateRequest("auto"))) as { id: string; create_at: number };
    await waitForNotebook(emulator, nb.id, "RUNNING");
    expect((await lease(nb.id)).json).toEqual({
      create_at: nb.create_at,
      duration: 3600000,
      enable: true,
      type: "TIMING",
      update_at: nb.create_at,
    });
    // STOPPING lasts 1 ms at this scale: it may be missed.
    const seen = await waitForNotebook(emulator, nb.id, "STOPPED");
    expect(seen.filter((s) => s !== "STOPPING")).toEqual(["RUNNING", "STOPPED"]);
    expect(Date.now() - nb.create_at).toBeGreaterThanOrEqual(3600000 * TIME_SCALE);
  });

  it("never stops a notebook created with duration -1", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("forever", { duration: -1 }))) as { id: string };
    await waitForNotebook(emulator, id, "RUNNING");
    await sleep(3600000 * TIME_SCALE * 1.5);
    expect(((await lease(id)).json as Lease).enable).toBe(false);
    expect(
      (
        (await callApi(emulator, { method: "GET", path: notebooksPath(emulator, id) })).json as Lease & {
          status: string;
        }
      ).status,
    ).toBe("RUNNING");
  });

  it("PATCH .../lease moves the deadline to now + duration; a query duration wins and forces TIMING", async () => {
    const nb = (await createNotebook(emulator, evsCreateRequest("renew"))) as { id: string; create_at: number };
    await waitForNotebook(emulator, nb.id, "RUNNING");
    const byBody = await renew(nb.id, undefined, { duration: 7200000, type: "idle" });
    expect(byBody.status).toBe(200);
    const renewed = byBody.json as Lease;
    expect(renewed).toMatchObject({ create_at: nb.create_at, enable: true, type: "IDLE" });
    const deadline = renewed.create_at + renewed.duration * TIME_SCALE;
    expect(deadline - renewed.update_at).toBeCloseTo(7200000 * TIME_SCALE, 0);

    const byQuery = (await renew(nb.id, { duration: 3600000 }, { duration: 10800000, type: "IDLE" })).json as Lease;
    expect(byQuery.type).toBe("TIMING");
    expect(byQuery.create_at + byQuery.duration * TIME_SCALE - byQuery.update_at).toBeCloseTo(3600000 * TIME_SCALE, 0);

    // Renewed past the original deadline, the notebook is still running then, and stops later.
    await renew(nb.id, { duration: 7200000 });
    await sleep(nb.create_at + 3600000 * TIME_SCALE + 50 - Date.now());
    expect(
      ((await callApi(emulator, { method: "GET", path: notebooksPath(emulator, nb.id) })).json as { status: string })
        .status,
    ).toBe("RUNNING");
    await waitForNotebook(emulator, nb.id, "STOPPED", 5000);
  });

  it("lease calls need a RUNNING notebook (6327), a duration (6348) in range (6349)", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("rules"))) as { id: string };
    await waitForNotebook(emulator, id, "RUNNING");
    expect(code(await renew(id))).toBe("ModelArts.6348");
    expect(code(await renew(id, undefined, {}))).toBe("ModelArts.6348");
    expect(code(await renew(id, { duration: -1 }))).toBe("ModelArts.6349");
    expect(code(await renew(id, undefined, { duration: 259200001 }))).toBe("ModelArts.6349");
    expect(code(await renew(id, undefined, { duration: 3600000, enable: true }))).toBe("ModelArts.6400");
    await emulator.admin.updateNotebook(id, { status: "STOPPED" });
    expect(code(await lease(id))).toBe("ModelArts.6327");
    expect(code(await renew(id, { duration: 3600000 }))).toBe("ModelArts.6327");
  });

  it("start ?duration sets the lease; ?duration=-1 turns auto-stop off", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("start-lease"))) as { id: string };
    await emulator.admin.updateNotebook(id, { status: "STOPPED" });
    const started = (await notebookAction(emulator, id, "start", { duration: 7200000, type: "IDLE" })).json as {
      lease: Lease;
    };
    expect(started.lease).toMatchObject({ enable: true, type: "IDLE" });
    expect(started.lease.create_at + started.lease.duration * TIME_SCALE - started.lease.update_at).toBeCloseTo(
      7200000 * TIME_SCALE,
      0,
    );
    await emulator.admin.updateNotebook(id, { status: "STOPPED" });
    const off = (await notebookAction(emulator, id, "start", { duration: -1 })).json as { lease: Lease };
    expect(off.lease.enable).toBe(false);
    await waitForNotebook(emulator, id, "RUNNING");
    await sleep(3600000 * TIME_SCALE * 1.2);
    expect(
      ((await callApi(emulator, { method: "GET", path: notebooksPath(emulator, id) })).json as { status: string })
        .status,
    ).toBe("RUNNING");
  });
});
