/**
 * Answers that do not have the documented shape, and echoes of secrets: the client must never read them as
 * "gone", never act on another instance's body, never put an implausible id in a URL, and never let a secret
 * through. A scripted transport stands between the client and the emulator and rewrites chosen answers (a
 * proxy's HTML page, `null`, another instance's body, the gateway's 404); everything else reaches the emulator.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import {
  DEFAULT_ACCESS_KEY,
  DEFAULT_SECRET_KEY,
  FAKE_OBS_CREDENTIAL,
  startEmulator,
  type Emulator,
} from "../../emulator/index.js";
import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { markedCreateRequest, TEST_OWNER } from "../../test/support/demanagerRequests.js";
import { createAkSkAuthenticator } from "./authenticator.js";
import { DemanagerClient } from "./DemanagerClient.js";
import { ApiError, ConfigurationError, InvalidResponseError } from "../base/errors.js";
import { sendWithGot, type HttpRequest, type HttpResponse, type HttpSend } from "./httpTransport.js";
import { forgetSecretsForTests, registerSecret } from "../base/redact.js";
import { RequestExecutor, type ExecutorOptions } from "./RequestExecutor.js";

interface Rewrite {
  method: string;
  path: RegExp;
  /** How many matching requests are rewritten (default: all). */
  times?: number;
  /** `pass`: send it on and then rewrite the answer (the request is applied); default: never sent. */
  pass?: boolean;
  answer: (request: HttpRequest, real?: HttpResponse) => HttpResponse;
}

let emulator: Emulator;
let rewrites: Rewrite[];
let sent: HttpRequest[];

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.001 });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await emulator.admin.reset();
  rewrites = [];
  sent = [];
  forgetSecretsForTests();
});

const scripted: HttpSend = async (request, timeoutMs) => {
  sent.push(request);
  const path = new URL(request.url).pathname;
  const rule = rewrites.find((r) => r.method === request.method && r.path.test(path) && (r.times ?? 1) > 0);
  if (rule === undefined) return sendWithGot(request, timeoutMs);
  if (rule.times !== undefined) rule.times--;
  return rule.answer(request, rule.pass ? await sendWithGot(request, timeoutMs) : undefined);
};

function client(overrides: Partial<ExecutorOptions> = {}): DemanagerClient {
  const executor = new RequestExecutor({
    baseUrl: emulator.url,
    auth: createAkSkAuthenticator({ accessKey: DEFAULT_ACCESS_KEY, secretKey: DEFAULT_SECRET_KEY }),
    send: scripted,
    sleep: async () => {},
    random: () => 0.5,
    retry: { maxAttempts: 3 },
    ...overrides,
  });
  return new DemanagerClient({ executor, projectId: emulator.projectId });
}

async function created(c: DemanagerClient, name: string): Promise<Instance> {
  return c.createInstance(markedCreateRequest(name), async () => ({ kind: "resend" }));
}

const body = (status: number, text: string, contentType = "application/json"): HttpResponse => ({
  status,
  headers: { "content-type": contentType },
  body: text,
});
const INSTANCE_PATH = /\/demanager\/instances\/[^/]+$/;

