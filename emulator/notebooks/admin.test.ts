import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callApi } from "../callApi.js";
import { FAKE_NOTEBOOK_TOKEN, startEmulator } from "../index.js";
import { cpuCreateRequest, createInstance } from "../demanager/testkit.js";
import { createNotebook, evsCreateRequest, getNotebook, notebooksPath, waitForNotebook } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

describe("admin API for notebooks", () => {
  const emulator = useEmulator();

  it("lists, shows, patches (drift) and deletes notebooks out of band", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("oob"))) as { id: string };
    expect((await emulator.admin.listNotebooks()).map((n) => [n.id, n.project_id])).toEqual([[id, emulator.projectId]]);
    expect(await emulator.admin.getNotebook(id)).toMatchObject({ id, name: "oob" });

    const patched = await emulator.admin.updateNotebook(id, {
      name: "renamed-in-console",
      description: "changed",
      status: "STOPPED",
      image_id: "278e88d1-5b71-4766-8502-b3ba72e824d9",
      flavor: "modelarts.vm.cpu.8u",
      capacity: 20,
      lease: { enable: false },
      tags: [{ key: "k", value: "v" }],
    });
    expect(patched).toMatchObject({ status: "STOPPED", project_id: emulator.projectId });
    expect((await getNotebook(emulator, id)).json).toMatchObject({
      name: "renamed-in-console",
      description: "changed",
      status: "STOPPED",
      flavor: "modelarts.vm.cpu.8u",
      image: { id: "278e88d1-5b71-4766-8502-b3ba72e824d9" },
      volume: { capacity: 20 },
      lease: { enable: false },
      tags: [{ key: "k", value: "v" }],
    });

    await emulator.admin.updateNotebook(id, { status: "START_FAILED", fail_reason: "Insufficient resources." });
    expect((await getNotebook(emulator, id)).json).toMatchObject({
      status: "START_FAILED",
      fail_reason: "Insufficient resources.",
    });

    await emulator.admin.deleteNotebook(id);
    expect((await getNotebook(emulator, id)).json).toMatchObject({ error_code: "ModelArts.6404" });
    await expect(emulator.admin.getNotebook(id)).rejects.toThrow(/HTTP 404/);
    await expect(emulator.admin.updateNotebook(id, { status: "WHATEVER" as never })).rejects.toThrow(/HTTP 404/);
  });

  it("refuses unknown statuses and lease types", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("bad"))) as { id: string };
    await expect(emulator.admin.updateNotebook(id, { status: "ASLEEP" as never })).rejects.toThrow(/unknown status/);
    await expect(emulator.admin.updateNotebook(id, { lease: { type: "SOMETIMES" as never } })).rejects.toThrow(
      /unknown lease type/,
    );
  });

  it("a lease patch on a RUNNING notebook moves its scheduled stop", async () => {
    const { id } = (await createNotebook(emulator, evsCreateRequest("lease-drift"))) as { id: string };
    await waitForNotebook(emulator, id, "RUNNING");
    // Deadline in the past: the notebook stops at once.
    await emulator.admin.updateNotebook(id, { lease: { create_at: Date.now() - 10_000_000, duration: 3600000 } });
    expect(await waitForNotebook(emulator, id, "STOPPED")).toContain("STOPPED");
  });

  it("reset clears notebooks, create failures and sold-out overrides along with everything else", async () => {
    await createNotebook(emulator, evsCreateRequest("gone-after-reset"));
    await createInstance(emulator, cpuCreateRequest("v1-too"));
    await emulator.admin.failNextNotebookCreates({ count: 3 });
    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.2u");
    await emulator.admin.reset();
    expect(await emulator.admin.listNotebooks()).toEqual([]);
    expect(await emulator.admin.listInstances()).toEqual([]);
    const { id } = (await createNotebook(emulator, evsCreateRequest("after"))) as { id: string };
    await waitForNotebook(emulator, id, "RUNNING");
  });

  it("serves both families at once; each admin list shows only its own", async () => {
    await createNotebook(emulator, evsCreateRequest("v2"));
    await createInstance(emulator, cpuCreateRequest("v1"));
    expect((await emulator.admin.listNotebooks()).map((n) => n.name)).toEqual(["v2"]);
    expect((await emulator.admin.listInstances()).map((n) => n.name)).toEqual(["v1"]);
  });
});

describe("state file with notebooks", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "modelarts-notebooks-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads a file written before notebooks existed, and never stores the notebook token", async () => {
    const stateFile = join(dir, "state.json");
    writeFileSync(stateFile, JSON.stringify({ version: 1, instances: [], soldOutFlavors: ["modelarts.vm.cpu.8u"] }));
    const a = await startEmulator({ stateFile, timeScale: 0.001 });
    const b = await startEmulator({ stateFile, timeScale: 0.001 });
    try {
      const { id } = (await createNotebook(a, evsCreateRequest("shared"))) as { id: string };
      await waitForNotebook(b, id, "RUNNING");
      expect((await getNotebook(b, id)).json).toMatchObject({ token: FAKE_NOTEBOOK_TOKEN });
      await callApi(b, { method: "PUT", path: notebooksPath(b, id), body: { description: "from b" } });
      expect((await getNotebook(a, id)).json).toMatchObject({ description: "from b" });
      const text = readFileSync(stateFile, "utf8");
      expect(JSON.parse(text)).toMatchObject({ soldOutFlavors: ["modelarts.vm.cpu.8u"], notebooks: [{ id }] });
      expect(text).not.toContain(FAKE_NOTEBOOK_TOKEN);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
