import { callApi } from "./callApi.js";
import { cpuCreateRequest, createInstance, getInstance, instancesPath } from "./demanager/testkit.js";
import { AdminClient, startEmulator } from "./index.js";
import { useEmulator } from "../test/support/emulatorPerFile.js";

const CREATE_ROUTE = "POST /v1/{project_id}/demanager/instances";
const GET_ROUTE = "GET /v1/{project_id}/demanager/instances/{instance_id}";

const emulator = useEmulator();

const create = (name: string) =>
  callApi(emulator, { method: "POST", path: instancesPath(emulator), body: cpuCreateRequest(name) });

describe("status faults", () => {
  it("fails the next N requests on a route without applying them", async () => {
    await emulator.admin.injectFault({
      route: CREATE_ROUTE,
      kind: "status",
      status: 500,
      errorCode: "ModelArts.6102",
      count: 2,
    });
    const first = await create("fault");
    expect(first.status).toBe(500);
    expect(first.json).toEqual({ error_code: "ModelArts.6102", error_message: "Server error, try again later." });
    expect((await create("fault")).status).toBe(500);
    expect((await create("fault")).status).toBe(200);
    expect(await emulator.admin.listInstances()).toHaveLength(1);
    expect(await emulator.admin.listFaults()).toEqual([]);
  });

  it("answers 429 ModelArts.6101 with Retry-After, 503 with a gateway body, or a raw body", async () => {
    await emulator.admin.injectFault({ route: "*", kind: "status", status: 429, retryAfterSeconds: 7 });
    await emulator.admin.injectFault({ route: "GET *", kind: "status", status: 503 });
    await emulator.admin.injectFault({
      route: CREATE_ROUTE,
      kind: "status",
      status: 502,
      rawBody: "<html>Bad Gateway</html>",
    });

    const throttled = await create("x");
    expect(throttled.status).toBe(429);
    expect(throttled.headers["retry-after"]).toBe("7");
    expect(throttled.json).toMatchObject({ error_code: "ModelArts.6101" });

    const unavailable = await getInstance(emulator, "DE-1");
    expect(unavailable.status).toBe(503);
    expect(unavailable.json).toMatchObject({
      error_code: "APIG.0202",
      request_id: unavailable.headers["x-request-id"],
    });

    const html = await create("x");
    expect(html.status).toBe(502);
    expect(html.text).toBe("<html>Bad Gateway</html>");
  });
});

describe("faults spread over a run", () => {
  it("firstPerPath: answers each path's first request only, until `count` paths were answered", async () => {
    await emulator.admin.injectFault({
      route: GET_ROUTE,
      kind: "status",
      status: 429,
      retryAfterSeconds: 1,
      firstPerPath: true,
      count: 2,
    });
    const statuses = async (id: string) => (await getInstance(emulator, id)).status;
    expect(await statuses("DE-1")).toBe(429);
    // A path already answered passes through (DE-1 does not exist: the API's own 400).
    expect(await statuses("DE-1")).toBe(400);
    expect(await statuses("DE-2")).toBe(429);
    expect(await statuses("DE-2")).toBe(400);
    // Two paths answered: the fault is used up.
    expect(await statuses("DE-3")).toBe(400);
    expect(await emulator.admin.listFaults()).toEqual([]);
  });

  it("every: answers every n-th matching request, `count` times, and lets the others through", async () => {
    await emulator.admin.injectFault({ route: GET_ROUTE, kind: "status", status: 429, every: 3, count: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await getInstance(emulator, "DE-1")).status);
    expect(statuses).toEqual([400, 400, 429, 400, 400, 429, 400, 400]);
  });

  it("behindGateway: the service's answer comes after the gateway's limit, and takes one of its tokens", async () => {
    await emulator.admin.setRateLimit({ requestsPerSecond: 0.01, burst: 1 });
    await emulator.admin.injectFault({ route: GET_ROUTE, kind: "status", status: 429, behindGateway: true, count: 2 });
    const first = await getInstance(emulator, "DE-1");
    // The service's busy answer: the gateway let the request through (its one token is spent).
    expect(first.status).toBe(429);
    expect(first.json).toMatchObject({ error_code: "ModelArts.6101" });
    // The gateway refuses the next one itself: it never reaches the service, whose fault is still armed.
    expect((await getInstance(emulator, "DE-1")).headers["retry-after"]).toBe("100");
    expect((await emulator.admin.listFaults())[0]).toMatchObject({ remaining: 1 });
  });

  it("refuses an `every` that is not a whole number >= 1", async () => {
    await expect(emulator.admin.injectFault({ route: "*", kind: "status", every: 0 })).rejects.toThrow(
      /every must be a whole number/,
    );
  });
});

