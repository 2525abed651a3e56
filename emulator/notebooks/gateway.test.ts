import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { notebooksPath } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

const emulator = useEmulator();

describe("the gateway steps on notebooks routes", () => {
  it("need AK/SK or a token (401 APIGW.0301) and the caller's project (403 ModelArts.0210)", async () => {
    const anonymous = await callApi(emulator, { method: "GET", path: notebooksPath(emulator), auth: "none" });
    expect({ status: anonymous.status, code: (anonymous.json as { error_code: string }).error_code }).toEqual({
      status: 401,
      code: "APIGW.0301",
    });
    const other = await callApi(emulator, { method: "GET", path: "/v1/ffffffffffffffffffffffffffffffff/notebooks" });
    expect(other.status).toBe(403);
    expect(other.json).toEqual({ error_code: "ModelArts.0210", error_msg: expect.any(String) });
  });

  it("are throttled, answering 429 ModelArts.6101 in the notebooks error shape", async () => {
    await emulator.admin.setRateLimit({ requestsPerSecond: 1, burst: 1, retryAfterSeconds: 3 });
    await callApi(emulator, { method: "GET", path: `/v1/${emulator.projectId}/images` });
    const throttled = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, undefined, "/flavors") });
    expect(throttled.status).toBe(429);
    expect(throttled.headers["retry-after"]).toBe("3");
    expect(validateWire("NotebookErrorBody", throttled.json).valid).toBe(true);
  });

  it("take status faults keyed by route template, answered in the notebooks error shape", async () => {
    const route = "GET /v1/{project_id}/notebooks/{id}/lease";
    await emulator.admin.injectFault({ route, kind: "status", status: 503 });
    const failed = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, "x", "/lease") });
    expect(failed.status).toBe(503);
    expect(failed.json).toMatchObject({ error_code: "APIG.0202", request_id: failed.headers["x-request-id"] });
    await emulator.admin.injectFault({ route: "POST /v1/{project_id}/notebooks", kind: "status", status: 500 });
    const internal = await callApi(emulator, { method: "POST", path: notebooksPath(emulator), body: {} });
    expect(internal.json).toEqual({ error_code: "ModelArts.6102", error_msg: "Server error, try again later." });
    expect(await emulator.admin.requestCount(route, 503)).toBe(1);
  });

  it("routes the literal flavors, all and tags segments before {id}, and unknown paths to APIG.0101", async () => {
    for (const suffix of ["/flavors", "/all", "/tags"]) {
      const response = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, undefined, suffix) });
      expect(response.status).toBe(200);
    }
    const counts = await emulator.admin.requestCounts();
    expect(Object.keys(counts.byRoute).sort()).toEqual([
      "GET /v1/{project_id}/notebooks/all",
      "GET /v1/{project_id}/notebooks/flavors",
      "GET /v1/{project_id}/notebooks/tags",
    ]);
    const unknown = await callApi(emulator, { method: "PATCH", path: notebooksPath(emulator, "x") });
    expect(unknown.json).toMatchObject({ error_code: "APIG.0101" });
  });
});
