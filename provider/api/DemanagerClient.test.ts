import { inspect } from "node:util";
import { startEmulator, type Emulator, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY } from "../../emulator/index.js";
import {
  createAkSkAuthenticator,
  createPasswordAuthenticator,
  createStaticTokenAuthenticator,
} from "./authenticator.js";
import { ApiError, TransportError } from "../base/errors.js";
import { isNotFoundAnswer } from "../base/errorClassification.js";
import { issuePasswordToken } from "./iamClient.js";
import { DemanagerClient, NOT_FOUND_ERROR_CODES, type CreateRecovery } from "./DemanagerClient.js";
import { RequestExecutor, type ExecutorOptions } from "./RequestExecutor.js";
import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { markedCreateRequest, TEST_OWNER } from "../../test/support/demanagerRequests.js";

const CREATE = "POST /v1/{project_id}/demanager/instances";
const LIST = "GET /v1/{project_id}/demanager/instances";
const GET = "GET /v1/{project_id}/demanager/instances/{instance_id}";
const PUT = "PUT /v1/{project_id}/demanager/instances/{instance_id}";
const DELETE = "DELETE /v1/{project_id}/demanager/instances/{instance_id}";

let emulator: Emulator;
let sleeps: number[];

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.001 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await emulator.admin.reset();
  sleeps = [];
});

/** A client whose retry sleeps are recorded instead of slept, so retry schedules are asserted in milliseconds. */
function client(overrides: Partial<ExecutorOptions> = {}, pageSize?: number): DemanagerClient {
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  const executor = new RequestExecutor({
    baseUrl: emulator.url,
    auth: createAkSkAuthenticator({ accessKey: DEFAULT_ACCESS_KEY, secretKey: DEFAULT_SECRET_KEY }),
    sleep,
    random: () => 0.5,
    ...overrides,
  });
  return new DemanagerClient({ executor, projectId: emulator.projectId, pageSize });
}

const request = (name: string) => markedCreateRequest(name, { auto_stop: { enable: false } });

/**
 * The recovery the lifecycle code gives a create (notebookInstance/ownership.ts), in its simplest form: an instance
 * carrying this create's owner mark was ours; otherwise a second POST is safe, unless the name is taken.
 */
function byOwnerMark(c: DemanagerClient, name: string): CreateRecovery {
  return async (err) => {
    const ours = (await c.listInstances()).find((i) => i.spec?.annotations?.[TEST_OWNER] === `test/${name}`);
    if (ours) return { kind: "done", value: ours };
    if (err instanceof ApiError && err.errorCode === "ModelArts.6301") return { kind: "fail", error: err };
    return { kind: "resend" };
  };
}

function create(c: DemanagerClient, name: string): Promise<Instance> {
  return c.createInstance(request(name), byOwnerMark(c, name));
}

