import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { FAKE_OBS_CREDENTIAL, FAKE_REPOSITORY_ACCESS_TOKEN } from "../index.js";
import { SEED_CREATE_REQUEST, cpuCreateRequest, createInstance, instancesPath } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

// CREATING lasts 600 ms: instances made by a test are still CREATING when it looks at them.
const emulator = useEmulator({ timeScale: 0.02 });

describe("create", () => {
  it("answers the seed sample request with the documented instance shape", async () => {
    const before = Date.now();
    const instance = await createInstance(emulator, SEED_CREATE_REQUEST);

    expect(validateWire("Instance", instance)).toEqual({ valid: true, errors: [] });
    expect(instance).toMatchObject({
      ai_project: { id: "default-ai-project" },
      description: "",
      flavor: "modelarts.kat1.xlarge",
      flavor_details: {
        name: "modelarts.kat1.xlarge",
        params: { CPU: 24, NPU: 1, graphics_memory: "32GiB", memory: "96GiB", type: "Ascend 910" },
        status: "onSale",
        storage_list: ["obs", "efs"],
        type: "Ascend",
      },
      name: "notebook-d115",
      profile: {
        de_type: "Notebook",
        flavor_type: "Ascend",
        id: "efa847c0-7359-11eb-b34f-0255ac100057",
        name: "Ascend-Powered-Engine 1.0 (python3)",
        provision: { type: "Docker", spec: { engine: "CCE" } },
      },
      spec: {
        annotations: { url: "" },
        auto_stop: { duration: 3600, enable: true, prompt: true },
        extend_params: null,
        extend_storage: null,
        failed_reasons: null,
        repository: null,
        storage: { location: { path: "/aaaaaaaaa/output/" }, type: "obs" },
        credential: FAKE_OBS_CREDENTIAL,
      },
      status: "CREATING",
      workspace: { id: "0" },
    });
    expect(instance.id).toMatch(/^DE-[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-0255ac10[0-9a-f]{4}$/);
    const spec = instance.spec as { annotations: Record<string, string> };
    expect(spec.annotations.target_domain).toMatch(/^https:\/\//);
    expect(instance.creation_timestamp).toMatch(/^\d{13}$/);
    expect(Number(instance.creation_timestamp)).toBeGreaterThanOrEqual(before);
    expect(instance.latest_update_timestamp).toBe(instance.creation_timestamp);
    expect((instance.profile as { id: string }).id).not.toBe(SEED_CREATE_REQUEST.profile_id);
  });

  it("fills the documented server defaults", async () => {
    const instance = await createInstance(emulator, cpuCreateRequest("defaults"));
    expect(instance).toMatchObject({
      description: "",
      workspace: { id: "0" },
      ai_project: { id: "default-ai-project" },
      spec: { auto_stop: { enable: false, prompt: true } },
    });
    expect(instance).not.toHaveProperty("queuing_info");
  });

  it("returns a Git repository with an access token on GPU instances", async () => {
    const instance = await createInstance(emulator, {
      ...cpuCreateRequest("gpu"),
      profile_id: "Multi-Engine 1.0 (python3)-gpu",
      flavor: "modelarts.vm.gpu.v100",
    });
    expect(validateWire("Instance", instance).valid).toBe(true);
    expect(instance.repository).toMatchObject({
      connection_info: { credential: { access_token: FAKE_REPOSITORY_ACCESS_TOKEN } },
    });
    expect((instance.spec as { repository: unknown }).repository).toEqual(instance.repository);
  });
});

describe("modify", () => {
  it("changes the description and auto_stop", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("modify"))) as { id: string };
    await emulator.admin.updateInstance(id, { status: "RUNNING" });
    const response = await callApi(emulator, {
      method: "PUT",
      path: instancesPath(emulator, id),
      body: { description: "This is for test.", spec: { auto_stop: { enable: true, duration: 7200 } } },
    });
    expect(response.status).toBe(200);
    expect(validateWire("Instance", response.json).valid).toBe(true);
    expect(response.json).toMatchObject({
      description: "This is for test.",
      spec: { auto_stop: { enable: true, duration: 7200, prompt: true } },
    });
    // Applies from the next start [demanager §3.3]: no stop is scheduled for the current run.
    expect((response.json as { spec: { auto_stop: object } }).spec.auto_stop).not.toHaveProperty("stop_timestamp");
  });
});

describe("list", () => {
  async function list(query: Record<string, string | number>) {
    return callApi(emulator, {
      method: "GET",
      path: instancesPath(emulator),
      query: { de_type: "Notebook", ...query },
    });
  }
  const names = (body: unknown) => (body as { instances: { name: string }[] }).instances.map((i) => i.name);

  beforeEach(async () => {
    for (const name of ["charlie", "alpha", "bravo"]) {
      await createInstance(emulator, cpuCreateRequest(name));
      await new Promise((r) => setTimeout(r, 2));
    }
    await createInstance(emulator, cpuCreateRequest("other-ws", { workspace: { id: "ws-1" } }));
    await createInstance(emulator, cpuCreateRequest("pooled", { pool: { id: "pool-1", type: "USER_DEFINED" } }));
  });

  it("returns every instance of workspace 0 sorted by name by default, with total_count", async () => {
    const response = await list({});
    expect(response.status).toBe(200);
    expect(validateWire("ListResponse", response.json).valid).toBe(true);
    expect(response.json).toMatchObject({ total_count: 4 });
    expect(names(response.json)).toEqual(["alpha", "bravo", "charlie", "pooled"]);
  });

  it("sorts by creation time, in either order", async () => {
    expect(names((await list({ sortby: "creation_timestamp" })).json)).toEqual(["charlie", "alpha", "bravo", "pooled"]);
    expect(names((await list({ sortby: "creation_timestamp", order: "desc" })).json)).toEqual([
      "pooled",
      "bravo",
      "alpha",
      "charlie",
    ]);
  });

  it("pages with offset and limit while total_count counts every match", async () => {
    const page = await list({ offset: 1, limit: 2 });
    expect(page.json).toMatchObject({ total_count: 4 });
    expect(names(page.json)).toEqual(["bravo", "charlie"]);
    expect(names((await list({ offset: 3, limit: 2 })).json)).toEqual(["pooled"]);
  });

  it("filters by workspace, pool and status", async () => {
    expect(names((await list({ workspace_id: "ws-1" })).json)).toEqual(["other-ws"]);
    expect(names((await list({ pool_id: "pool-1" })).json)).toEqual(["pooled"]);
    expect((await list({ status: "CREATING" })).json).toMatchObject({ total_count: 4 });
    expect((await list({ status: "STOPPED" })).json).toEqual({ total_count: 0, instances: [] });
  });
});
