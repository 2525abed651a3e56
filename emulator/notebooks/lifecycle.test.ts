import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { FAKE_NOTEBOOK_TOKEN } from "../index.js";
import {
  CPU_IMAGE_ID,
  createNotebook,
  evsCreateRequest,
  getNotebook,
  notebookAction,
  notebooksPath,
  waitForNotebook,
} from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

// CREATING 1.2 s (300 ms per progress step), STARTING 400 ms, STOPPING and DELETING 200 ms.
const emulator = useEmulator({ timeScale: 0.04 });

type Progress = { status: string; step: number; description: string }[];

function expectError(response: { status: number; json: unknown }, status: number, code: string): void {
  expect({ status: response.status, body: response.json }).toEqual({
    status,
    body: { error_code: code, error_msg: expect.any(String) },
  });
}

describe("create", () => {
  it("answers 200 with the notebook in CREATING and the documented defaults", async () => {
    const before = Date.now();
    const response = await callApi(emulator, {
      method: "POST",
      path: notebooksPath(emulator),
      body: evsCreateRequest("nb-defaults"),
    });
    expect(response.status).toBe(200);
    const nb = response.json as Record<string, unknown> & {
      id: string;
      create_at: number;
      lease: { create_at: number };
    };
    expect(validateWire("NotebookObject", nb)).toEqual({ valid: true, errors: [] });
    expect(nb).toMatchObject({
      name: "nb-defaults",
      description: "",
      status: "CREATING",
      feature: "NOTEBOOK",
      flavor: "modelarts.vm.cpu.2u",
      workspace_id: "0",
      token: FAKE_NOTEBOOK_TOKEN,
      url: `https://authoring-modelarts-${emulator.region}.huaweicloud.com/${nb.id}/lab`,
      image: {
        id: CPU_IMAGE_ID,
        name: "notebook2.0-mul-kernel-cpu-cp36",
        swr_path: `swr.${emulator.region}.myhuaweicloud.com/atelier/notebook2.0-mul-kernel-cpu-cp36:3.3.2-release_v1`,
        tag: "3.3.2-release_v1",
        type: "BUILD_IN",
      },
      lease: { duration: 3600000, enable: true, type: "TIMING" },
      volume: { category: "EVS", ownership: "MANAGED", capacity: 5, mount_path: "/home/ma-user/work/" },
      tags: [],
    });
    expect(nb.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isInteger(nb.create_at) && nb.create_at >= before).toBe(true);
    expect(nb.lease.create_at).toBe(nb.create_at);
    expect(nb.action_progress).toEqual([
      { status: "PROCESSING", step: 1, description: "prepare storage" },
      { status: "WAITING", step: 2, description: "prepare compute resources" },
      { status: "WAITING", step: 3, description: "configure network" },
      { status: "WAITING", step: 4, description: "initialize instance" },
    ]);
  });

  it("accepts lower-case enums and echoes them in upper case; EFS defaults to 50 GB", async () => {
    const nb = await createNotebook(emulator, {
      ...evsCreateRequest("nb-case"),
      feature: "notebook",
      volume: { category: "efs", ownership: "managed" },
      lease: { duration: 7200000, type: "idle" },
      endpoints: [{ service: "ssh", key_pair_names: ["kp-1"], allowed_access_ips: ["1.2.3.4"] }],
    });
    expect(nb).toMatchObject({
      feature: "NOTEBOOK",
      volume: { category: "EFS", ownership: "MANAGED", capacity: 50 },
      lease: { duration: 7200000, enable: true, type: "IDLE" },
      endpoints: [
        {
          service: "SSH",
          dev_service: "SSH",
          key_pair_names: ["kp-1"],
          allowed_access_ips: ["1.2.3.4"],
          uri: expect.stringMatching(/^ssh:\/\/dev-modelarts-cn-north-4\.huaweicloud\.com:\d+$/),
        },
      ],
    });
  });

  it("treats duration -1 as no auto-stop (Terraform), and duration wins over lease with TIMING", async () => {
    const off = await createNotebook(emulator, { ...evsCreateRequest("nb-off"), duration: -1 });
    expect(off.lease).toMatchObject({ enable: false, type: "TIMING" });
    const timing = await createNotebook(emulator, {
      ...evsCreateRequest("nb-timing"),
      duration: 10800000,
      lease: { duration: 7200000, type: "IDLE" },
    });
    expect(timing.lease).toMatchObject({ enable: true, duration: 10800000, type: "TIMING" });
  });

  it("lets names repeat", async () => {
    const a = await createNotebook(emulator, evsCreateRequest("twin"));
    const b = await createNotebook(emulator, evsCreateRequest("twin"));
    expect(a.id).not.toBe(b.id);
  });

  it("goes CREATING → RUNNING, with action_progress advancing step by step", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("nb-life"))) as { id: string };
    const steps = new Set<string>();
    for (;;) {
      const nb = (await getNotebook(emulator, id)).json as { status: string; action_progress: Progress };
      const processing = nb.action_progress.find((p) => p.status === "PROCESSING");
      if (processing) steps.add(`${nb.status}:${processing.step}`);
      if (nb.status === "RUNNING") {
        expect(nb.action_progress.map((p) => p.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"]);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect([...steps]).toEqual(["CREATING:1", "CREATING:2", "CREATING:3", "CREATING:4"]);
  });
});

describe("start, stop, delete", () => {
  it("stops and starts with the full object in STOPPING / STARTING", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("nb-actions"))) as { id: string };
    await waitForNotebook(emulator, id, "RUNNING");

    const stop = await notebookAction(emulator, id, "stop");
    expect(stop.status).toBe(200);
    expect(validateWire("NotebookObject", stop.json).valid).toBe(true);
    expect(stop.json).toMatchObject({ id, status: "STOPPING" });
    expect(await waitForNotebook(emulator, id, "STOPPED")).toEqual(["STOPPING", "STOPPED"]);

    const start = await notebookAction(emulator, id, "start");
    expect(start.json).toMatchObject({ id, status: "STARTING" });
    expect(await waitForNotebook(emulator, id, "RUNNING")).toEqual(["STARTING", "RUNNING"]);
  });

  it("answers the documented wrong-state codes", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("nb-wrong"))) as { id: string };
    expectError(await notebookAction(emulator, id, "start"), 400, "ModelArts.6357"); // CREATING
    expectError(await notebookAction(emulator, id, "stop"), 400, "ModelArts.6357");
    await waitForNotebook(emulator, id, "RUNNING");
    expectError(await notebookAction(emulator, id, "start"), 400, "ModelArts.6305");
    await notebookAction(emulator, id, "stop");
    expectError(await notebookAction(emulator, id, "stop"), 400, "ModelArts.6308");
    expectError(await notebookAction(emulator, id, "start"), 400, "ModelArts.6308");
    await waitForNotebook(emulator, id, "STOPPED");
    expectError(await notebookAction(emulator, id, "stop"), 400, "ModelArts.6307");
    await notebookAction(emulator, id, "start");
    expectError(await notebookAction(emulator, id, "start"), 400, "ModelArts.6306");
    expectError(await notebookAction(emulator, id, "stop"), 400, "ModelArts.6306");
  });

  it("refuses start and stop while FROZEN (6326) and stop after a failure (6327)", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("nb-frozen"))) as { id: string };
    await emulator.admin.updateNotebook(id, { status: "FROZEN" });
    expectError(await notebookAction(emulator, id, "start"), 400, "ModelArts.6326");
    expectError(await notebookAction(emulator, id, "stop"), 400, "ModelArts.6326");
    await emulator.admin.updateNotebook(id, { status: "START_FAILED" });
    expectError(await notebookAction(emulator, id, "stop"), 400, "ModelArts.6327");
    expect((await notebookAction(emulator, id, "start")).json).toMatchObject({ status: "STARTING" });
  });

  it("refuses to start on a sold-out flavor (6329)", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("nb-soldout"))) as { id: string };
    await emulator.admin.updateNotebook(id, { status: "STOPPED" });
    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.2u");
    try {
      expectError(await notebookAction(emulator, id, "start"), 400, "ModelArts.6329");
    } finally {
      await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.2u", false);
    }
  });

  it("deletes a RUNNING notebook: DELETING, then 400 ModelArts.6404; a second DELETE is 6357", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("nb-delete"))) as { id: string };
    await waitForNotebook(emulator, id, "RUNNING");
    const deleted = await callApi(emulator, { method: "DELETE", path: notebooksPath(emulator, id) });
    expect(deleted.status).toBe(200);
    expect(validateWire("NotebookObject", deleted.json).valid).toBe(true);
    expect(deleted.json).toMatchObject({ id, status: "DELETING" });
    expectError(
      await callApi(emulator, { method: "DELETE", path: notebooksPath(emulator, id) }),
      400,
      "ModelArts.6357",
    );
    expect(await waitForNotebook(emulator, id, "GONE")).toEqual(["DELETING", "GONE"]);
    expectError(await getNotebook(emulator, id), 400, "ModelArts.6404");
    expectError(
      await callApi(emulator, { method: "DELETE", path: notebooksPath(emulator, id) }),
      400,
      "ModelArts.6404",
    );
  });

  it("answers v2 errors with error_msg, and counts requests per route template", async () => {
    await emulator.admin.resetRequestCounts();
    const missing = await getNotebook(emulator, "00000000-0000-4000-8000-000000000000");
    expect(validateWire("NotebookErrorBody", missing.json).valid).toBe(true);
    expect(await emulator.admin.requestCount("GET /v1/{project_id}/notebooks/{id}", 400)).toBe(1);
  });

  it("EVS resize: RESIZING for a while after storage_new_size, then no volume status", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("nb-resize"))) as { id: string };
    await waitForNotebook(emulator, id, "RUNNING");
    const put = await callApi(emulator, {
      method: "PUT",
      path: notebooksPath(emulator, id),
      body: { storage_new_size: 100 },
    });
    expect(put.json).toMatchObject({ status: "RUNNING", volume: { capacity: 100, status: "RESIZING" } });
    for (;;) {
      const volume = ((await getNotebook(emulator, id)).json as { volume: { status?: string } }).volume;
      if (volume.status === undefined) break;
      expect(volume.status).toBe("RESIZING");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
});
