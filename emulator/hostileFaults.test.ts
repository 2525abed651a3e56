import { request as httpRequest } from "node:http";
import { callApi } from "./callApi.js";
import { cpuCreateRequest, createInstance, getInstance, instancesPath } from "./demanager/testkit.js";
import { DEFAULT_ACCESS_KEY } from "./index.js";
import { createNotebook, evsCreateRequest, notebooksPath } from "./notebooks/testkit.js";
import { useEmulator } from "../test/support/emulatorPerFile.js";

const CREATE_V1 = "POST /v1/{project_id}/demanager/instances";
const GET_V1 = "GET /v1/{project_id}/demanager/instances/{instance_id}";
const CREATE_V2 = "POST /v1/{project_id}/notebooks";
const GET_V2 = "GET /v1/{project_id}/notebooks/{id}";

const emulator = useEmulator();

const createV1 = (name: string) =>
  callApi(emulator, { method: "POST", path: instancesPath(emulator), body: cpuCreateRequest(name) });
const createV2 = (name: string) =>
  callApi(emulator, { method: "POST", path: notebooksPath(emulator), body: evsCreateRequest(name) });

describe("body faults", () => {
  it.each<[string, string, string]>([
    ["an HTML page", "<html><body>502 Bad Gateway</body></html>", "text/html"],
    ["null", "null", "application/json"],
    ["an empty object", "{}", "application/json"],
    ["an empty body", "", "text/html"],
  ])("answers %s verbatim with 200, without applying the request", async (_label, rawBody, contentType) => {
    await emulator.admin.injectFault({ route: CREATE_V2, kind: "body", rawBody });
    const response = await createV2("garbage");
    expect(response.status).toBe(200);
    expect(response.text).toBe(rawBody);
    expect(response.headers["content-type"]).toBe(contentType);
    expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(rawBody)));
    expect(await emulator.admin.listNotebooks()).toEqual([]);
  });

  it("apply: true creates the instance and still answers garbage; status and contentType are honoured", async () => {
    await emulator.admin.injectFault({
      route: CREATE_V1,
      kind: "body",
      rawBody: "not json",
      status: 201,
      contentType: "application/json",
      apply: true,
    });
    const response = await createV1("applied");
    expect({ status: response.status, text: response.text, type: response.headers["content-type"] }).toEqual({
      status: 201,
      text: "not json",
      type: "application/json",
    });
    expect((await emulator.admin.listInstances()).map((i) => i.name)).toEqual(["applied"]);
    expect((await createV1("next")).status).toBe(200);
  });

  it("is consumed per matching request, like the other faults", async () => {
    await emulator.admin.injectFault({ route: "GET *", kind: "body", rawBody: "{}", count: 2 });
    const { id } = (await createNotebook(emulator, evsCreateRequest("counted"))) as { id: string };
    const get = () => callApi(emulator, { method: "GET", path: notebooksPath(emulator, id) });
    expect((await get()).text).toBe("{}");
    expect((await get()).text).toBe("{}");
    expect((await get()).json).toMatchObject({ id });
    expect(await emulator.admin.requestCount(GET_V2, 200)).toBe(3);
  });
});

describe("other-instance faults", () => {
  it("answers a demanager GET with another instance's body; otherId picks which", async () => {
    const a = (await createInstance(emulator, cpuCreateRequest("a"))) as { id: string };
    const b = (await createInstance(emulator, cpuCreateRequest("b"))) as { id: string };
    const c = (await createInstance(emulator, cpuCreateRequest("c"))) as { id: string };
    await emulator.admin.injectFault({ route: GET_V1, kind: "other-instance" });
    expect((await getInstance(emulator, a.id)).json).toMatchObject({ id: b.id, name: "b" });
    await emulator.admin.injectFault({ route: GET_V1, kind: "other-instance", otherId: c.id });
    expect((await getInstance(emulator, a.id)).json).toMatchObject({ id: c.id });
    expect((await getInstance(emulator, a.id)).json).toMatchObject({ id: a.id });
  });

  it("applies notebook PUT, start and create, answering with another notebook", async () => {
    const a = (await createNotebook(emulator, evsCreateRequest("a"))) as { id: string };
    const b = (await createNotebook(emulator, evsCreateRequest("b"))) as { id: string };
    await emulator.admin.updateNotebook(a.id, { status: "STOPPED" });

    await emulator.admin.injectFault({ route: "PUT /v1/{project_id}/notebooks/{id}", kind: "other-instance" });
    const put = await callApi(emulator, {
      method: "PUT",
      path: notebooksPath(emulator, a.id),
      body: { description: "changed" },
    });
    expect(put.json).toMatchObject({ id: b.id, description: "" });
    expect(await emulator.admin.getNotebook(a.id)).toMatchObject({ description: "changed" });

    await emulator.admin.injectFault({ route: "POST /v1/{project_id}/notebooks/{id}/start", kind: "other-instance" });
    const start = await callApi(emulator, { method: "POST", path: notebooksPath(emulator, a.id, "/start") });
    expect(start.json).toMatchObject({ id: b.id });
    // Applied: the notebook left STOPPED (STARTING lasts 10 ms at this scale).
    expect(["STARTING", "RUNNING"]).toContain((await emulator.admin.getNotebook(a.id)).status);

    await emulator.admin.injectFault({ route: CREATE_V2, kind: "other-instance" });
    const created = await createV2("c");
    expect((created.json as { id: string }).id).not.toBe(undefined);
    expect([a.id, b.id]).toContain((created.json as { id: string }).id);
    expect((await emulator.admin.listNotebooks()).map((n) => n.name).sort()).toEqual(["a", "b", "c"]);
  });

  it("passes error answers and lone instances through unchanged", async () => {
    const only = (await createNotebook(emulator, evsCreateRequest("only"))) as { id: string };
    await emulator.admin.injectFault({ route: GET_V2, kind: "other-instance", count: 2 });
    expect((await callApi(emulator, { method: "GET", path: notebooksPath(emulator, only.id) })).json).toMatchObject({
      id: only.id,
    });
    const missing = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, "nope") });
    expect(missing.json).toMatchObject({ error_code: "ModelArts.6404" });
  });
});

