import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callApi } from "../callApi.js";
import {
  action,
  cpuCreateRequest,
  createInstance,
  getInstance,
  instancesPath,
  waitForStatus,
} from "../demanager/testkit.js";
import { FAKE_OBS_CREDENTIAL, startEmulator, type Emulator } from "../index.js";

let dir: string;
let stateFile: string;
const running: Emulator[] = [];

async function start(): Promise<Emulator> {
  const emulator = await startEmulator({ stateFile, timeScale: 0.001 });
  running.push(emulator);
  return emulator;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "modelarts-emulator-"));
  stateFile = join(dir, "nested", "state.json");
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe("state file", () => {
  it("lets two emulators sharing one file see each other's changes", async () => {
    const a = await start();
    const b = await start();
    const { id } = (await createInstance(a, cpuCreateRequest("shared"))) as { id: string };

    await waitForStatus(b, id, "RUNNING");
    expect((await action(b, id, "stop")).status).toBe(200);
    await waitForStatus(a, id, "STOPPED");

    await callApi(a, { method: "PUT", path: instancesPath(a, id), body: { description: "from a" } });
    expect((await getInstance(b, id)).json).toMatchObject({ description: "from a" });

    expect((await createInstance(b, cpuCreateRequest("second"))).name).toBe("second");
    const listed = await callApi(a, { method: "GET", path: instancesPath(a), query: { de_type: "Notebook" } });
    expect(listed.json).toMatchObject({ total_count: 2 });
    expect(
      (await callApi(a, { method: "POST", path: instancesPath(a), body: cpuCreateRequest("second") })).json,
    ).toMatchObject({
      error_code: "ModelArts.6301",
    });

    await callApi(b, { method: "DELETE", path: instancesPath(b, id) });
    await waitForStatus(a, id, "GONE");
  });

  it("survives a restart, and the timeline carries on from the stored timestamps", async () => {
    const first = await start();
    const { id } = (await createInstance(first, cpuCreateRequest("durable"))) as { id: string };
    await first.close();
    running.splice(0);

    const second = await start();
    // The instance was CREATING when the first emulator stopped; time kept running while nobody served it.
    await waitForStatus(second, id, "RUNNING");
    expect((await getInstance(second, id)).json).toMatchObject({ name: "durable" });
  });

  it("writes the file atomically, leaves no temporary files, and reset empties it", async () => {
    const emulator = await start();
    await createInstance(emulator, cpuCreateRequest("atomic"));
    await emulator.admin.setFlavorSoldOut("modelarts.vm.gpu.v100");
    expect(readdirSync(join(dir, "nested"))).toEqual(["state.json"]);
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as {
      instances: { name: string }[];
      soldOutFlavors: string[];
    };
    expect(state.instances.map((i) => i.name)).toEqual(["atomic"]);
    expect(state.soldOutFlavors).toEqual(["modelarts.vm.gpu.v100"]);
    // Secrets the service returns are rendered on the fly, never stored.
    expect(readFileSync(stateFile, "utf8")).not.toContain(FAKE_OBS_CREDENTIAL.secret_key);

    await emulator.admin.reset();
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toEqual({
      version: 1,
      instances: [],
      soldOutFlavors: [],
      notebooks: [],
      notebookSoldOut: {},
    });
  });
});