describe("connection drops", () => {
  it("drop-before: the client sees a reset and nothing was created", async () => {
    await emulator.admin.injectFault({ route: CREATE_ROUTE, kind: "drop-before" });
    await expect(create("dropped")).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await emulator.admin.listInstances()).toEqual([]);
    expect(await emulator.admin.requestCount(CREATE_ROUTE, "dropped")).toBe(1);
  });

  it("drop-after: the client sees a reset but the instance exists", async () => {
    await emulator.admin.injectFault({ route: CREATE_ROUTE, kind: "drop-after" });
    await expect(create("applied")).rejects.toThrow(/socket hang up|ECONNRESET/);
    const instances = await emulator.admin.listInstances();
    expect(instances.map((i) => i.name)).toEqual(["applied"]);
    // A retry of the same create now meets the instance its lost answer made.
    expect((await create("applied")).json).toMatchObject({ error_code: "ModelArts.6301" });
  });
});

describe("request counts", () => {
  it("counts per route template and per status, not admin calls", async () => {
    const { id } = (await createInstance(emulator, cpuCreateRequest("count"))) as { id: string };
    await getInstance(emulator, id);
    await getInstance(emulator, "DE-missing");
    const counts = await emulator.admin.requestCounts();
    expect(counts.byRoute).toEqual({ [CREATE_ROUTE]: 1, [GET_ROUTE]: 2 });
    expect(counts.byRouteAndStatus).toEqual({
      [`${CREATE_ROUTE} 200`]: 1,
      [`${GET_ROUTE} 200`]: 1,
      [`${GET_ROUTE} 400`]: 1,
    });
    expect(counts.total).toBe(3);
    await emulator.admin.resetRequestCounts();
    expect((await emulator.admin.requestCounts()).total).toBe(0);
  });

  it("is reachable through an AdminClient built from the URL", async () => {
    const client = new AdminClient(`${emulator.url}/`);
    expect(await client.health()).toMatchObject({ ok: true, projectId: emulator.projectId });
    await expect(client.getInstance("DE-nope")).rejects.toThrow(/HTTP 404/);
  });
});

describe("rate limit", () => {
  it("answers 429 ModelArts.6101 with Retry-After above the configured rate, changeable at run time", async () => {
    await emulator.admin.setRateLimit({ requestsPerSecond: 0.5, burst: 2, retryAfterSeconds: 3 });
    const list = () =>
      callApi(emulator, { method: "GET", path: instancesPath(emulator), query: { de_type: "Notebook" } });
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(200);
    const throttled = await list();
    expect(throttled.status).toBe(429);
    expect(throttled.headers["retry-after"]).toBe("3");
    expect(throttled.json).toEqual({
      error_code: "ModelArts.6101",
      error_message: "The system is busy now. Please try again later.",
    });
    await emulator.admin.setRateLimit(undefined);
    expect((await list()).status).toBe(200);
  });

  it("computes Retry-After in whole seconds from the rate when not fixed", async () => {
    const limited = await startEmulator({ rateLimit: { requestsPerSecond: 0.25 } });
    try {
      const list = () =>
        callApi(limited, { method: "GET", path: instancesPath(limited), query: { de_type: "Notebook" } });
      expect((await list()).status).toBe(200);
      const throttled = await list();
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers["retry-after"])).toBe(4);
    } finally {
      await limited.close();
    }
  });
});