describe("gateway-404 faults", () => {
  it("answers the gateway's 404 APIG.0101 without applying the request, or after it with apply", async () => {
    await emulator.admin.injectFault({ route: CREATE_V2, kind: "gateway-404" });
    const response = await createV2("lost");
    expect(response.status).toBe(404);
    expect(response.json).toEqual({
      error_code: "APIG.0101",
      error_msg: "The API does not exist or has not been published in the environment",
      request_id: response.headers["x-request-id"],
    });
    expect(await emulator.admin.listNotebooks()).toEqual([]);

    await emulator.admin.injectFault({ route: CREATE_V2, kind: "gateway-404", apply: true });
    expect((await createV2("made")).status).toBe(404);
    expect((await emulator.admin.listNotebooks()).map((n) => n.name)).toEqual(["made"]);
  });
});

describe("oversized faults", () => {
  it("streams a JSON-looking body of exactly `bytes` bytes (20 MB)", async () => {
    const bytes = 20 * 1024 * 1024;
    await emulator.admin.injectFault({ route: GET_V2, kind: "oversized", bytes });
    const response = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, "any") });
    expect(response.status).toBe(200);
    expect(response.headers["content-length"]).toBe(String(bytes));
    expect(response.headers["content-type"]).toBe("application/json");
    expect(Buffer.byteLength(response.text)).toBe(bytes);
    expect((response.json as { padding: string }).padding).toHaveLength(bytes - '{"padding":""}'.length);
  });

  it("answers the given status, and survives a client that hangs up mid-body", async () => {
    await emulator.admin.injectFault({ route: GET_V2, kind: "oversized", bytes: 16, status: 500 });
    const small = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, "any") });
    expect({ status: small.status, text: small.text }).toEqual({ status: 500, text: '{"padding":"xx"}' });

    await emulator.admin.injectFault({ route: "GET *", kind: "oversized", bytes: 200 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${emulator.url}/v1/${emulator.projectId}/notebooks`, { agent: false }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", (err) => (req.destroyed ? resolve() : reject(err)));
      req.end();
    });
    expect((await emulator.admin.health()).ok).toBe(true);
  });
});

describe("echo-secrets faults", () => {
  it("answers 400 with the text verbatim, filling in the request's own headers and body", async () => {
    const text =
      '{"error_code":"APIGW.0301","error_msg":"bad signature for {{header:authorization}} token={{header:x-auth-token}} body={{body}}"}';
    await emulator.admin.injectFault({ route: CREATE_V2, kind: "echo-secrets", text });
    const response = await callApi(emulator, {
      method: "POST",
      path: notebooksPath(emulator),
      body: "{}",
    });
    expect(response.status).toBe(400);
    // After the substitution the text still parses as JSON, so it goes out as JSON.
    expect(response.headers["content-type"]).toBe("application/json");
    const echoed = (response.json as { error_msg: string }).error_msg;
    expect(echoed).toMatch(
      new RegExp(
        `^bad signature for SDK-HMAC-SHA256 Access=${DEFAULT_ACCESS_KEY}, SignedHeaders=.*, Signature=[0-9a-f]{64} token= body=\\{\\}$`,
      ),
    );
    expect(await emulator.admin.listNotebooks()).toEqual([]);
  });

  it("echoes quoted JSON as application/json and free text as text/html, with the given status", async () => {
    const secret = "EmulatorSecretKey00000000000000000000000";
    await emulator.admin.injectFault({
      route: "GET *",
      kind: "echo-secrets",
      text: JSON.stringify({ error_code: "X.1", error_msg: `sk="${secret}"` }),
    });
    const json = await callApi(emulator, { method: "GET", path: notebooksPath(emulator) });
    expect(json.headers["content-type"]).toBe("application/json");
    expect(json.json).toEqual({ error_code: "X.1", error_msg: `sk="${secret}"` });

    await emulator.admin.injectFault({ route: "GET *", kind: "echo-secrets", text: `SK ${secret}`, status: 401 });
    const plain = await callApi(emulator, { method: "GET", path: notebooksPath(emulator) });
    expect({ status: plain.status, text: plain.text, type: plain.headers["content-type"] }).toEqual({
      status: 401,
      text: `SK ${secret}`,
      type: "text/html",
    });
  });
});

describe("fault specs", () => {
  it.each<[string, object, RegExp]>([
    ["a body fault without rawBody", { kind: "body" }, /needs rawBody/],
    ["an echo fault without text", { kind: "echo-secrets" }, /needs text/],
    ["an oversized fault without bytes", { kind: "oversized" }, /needs bytes/],
    ["an oversized fault of 15 bytes", { kind: "oversized", bytes: 15 }, /needs bytes/],
    ["an unknown kind", { kind: "slow" }, /kind must be one of .*echo-secrets/],
    ["a bad status", { kind: "body", rawBody: "", status: 42 }, /status must be an HTTP status code/],
  ])("refuses %s", async (_label, spec, message) => {
    await expect(emulator.admin.injectFault({ route: "*", ...spec } as never)).rejects.toThrow(message);
  });
});