async function waitStatus(c: DemanagerClient, id: string, status: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await c.getInstance(id)).status !== status) {
    if (Date.now() > deadline) throw new Error(`instance ${id} never reached ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("operations against the emulator", () => {
  test("create, get, list, update, stop, start, delete", async () => {
    const c = client();
    const instance = await create(c, "ops-1");
    expect(await emulator.admin.requestCount(CREATE)).toBe(1);
    expect(instance.id).toMatch(/^DE-/);
    expect(instance.status).toBe("CREATING");

    await waitStatus(c, instance.id, "RUNNING");
    const got = await c.getInstance(instance.id);
    expect(got.spec?.annotations?.url).not.toBe("");

    const listed = await c.listInstances();
    expect(listed.map((i) => i.id)).toEqual([instance.id]);
    expect(await c.findInstancesByName("ops-1")).toHaveLength(1);
    expect(await c.findInstancesByName("other")).toHaveLength(0);

    const updated = await c.updateInstance(instance.id, {
      description: "changed",
      spec: { auto_stop: { enable: true, duration: 7200 } },
    });
    expect(updated.description).toBe("changed");
    expect(updated.spec?.auto_stop?.duration).toBe(7200);

    expect((await c.stopInstance(instance.id)).previous_state).toBe("RUNNING");
    await waitStatus(c, instance.id, "STOPPED");
    expect((await c.startInstance(instance.id)).previous_state).toBe("STOPPED");
    await waitStatus(c, instance.id, "RUNNING");
    await c.stopInstance(instance.id);
    await waitStatus(c, instance.id, "STOPPED");

    expect(await c.deleteInstance(instance.id)).toBe("deleting");
    const deadline = Date.now() + 5000;
    while ((await c.findInstance(instance.id)) !== undefined) {
      if (Date.now() > deadline) throw new Error("delete never completed");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });

  test("list follows every page", async () => {
    const c = client({}, 2);
    for (let i = 0; i < 5; i++) await create(c, `page-${i}`);
    await emulator.admin.resetRequestCounts();
    const all = await c.listInstances();
    expect(all.map((i) => i.name).sort()).toEqual(["page-0", "page-1", "page-2", "page-3", "page-4"]);
    expect(await emulator.admin.requestCount(LIST)).toBe(3);
  });

  test("not found is HTTP 400 ModelArts.6309, and only that answer", async () => {
    const c = client();
    const err = await c.getInstance("DE-00000000-0000-0000-0000-000000000000").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).errorCode).toBe("ModelArts.6309");
    expect(isNotFoundAnswer(err, NOT_FOUND_ERROR_CODES)).toBe(true);
    expect((err as Error).message).toMatch(/HTTP 400 ModelArts\.6309: The instance does not exist\. \(request id .+\)/);
    expect(await c.findInstance("DE-00000000-0000-0000-0000-000000000000")).toBeUndefined();
    const notFound = (status: number, errorCode?: string) =>
      isNotFoundAnswer(new ApiError({ status, errorCode, method: "GET", path: "/" }), NOT_FOUND_ERROR_CODES);
    expect(notFound(400, "ModelArts.6301")).toBe(false);
    // A bare 404, or the gateway's "no such API", says nothing about the instance.
    expect(notFound(404)).toBe(false);
    expect(notFound(404, "APIG.0101")).toBe(false);
  });

  test("a business error is not retried", async () => {
    const c = client();
    await create(c, "dup");
    await emulator.admin.resetRequestCounts();
    const err = await c.createInstance(request("dup"), byOwnerMark(c, "other")).catch((e: unknown) => e);
    expect((err as ApiError).errorCode).toBe("ModelArts.6301");
    expect(await emulator.admin.requestCount(CREATE)).toBe(1);
  });
});

describe("retries", () => {
  test("idempotent calls retry 5xx with exponential backoff, then succeed", async () => {
    const c = client({ retry: { baseDelayMs: 100, maxDelayMs: 1000 } });
    const instance = await create(c, "retry-get");
    await emulator.admin.injectFault({ route: GET, kind: "status", status: 503, count: 2 });
    await emulator.admin.resetRequestCounts();
    expect((await c.getInstance(instance.id)).id).toBe(instance.id);
    expect(await emulator.admin.requestCount(GET)).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0]!);
  });

  test("Retry-After is honoured on 429", async () => {
    const c = client({ retry: { baseDelayMs: 10 } });
    await emulator.admin.injectFault({ route: LIST, kind: "status", status: 429, retryAfterSeconds: 3, count: 1 });
    await c.listInstances();
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(sleeps[0]).toBeLessThan(3100);
  });

  test("a waiter's early look (spareUntil) is sent once: refused, it is not retried and nothing is waited out", async () => {
    const c = client({ retry: { baseDelayMs: 10 } });
    const instance = await create(c, "spare-look");
    await emulator.admin.injectFault({ route: GET, kind: "status", status: 429, retryAfterSeconds: 1, count: 1 });
    await emulator.admin.resetRequestCounts();
    const look = c.findInstance(instance.id, { poll: true, spareUntil: Date.now() + 60_000 });
    await expect(look).rejects.toMatchObject({ status: 429 });
    expect(await emulator.admin.requestCount(GET)).toBe(1);
    expect(sleeps).toHaveLength(0);
    // A regular poll rides the same answer out.
    await emulator.admin.injectFault({ route: GET, kind: "status", status: 429, retryAfterSeconds: 1, count: 1 });
    expect((await c.findInstance(instance.id, { poll: true }))?.id).toBe(instance.id);
    expect(sleeps).toHaveLength(1);
  });

  test("the emulator's rate limit answers 429 ModelArts.6101 and the client rides it out", async () => {
    const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 50)));
    const c = client({ sleep: realSleep, retry: { baseDelayMs: 10, maxAttempts: 20 } });
    await emulator.admin.setRateLimit({ requestsPerSecond: 20, burst: 2, retryAfterSeconds: 1 });
    for (let i = 0; i < 5; i++) await c.listInstances();
    expect(await emulator.admin.requestCount(LIST, 429)).toBeGreaterThan(0);
    expect(await emulator.admin.requestCount(LIST, 200)).toBe(5);
  });

  test("retries are bounded in count", async () => {
    const c = client({ retry: { maxAttempts: 3, baseDelayMs: 1 } });
    await emulator.admin.injectFault({ route: LIST, kind: "status", status: 500, count: 10 });
    await emulator.admin.resetRequestCounts();
    const err = await c.listInstances().catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(500);
    expect(await emulator.admin.requestCount(LIST)).toBe(3);
  });

  test("throttling is bounded in time, not in count", async () => {
    let clock = 0;
    const c = client({
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      retry: { maxAttempts: 3, baseDelayMs: 1000, maxElapsedMs: 60_000 },
    });
    // Ten 429s in a row (more than maxAttempts) are ridden out: the server applied nothing and said when to retry.
    await emulator.admin.injectFault({ route: LIST, kind: "status", status: 429, retryAfterSeconds: 1, count: 10 });
    await emulator.admin.resetRequestCounts();
    expect(await c.listInstances()).toEqual([]);
    expect(await emulator.admin.requestCount(LIST)).toBe(11);
    // A create too, through its own retry loop.
    await emulator.admin.injectFault({ route: CREATE, kind: "status", status: 429, retryAfterSeconds: 1, count: 5 });
    await emulator.admin.resetRequestCounts();
    await create(c, "nb-throttled");
    expect(await emulator.admin.requestCount(CREATE)).toBe(6);
    // maxElapsedMs still ends it.
    clock = 0;
    await emulator.admin.injectFault({ route: LIST, kind: "status", status: 429, retryAfterSeconds: 20, count: 10 });
    await expect(c.listInstances()).rejects.toMatchObject({ status: 429 });
    expect(clock).toBeLessThanOrEqual(60_000);
  });

  test("retries are bounded in time", async () => {
    let clock = 0;
    const c = client({
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      retry: { maxAttempts: 100, baseDelayMs: 1000, maxDelayMs: 1000, maxElapsedMs: 5000 },
    });
    await emulator.admin.injectFault({ route: LIST, kind: "status", status: 502, count: 50 });
    await emulator.admin.resetRequestCounts();
    await expect(c.listInstances()).rejects.toBeInstanceOf(ApiError);
    expect(clock).toBeLessThanOrEqual(5000);
    expect(await emulator.admin.requestCount(LIST)).toBeLessThan(10);
  });

  test("network errors on idempotent calls are retried", async () => {
    const c = client({ retry: { baseDelayMs: 1 } });
    await emulator.admin.injectFault({ route: LIST, kind: "drop-before", count: 2 });
    expect(await c.listInstances()).toEqual([]);
    expect(sleeps).toHaveLength(2);
  });

  test("a PUT whose answer was lost is repeated safely", async () => {
    const c = client({ retry: { baseDelayMs: 1 } });
    const instance = await create(c, "put-drop");
    await waitStatus(c, instance.id, "RUNNING");
    await emulator.admin.injectFault({ route: PUT, kind: "drop-after", count: 1 });
    const updated = await c.updateInstance(instance.id, { description: "after drop" });
    expect(updated.description).toBe("after drop");
  });
});

describe("create is never retried blindly", () => {
  test("connection dropped after the server created it: found by its owner mark, not POSTed again", async () => {
    const c = client({ retry: { baseDelayMs: 1 } });
    await emulator.admin.injectFault({ route: CREATE, kind: "drop-after", count: 1 });
    const instance = await create(c, "ambiguous-1");
    expect(await emulator.admin.requestCount(CREATE)).toBe(1);
    const all = await emulator.admin.listInstances();
    expect(all.filter((i) => i.name === "ambiguous-1")).toHaveLength(1);
    expect(instance.id).toBe(all[0]!.id);
  });

  test("connection dropped before the server saw it: not found, POSTed again once", async () => {
    const c = client({ retry: { baseDelayMs: 1 } });
    await emulator.admin.injectFault({ route: CREATE, kind: "drop-before", count: 1 });
    await create(c, "ambiguous-2");
    expect(await emulator.admin.requestCount(CREATE)).toBe(2);
    expect((await emulator.admin.listInstances()).filter((i) => i.name === "ambiguous-2")).toHaveLength(1);
    expect(await emulator.admin.requestCount(LIST)).toBe(1);
  });

  test("5xx on create: looked up, then POSTed again", async () => {
    const c = client({ retry: { baseDelayMs: 1 } });
    await emulator.admin.injectFault({ route: CREATE, kind: "status", status: 500, count: 2 });
    await create(c, "ambiguous-3");
    expect(await emulator.admin.requestCount(CREATE)).toBe(3);
    expect(await emulator.admin.requestCount(LIST)).toBe(2);
    expect((await emulator.admin.listInstances()).filter((i) => i.name === "ambiguous-3")).toHaveLength(1);
  });

  test("429 on create is retried without a look-up (throttled requests are not applied)", async () => {
    const c = client({ retry: { baseDelayMs: 1 } });
    await emulator.admin.injectFault({ route: CREATE, kind: "status", status: 429, count: 1, retryAfterSeconds: 0 });
    await create(c, "throttled");
    expect(await emulator.admin.requestCount(CREATE)).toBe(2);
    expect(await emulator.admin.requestCount(LIST)).toBe(0);
  });

  test("every POST dropped after applying: the first one is found, exactly one instance", async () => {
    const c = client({ retry: { baseDelayMs: 1, maxAttempts: 4 } });
    await emulator.admin.injectFault({ route: CREATE, kind: "drop-after", count: 5 });
    // The first look-up fails too: the list is retried (idempotent), and finds the instance.
    await emulator.admin.injectFault({ route: LIST, kind: "drop-before", count: 1 });
    const instance = await create(c, "ambiguous-4");
    const named = (await emulator.admin.listInstances()).filter((i) => i.name === "ambiguous-4");
    expect(named.map((i) => i.id)).toEqual([instance.id]);
    expect(await emulator.admin.requestCount(CREATE)).toBe(1);
  });
});

describe("authentication", () => {
  test("a bad signature is a 401 that is not retried (five failures lock an AK/SK)", async () => {
    const c = client({
      auth: createAkSkAuthenticator({
        accessKey: DEFAULT_ACCESS_KEY,
        secretKey: "wrong-secret-key-0000000000000000000000",
      }),
    });
    const err = await c.listInstances().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect((err as ApiError).errorCode).toBe("APIGW.0301");
    // The gateway's echo of its canonical request says nothing a user can act on; the hint does.
    expect((err as Error).message).toContain(
      "Check that the secret key belongs to this access key, and that this machine's clock is right",
    );
    expect(await emulator.admin.requestCount(LIST)).toBe(1);
    expect(inspect(err)).not.toContain("wrong-secret-key");
  });

  test("password auth: a token is issued once, cached, and refreshed once after a 401", async () => {
    const iam = new RequestExecutor({ baseUrl: emulator.url });
    const user = emulator.credentials.users[0]!;
    let issued = 0;
    const auth = createPasswordAuthenticator({
      issue: async () => {
        issued++;
        const real = await issuePasswordToken(
          iam,
          { userName: user.name, password: user.password, domainName: user.domainName },
          { region: emulator.region },
        );
        // The first token is revoked before use (as a password change would), so the first call gets a 401.
        return issued === 1 ? { ...real, token: "revoked-token" } : real;
      },
    });
    const c = client({ auth });
    expect(await c.listInstances()).toEqual([]);
    expect(await c.listInstances()).toEqual([]);
    expect(issued).toBe(2);
    expect(await emulator.admin.requestCount(LIST, 401)).toBe(1);
    expect(await emulator.admin.requestCount(LIST, 200)).toBe(2);
    expect(auth.knownProjectId?.()).toBe(emulator.projectId);
  });

  test("a token that stays invalid is refreshed once, never in a loop", async () => {
    let issued = 0;
    const auth = createPasswordAuthenticator({
      issue: async () => {
        issued++;
        return { token: `bad-${issued}`, issuedAt: Date.now(), expiresAt: Date.now() + 86_400_000 };
      },
    });
    const err = await client({ auth })
      .listInstances()
      .catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(401);
    expect(issued).toBe(2);
    expect(await emulator.admin.requestCount(LIST)).toBe(2);
  });

  test("a static token cannot be refreshed: one request", async () => {
    const err = await client({ auth: createStaticTokenAuthenticator("not-a-token") })
      .listInstances()
      .catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(401);
    expect(await emulator.admin.requestCount(LIST)).toBe(1);
  });

  test("authenticators and errors never print credentials", () => {
    const auth = createAkSkAuthenticator({
      accessKey: "AKVISIBLE",
      secretKey: "SUPERSECRETSK",
      securityToken: "SECRETTOKEN",
    });
    for (const text of [inspect(auth, { depth: 10 }), JSON.stringify(auth), String(auth)]) {
      expect(text).not.toMatch(/SUPERSECRETSK|SECRETTOKEN/);
    }
    const err = new ApiError({
      status: 401,
      errorCode: "APIGW.0301",
      apiMessage: "verify aksk signature fail, canonicalRequest: GET|/|x-security-token:SECRETTOKEN|",
      method: "GET",
      path: "/x",
    });
    expect(inspect(err)).not.toContain("SECRETTOKEN");
    expect(new TransportError("GET", "/x", "ECONNRESET", "socket hang up").message).toBe(
      "GET /x: socket hang up (ECONNRESET)",
    );
  });
});

test("DELETE counts once per call when nothing fails", async () => {
  const c = client();
  const instance = await create(c, "del-count");
  await emulator.admin.updateInstance(instance.id, { status: "STOPPED" });
  await emulator.admin.resetRequestCounts();
  await c.deleteInstance(instance.id);
  expect(await emulator.admin.requestCount(DELETE)).toBe(1);
});

test("the gateway's echoed canonical request is shown, with the security token masked", async () => {
  const c = client({
    auth: createAkSkAuthenticator({
      accessKey: DEFAULT_ACCESS_KEY,
      secretKey: "wrong-secret-key-0000000000000000000000",
      securityToken: "STS-TOKEN-VALUE-123",
    }),
  });
  const err = (await c.listInstances().catch((e: unknown) => e)) as ApiError;
  expect(err.status).toBe(401);
  expect(err.message).toContain("canonicalRequest");
  expect(err.message).toContain("x-security-token:<redacted>");
  expect(inspect(err)).not.toContain("STS-TOKEN-VALUE-123");
});
