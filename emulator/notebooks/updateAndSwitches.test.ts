import { callApi, type RawResponse } from "../callApi.js";
import { DEFAULT_NOTEBOOK_SWITCHES, startEmulator } from "../index.js";
import { createNotebook, evsCreateRequest, getNotebook, notebooksPath } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";
import { expectErrorAnswer } from "../../test/support/errorAnswer.js";

const emulator = useEmulator();

const expectCode = (response: RawResponse, status: number, code: string) =>
  expectErrorAnswer(response, status, code, "NotebookErrorBody");

async function notebookIn(status: "RUNNING" | "STOPPED" | "STARTING" | "FROZEN", extra = {}): Promise<string> {
  const { id } = (await createNotebook(emulator, evsCreateRequest("upd", extra))) as { id: string };
  await emulator.admin.updateNotebook(id, { status });
  return id;
}

const put = (id: string, body: unknown) =>
  callApi(emulator, { method: "PUT", path: notebooksPath(emulator, id), body });
const del = (id: string) => callApi(emulator, { method: "DELETE", path: notebooksPath(emulator, id) });

describe("PUT with the default switches", () => {
  it("changes name, description and size while RUNNING, and answers the full object", async () => {
    const id = await notebookIn("RUNNING");
    const response = await put(id, { name: "renamed", description: "new", storage_new_size: 10 });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id, name: "renamed", description: "new", volume: { capacity: 10 } });
  });

  it("refuses flavor, image_id and endpoints while RUNNING with 6347 naming the field", async () => {
    const id = await notebookIn("RUNNING");
    for (const body of [
      { flavor: "modelarts.vm.cpu.8u" },
      { image_id: "278e88d1-5b71-4766-8502-b3ba72e824d9" },
      { endpoints: [{ service: "SSH", key_pair_names: ["kp"] }] },
    ]) {
      const response = await put(id, body);
      expectCode(response, 400, "ModelArts.6347");
      expect((response.json as { error_msg: string }).error_msg).toBe(
        `When the instance is in the 'RUNNING' status, the '${Object.keys(body)[0]}' parameter cannot be modified.`,
      );
    }
  });

  it("changes flavor, image and endpoints while STOPPED", async () => {
    const id = await notebookIn("STOPPED");
    const response = await put(id, {
      flavor: "modelarts.vm.cpu.8u",
      image_id: "278e88d1-5b71-4766-8502-b3ba72e824d9",
      endpoints: [{ service: "ssh", key_pair_names: ["kp"], allowed_access_ips: ["1.1.1.1"] }],
      name: "both",
    });
    expect(response.json).toMatchObject({
      flavor: "modelarts.vm.cpu.8u",
      name: "both",
      image: { id: "278e88d1-5b71-4766-8502-b3ba72e824d9", name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" },
      endpoints: [{ service: "SSH", key_pair_names: ["kp"], allowed_access_ips: ["1.1.1.1"] }],
    });
  });

  it.each<[string, object, string]>([
    ["6792 a flavor outside the switchable list", { flavor: "modelarts.vm.gpu.v100" }, "ModelArts.6792"],
    ["6792 an unknown flavor", { flavor: "modelarts.vm.cpu.999u" }, "ModelArts.6792"],
    ["6797 an unknown image", { image_id: "00000000-0000-4000-8000-000000000000" }, "ModelArts.6797"],
    ["6331 a smaller disk", { storage_new_size: 4 }, "ModelArts.6331"],
    ["6331 the same size", { storage_new_size: 5 }, "ModelArts.6331"],
    ["6331 above 4096 GB", { storage_new_size: 4097 }, "ModelArts.6331"],
    ["6334 a bad name", { name: "a/b" }, "ModelArts.6334"],
    ["6400 a lease", { lease: { duration: 3600000 } }, "ModelArts.6400"],
  ])("refuses %s", async (_label, body, code) => {
    expectCode(await put(await notebookIn("STOPPED"), body), 400, code);
  });

  it("refuses storage_new_size on EFS (6336) and a second resize while RESIZING (6357)", async () => {
    const efs = await notebookIn("RUNNING", { volume: { category: "EFS", ownership: "MANAGED" } });
    expectCode(await put(efs, { storage_new_size: 100 }), 400, "ModelArts.6336");
    const slow = await startEmulator({ timeScale: 1 });
    try {
      const { id } = (await createNotebook(slow, evsCreateRequest("slow"))) as { id: string };
      await slow.admin.updateNotebook(id, { status: "RUNNING" });
      const first = await callApi(slow, {
        method: "PUT",
        path: notebooksPath(slow, id),
        body: { storage_new_size: 6 },
      });
      expect(first.json).toMatchObject({ volume: { capacity: 6, status: "RESIZING" } });
      const second = await callApi(slow, {
        method: "PUT",
        path: notebooksPath(slow, id),
        body: { storage_new_size: 7 },
      });
      expectCode(second, 400, "ModelArts.6357");
    } finally {
      await slow.close();
    }
  });

  it("refuses a sold-out switchable flavor (6329)", async () => {
    const id = await notebookIn("STOPPED");
    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.8u");
    expectCode(await put(id, { flavor: "modelarts.vm.cpu.8u" }), 400, "ModelArts.6329");
  });

  it("refuses every field in other statuses (6347) and while FROZEN (6326)", async () => {
    expectCode(await put(await notebookIn("STARTING"), { description: "x" }), 400, "ModelArts.6347");
    expectCode(await put(await notebookIn("FROZEN"), { description: "x" }), 400, "ModelArts.6326");
  });
});

