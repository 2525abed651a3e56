import { callApi, type RawResponse } from "../callApi.js";
import { expectErrorAnswer } from "../../test/support/errorAnswer.js";
import { action, cpuCreateRequest, createInstance, getInstance, instancesPath, waitForStatus } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

// DELETING lasts 250 ms, so "6301 while deleting" is not racy; other states are set through the admin API.
const emulator = useEmulator({ timeScale: 0.05 });

const expectError = (response: RawResponse, status: number, code: string) =>
  expectErrorAnswer(response, status, code, "ErrorBody");

const create = (body: unknown) => callApi(emulator, { method: "POST", path: instancesPath(emulator), body });
const withSpec = (spec: unknown) => ({ ...cpuCreateRequest("bad"), spec });
const storage = (location: unknown, type = "obs") => withSpec({ storage: { type, location } });

describe("create request rules", () => {
  it.each([
    ["6316 storage missing", withSpec({}), "ModelArts.6316"],
    ["6316 spec missing", { name: "x", profile_id: "Python3", flavor: "modelarts.vm.cpu.2u" }, "ModelArts.6316"],
    ["6317 location missing", withSpec({ storage: { type: "obs" } }), "ModelArts.6317"],
    ["6317 path missing", storage({}), "ModelArts.6317"],
    ["6318 no trailing slash", storage({ path: "/bucket/dir" }), "ModelArts.6318"],
    ["6358 bucket root", storage({ path: "/bucket/" }), "ModelArts.6358"],
    ["6324 storage type", storage({ path: "/bucket/dir/" }, "evs"), "ModelArts.6324"],
    [
      "6348 duration missing",
      withSpec({ storage: { type: "obs", location: { path: "/b/d/" } }, auto_stop: { enable: true } }),
      "ModelArts.6348",
    ],
    [
      "6349 duration too short",
      withSpec({ storage: { type: "obs", location: { path: "/b/d/" } }, auto_stop: { enable: true, duration: 60 } }),
      "ModelArts.6349",
    ],
    [
      "6349 duration too long",
      withSpec({ storage: { type: "obs", location: { path: "/b/d/" } }, auto_stop: { enable: true, duration: 86401 } }),
      "ModelArts.6349",
    ],
    ["6323 unknown flavor", { ...cpuCreateRequest("x"), flavor: "modelarts.vm.cpu.999u" }, "ModelArts.6323"],
    [
      "6330 profile/flavor type mismatch",
      { ...cpuCreateRequest("x"), flavor: "modelarts.kat1.xlarge" },
      "ModelArts.6330",
    ],
    ["6336 unknown profile", { ...cpuCreateRequest("x"), profile_id: "No-Such-Image" }, "ModelArts.6336"],
    ["6334 bad character in name", cpuCreateRequest("bad name"), "ModelArts.6334"],
    ["6334 bad character in description", cpuCreateRequest("x", { description: "a/b" }), "ModelArts.6334"],
    ["6400 name too long", cpuCreateRequest("n".repeat(65)), "ModelArts.6400"],
    ["6400 unknown field", cpuCreateRequest("x", { colour: "red" }), "ModelArts.6400"],
    ["6400 not JSON", "{not json", "ModelArts.6400"],
  ])("%s", async (_label, body, code) => {
    expectError(await create(body), 400, code);
  });

  it("6318 carries the documented message", async () => {
    const response = await create(storage({ path: "/bucket/dir" }));
    expect(response.json).toEqual({
      error_code: "ModelArts.6318",
      error_message: "The param 'path' needs to end with /.",
    });
  });

  it("6301 for a name already used in the project, until a deleted holder is gone", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("twin"))) as { id: string };
    expectError(await create(cpuCreateRequest("twin")), 400, "ModelArts.6301");
    await callApi(emulator, { method: "DELETE", path: instancesPath(emulator, id) });
    // Still DELETING: the name is taken until the instance is gone.
    expectError(await create(cpuCreateRequest("twin")), 400, "ModelArts.6301");
    await waitForStatus(emulator, id, "GONE");
    expect((await create(cpuCreateRequest("twin"))).status).toBe(200);
  });

  it("6329 when the flavor is sold out", async () => {
    await emulator.admin.setFlavorSoldOut("modelarts.vm.cpu.2u");
    expectError(await create(cpuCreateRequest("x")), 400, "ModelArts.6329");
    expect((await emulator.admin.listFlavors()).find((f) => f.name === "modelarts.vm.cpu.2u")?.soldOut).toBe(true);
    await emulator.admin.setFlavorSoldOut("modelarts.vm.cpu.2u", false);
    expect((await create(cpuCreateRequest("x"))).status).toBe(200);
  });
});