describe("a 2xx answer that is not the documented one is an error, never 'gone'", () => {
  test.each([
    ["an HTML page from a proxy", "<html><body>Gateway maintenance</body></html>", /the body is not JSON/],
    ["null", "null", /does not match Instance/],
    ["{}", "{}", /does not match Instance/],
    ["no body at all", "", /the body is empty/],
    ['an instance without an id: {"name":"x","status":"RUNNING"}', '{"name":"x","status":"RUNNING"}', /does not match/],
  ])("GET answered 200 with %s", async (_label, text, problem) => {
    const c = client();
    const instance = await created(c, "hostile-get");
    rewrites.push({ method: "GET", path: INSTANCE_PATH, answer: () => body(200, text, "text/html") });
    const err = await c.findInstance(instance.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as Error).message).toMatch(new RegExp(`^GET /v1/[^ ]+/demanager/instances/${instance.id}: HTTP 200`));
    expect((err as Error).message).toMatch(problem);
  });

  test("a proxy's glitch is retried: the next good answer is used", async () => {
    const c = client();
    const instance = await created(c, "hostile-retry");
    rewrites.push({ method: "GET", path: INSTANCE_PATH, times: 2, answer: () => body(200, "<html>busy</html>") });
    expect((await c.findInstance(instance.id))?.id).toBe(instance.id);
    expect(sent.filter((r) => r.method === "GET")).toHaveLength(3);
  });

  test("a GET for instance A answered with instance B's body is an error", async () => {
    const c = client();
    const a = await created(c, "hostile-a");
    const b = await created(c, "hostile-b");
    rewrites.push({
      method: "GET",
      path: new RegExp(`${a.id}$`),
      answer: () => body(200, JSON.stringify({ ...b, status: "DELETED" })),
    });
    const err = await c.findInstance(a.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as Error).message).toContain(`it describes instance "${b.id}", not "${a.id}"`);
  });

  test("a DELETE answered 200 with garbage is an error: the caller never counts it as done", async () => {
    const c = client();
    const instance = await created(c, "hostile-delete");
    await emulator.admin.updateInstance(instance.id, { status: "STOPPED" });
    rewrites.push({ method: "DELETE", path: INSTANCE_PATH, answer: () => body(200, "{}") });
    await expect(c.deleteInstance(instance.id)).rejects.toBeInstanceOf(InvalidResponseError);
    expect((await emulator.admin.listInstances()).map((i) => i.id)).toEqual([instance.id]);
  });

  test("a create whose answer cannot be read is ambiguous: recovered by look-up, not POSTed twice", async () => {
    const c = client();
    rewrites.push({ method: "POST", path: /\/instances$/, pass: true, answer: () => body(200, "<html>oops</html>") });
    let recovered = 0;
    const instance = await c.createInstance(markedCreateRequest("hostile-create"), async () => {
      recovered++;
      const [ours] = (await c.listInstances()).filter(
        (i) => i.spec?.annotations?.[TEST_OWNER] === "test/hostile-create",
      );
      return ours ? { kind: "done", value: ours } : { kind: "resend" };
    });
    expect(recovered).toBe(1);
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(1);
    expect((await emulator.admin.listInstances()).map((i) => i.id)).toEqual([instance.id]);
  });
});

describe("only the API's own not-found answer means gone", () => {
  const gateway404 = () =>
    body(
      404,
      JSON.stringify({
        error_code: "APIG.0101",
        error_msg: "The API does not exist or has not been published in the environment",
        request_id: "r-1",
      }),
    );

  test("a gateway 404 (a wrong endpoint path or region) is an error that says the endpoint may be wrong", async () => {
    const c = client();
    const instance = await created(c, "hostile-404");
    rewrites.push({ method: "GET", path: INSTANCE_PATH, answer: gateway404 });
    const err = await c.findInstance(instance.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as Error).message).toContain("HTTP 404 APIG.0101");
    expect((err as Error).message).toContain("The endpoint may be wrong");
  });

  test("a bare 404 on DELETE is not 'already gone'", async () => {
    const c = client();
    const instance = await created(c, "hostile-404-delete");
    rewrites.push({ method: "DELETE", path: INSTANCE_PATH, answer: () => body(404, "Not Found", "text/plain") });
    await expect(c.deleteInstance(instance.id)).rejects.toBeInstanceOf(ApiError);
  });
});