describe("the switches", () => {
  it("start with the documented defaults and change through the admin API until reset", async () => {
    expect(await emulator.admin.switches()).toEqual(DEFAULT_NOTEBOOK_SWITCHES);
    expect(DEFAULT_NOTEBOOK_SWITCHES).toEqual({
      notFound: "6404",
      deleteRunning: "allowed",
      updateRunning: "refused",
      updateStopped: "allowed",
      switchableFlavors: "sameCategory",
    });
    expect(await emulator.admin.setSwitches({ notFound: "http404" })).toEqual({
      ...DEFAULT_NOTEBOOK_SWITCHES,
      notFound: "http404",
    });
    await emulator.admin.reset();
    expect(await emulator.admin.switches()).toEqual(DEFAULT_NOTEBOOK_SWITCHES);
  });

  it("refuses unknown switches and values", async () => {
    await expect(emulator.admin.setSwitches({ notFound: "410" as never })).rejects.toThrow(
      /HTTP 400: notebook switch notFound must be one of 6404, 6309, http404/,
    );
    await expect(emulator.admin.setSwitches({ colour: "red" } as never)).rejects.toThrow(
      /unknown notebook switch colour/,
    );
  });

  it.each<[string, number, string]>([
    ["6404", 400, "ModelArts.6404"],
    ["6309", 400, "ModelArts.6309"],
    ["http404", 404, "ModelArts.6404"],
  ])("notFound %s answers %d %s for a missing notebook, storage and switchable flavors", async (mode, status, code) => {
    await emulator.admin.setSwitches({ notFound: mode as "6404" });
    const missing = "00000000-0000-4000-8000-000000000000";
    expectCode(await getNotebook(emulator, missing), status, code);
    expectCode(
      await callApi(emulator, { method: "GET", path: notebooksPath(emulator, missing, "/flavors") }),
      status,
      code,
    );
    const id = await notebookIn("RUNNING");
    const storage = await callApi(emulator, {
      method: "GET",
      path: notebooksPath(emulator, id, `/storage/${missing}`),
    });
    expectCode(storage, status, code);
  });

  it("deleteRunning refused: 6304 while RUNNING, allowed once STOPPED", async () => {
    await emulator.admin.setSwitches({ deleteRunning: "refused" });
    const id = await notebookIn("RUNNING");
    expectCode(await del(id), 400, "ModelArts.6304");
    await emulator.admin.updateNotebook(id, { status: "STOPPED" });
    expect((await del(id)).json).toMatchObject({ status: "DELETING" });
  });

  it("updateRunning allowed: flavor and image change while RUNNING", async () => {
    await emulator.admin.setSwitches({ updateRunning: "allowed" });
    const id = await notebookIn("RUNNING");
    expect((await put(id, { flavor: "modelarts.vm.cpu.8u" })).json).toMatchObject({ flavor: "modelarts.vm.cpu.8u" });
  });

  it("updateStopped refused: name, description and size only while RUNNING", async () => {
    await emulator.admin.setSwitches({ updateStopped: "refused" });
    const id = await notebookIn("STOPPED");
    const response = await put(id, { description: "x" });
    expectCode(response, 400, "ModelArts.6347");
    expect((response.json as { error_msg: string }).error_msg).toContain("'STOPPED' status, the 'description'");
    expect((await put(id, { flavor: "modelarts.vm.cpu.8u" })).status).toBe(200);
  });

  it("can be set at start-up, and bad start-up values are refused", async () => {
    const other = await startEmulator({ notebookSwitches: { notFound: "6309", deleteRunning: "refused" } });
    try {
      expect(await other.admin.switches()).toEqual({
        ...DEFAULT_NOTEBOOK_SWITCHES,
        notFound: "6309",
        deleteRunning: "refused",
      });
      await other.admin.setSwitches({ notFound: "6404" });
      await other.admin.reset();
      expect((await other.admin.switches()).notFound).toBe("6309");
    } finally {
      await other.close();
    }
    await expect(startEmulator({ notebookSwitches: { deleteRunning: "maybe" as never } })).rejects.toThrow(
      /deleteRunning must be one of allowed, refused/,
    );
  });
});