describe("instance state rules", () => {
  async function instanceIn(status: string): Promise<string> {
    const { id } = (await createInstance(emulator, cpuCreateRequest(`s-${status.toLowerCase()}`))) as { id: string };
    await emulator.admin.updateInstance(id, { status: status as "RUNNING" });
    return id;
  }

  it("6309 (HTTP 400) for an unknown id on every instance call", async () => {
    const id = "DE-00000000-0000-1000-8000-0255ac100000";
    expectError(await getInstance(emulator, id), 400, "ModelArts.6309");
    expectError(
      await callApi(emulator, { method: "PUT", path: instancesPath(emulator, id), body: { description: "x" } }),
      400,
      "ModelArts.6309",
    );
    expectError(
      await callApi(emulator, { method: "DELETE", path: instancesPath(emulator, id) }),
      400,
      "ModelArts.6309",
    );
    expectError(await action(emulator, id, "start"), 400, "ModelArts.6309");
    expect((await getInstance(emulator, id)).json).toEqual({
      error_code: "ModelArts.6309",
      error_message: "The instance does not exist.",
    });
  });

  it("6304 when deleting a RUNNING instance", async () => {
    expectError(
      await callApi(emulator, { method: "DELETE", path: instancesPath(emulator, await instanceIn("RUNNING")) }),
      400,
      "ModelArts.6304",
    );
  });

  it.each([
    ["start", "RUNNING", "ModelArts.6305"],
    ["start", "STARTING", "ModelArts.6306"],
    ["stop", "STARTING", "ModelArts.6306"],
    ["start", "STOPPING", "ModelArts.6308"],
    ["stop", "STOPPING", "ModelArts.6308"],
    ["stop", "STOPPED", "ModelArts.6307"],
    ["restart", "STOPPED", "ModelArts.6327"],
    ["start", "CREATING", "ModelArts.6357"],
    ["queue", "STOPPED", "ModelArts.6357"],
  ])("%s in %s → %s", async (name, status, code) => {
    expectError(await action(emulator, await instanceIn(status), name), 400, code);
  });

  it("6400 / 6336 for a bad action body", async () => {
    const id = await instanceIn("RUNNING");
    const post = (body: unknown) =>
      callApi(emulator, { method: "POST", path: instancesPath(emulator, id, "/action"), body });
    expectError(await post({ action: "explode" }), 400, "ModelArts.6336");
    expectError(await post({}), 400, "ModelArts.6335");
    expectError(await post({ action: "stop", force: true }), 400, "ModelArts.6400");
  });

  it("6347 when auto_stop is modified during a transition, while the description may change", async () => {
    const id = await instanceIn("STARTING");
    const put = (body: unknown) => callApi(emulator, { method: "PUT", path: instancesPath(emulator, id), body });
    expectError(await put({ spec: { auto_stop: { enable: false } } }), 400, "ModelArts.6347");
    expect((await put({ description: "fine" })).status).toBe(200);
  });

  it("6348 / 6349 / 6400 on modify", async () => {
    const id = await instanceIn("STOPPED");
    const put = (body: unknown) => callApi(emulator, { method: "PUT", path: instancesPath(emulator, id), body });
    expectError(await put({ spec: { auto_stop: { enable: true } } }), 400, "ModelArts.6348");
    expectError(await put({ spec: { auto_stop: { enable: true, duration: 100 } } }), 400, "ModelArts.6349");
    expectError(await put({ name: "rename" }), 400, "ModelArts.6400");
  });
});

describe("list query rules", () => {
  const list = (query: Record<string, string>) =>
    callApi(emulator, { method: "GET", path: instancesPath(emulator), query });

  it.each([
    ["de_type missing", {}, "ModelArts.6335"],
    ["de_type wrong case", { de_type: "notebook" }, "ModelArts.6336"],
    ["sortby unsupported", { de_type: "Notebook", sortby: "status" }, "ModelArts.6303"],
    ["order unknown", { de_type: "Notebook", order: "up" }, "ModelArts.6336"],
    ["limit not a number", { de_type: "Notebook", limit: "ten" }, "ModelArts.6332"],
  ])("%s", async (_label, query, code) => {
    expectError(await list(query), 400, code);
  });
});

describe("gateway rules", () => {
  it("ModelArts.0210 (HTTP 403) for another project id in the path", async () => {
    const response = await callApi(emulator, {
      method: "GET",
      path: "/v1/ffffffffffffffffffffffffffffffff/demanager/instances",
      query: { de_type: "Notebook" },
    });
    expectError(response, 403, "ModelArts.0210");
  });

  it("APIG.0101 (HTTP 404) for an unknown route or method, with a request id", async () => {
    const unknown = await callApi(emulator, { method: "GET", path: `/v1/${emulator.projectId}/demanager/flavors` });
    expectError(unknown, 404, "APIG.0101");
    expect((unknown.json as { request_id: string }).request_id).toBe(unknown.headers["x-request-id"]);
    expectError(await callApi(emulator, { method: "PATCH", path: instancesPath(emulator, "DE-1") }), 404, "APIG.0101");
  });
});