describe("ids that are not instance ids never reach a URL", () => {
  test.each(["", ".", "..", "DE-1/../x", "../../demanager", "DE-a970f5d4-7b26-11eb-91ca-0255ac10003b/action"])(
    "%j is refused before any request",
    async (id) => {
      const c = client();
      for (const call of [() => c.findInstance(id), () => c.deleteInstance(id), () => c.stopInstance(id)]) {
        const err = await call().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConfigurationError);
        expect((err as Error).message).toMatch(
          /is not a notebook instance id \(DE-<uuid> or a UUID\); no request was sent$/,
        );
      }
      expect(sent).toHaveLength(0);
    },
  );
});

describe("secrets are masked by value, whatever the echo looks like", () => {
  const TOKEN = "STS-TOKEN-0123456789abcdef";
  const SK = "SecretKeyValue0000000000000000000000000";

  test.each([
    [
      "as JSON",
      (t: string) =>
        JSON.stringify({ error_code: "APIG.0301", error_msg: `bad token ${JSON.stringify({ token: t })}` }),
    ],
    ["quoted", (t: string) => JSON.stringify({ error_code: "APIG.0301", error_msg: `token '${t}' expired` })],
    ["in free text", (t: string) => JSON.stringify({ error_code: "APIG.0301", error_msg: `the value ${t} is wrong` })],
    ["as a raw body", (t: string) => `upstream said: ${t}`],
  ])("an error body echoing the security token %s", async (_label, echo) => {
    registerSecret(TOKEN);
    registerSecret(SK);
    const c = client();
    rewrites.push({ method: "GET", path: /\/instances$/, answer: () => body(401, echo(TOKEN)) });
    const err = await c.listInstances().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    for (const text of [(err as Error).message, inspect(err), JSON.stringify(err)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).toContain("<redacted>");
    }
  });

  test("OBS keys an answer carried are masked when a later error echoes them", async () => {
    const c = client();
    const instance = await created(c, "hostile-obs");
    // The emulator returns spec.credential with the fake OBS key pair: reading it registers both values.
    await c.getInstance(instance.id);
    const keys = [FAKE_OBS_CREDENTIAL.access_key, FAKE_OBS_CREDENTIAL.secret_key];
    rewrites.push({
      method: "GET",
      path: INSTANCE_PATH,
      answer: () =>
        body(400, JSON.stringify({ error_code: "ModelArts.6336", error_msg: `bad OBS keys ${keys.join(" / ")}` })),
    });
    const err = await c.getInstance(instance.id).catch((e: unknown) => e);
    expect((err as Error).message).toContain("bad OBS keys <redacted> / <redacted>");
  });
});

describe("oversized answers", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // A server that answers every request with a 5 MB body: the client stops reading at its cap.
    server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sentBytes = 0;
      const write = () => {
        while (sentBytes < 5 * 1024 * 1024) {
          sentBytes += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", write);
        }
        res.end();
      };
      write();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("a body over 1 MB is an error, read no further", async () => {
    const executor = new RequestExecutor({ baseUrl: url, sleep: async () => {}, retry: { maxAttempts: 3 } });
    const c = new DemanagerClient({ executor, projectId: "p" });
    const err = await c.listInstances().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as Error).message).toContain("the answer is larger than 1048576 bytes");
  });
});

describe("an endpoint that cannot be reached fails fast and says which", () => {
  test("connection refused: a few quick attempts, then an error naming the endpoint and its setting", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sleeps: number[] = [];
    const executor = new RequestExecutor({
      baseUrl: `http://127.0.0.1:${port}`,
      baseUrlSource: "stack config modelarts:endpoint",
      sleep: async (ms) => void sleeps.push(ms),
    });
    const c = new DemanagerClient({ executor, projectId: "p" });
    const err = await c.listInstances().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(
      new RegExp(
        `^cannot reach http://127\\.0\\.0\\.1:${port} \\(from stack config modelarts:endpoint\\): .*ECONNREFUSED.*; tried 3 times in [0-9.]+ s\\. Check the endpoint or region setting and the network$`,
      ),
    );
    expect(sleeps).toEqual([1000, 1000]);
  });
});
