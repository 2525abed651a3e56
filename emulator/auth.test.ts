import { signRequest } from "../protocol/signing/signRequest.js";
import { callApi } from "./callApi.js";
import { instancesPath } from "./demanager/testkit.js";
import { sendRaw } from "./httpJson.js";
import { DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_USER, startEmulator, type Emulator } from "./index.js";

const TEMP_KEY = {
  accessKey: "EMULATORTEMPKEY00001",
  secretKey: "TempSecret000000000000000000000000000000",
  securityToken: "sts-token-value",
};
const STATIC_TOKEN = "MIIstatic-configured-token";

let emulator: Emulator;
const logLines: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    timeScale: 0.001,
    credentials: {
      accessKeys: [{ accessKey: DEFAULT_ACCESS_KEY, secretKey: DEFAULT_SECRET_KEY }, TEMP_KEY],
      tokens: [STATIC_TOKEN],
    },
    log: (line) => logLines.push(line),
  });
});
afterAll(() => emulator.close());

const listQuery = { de_type: "Notebook" };
const list = (auth: Parameters<typeof callApi>[1]["auth"], headers?: Record<string, string>) =>
  callApi(emulator, { method: "GET", path: instancesPath(emulator), query: listQuery, auth, headers });

function passwordBody(
  password: string,
  scope: Record<string, unknown> | null = { project: { name: emulator.region } },
) {
  return {
    auth: {
      identity: {
        methods: ["password"],
        password: { user: { name: DEFAULT_USER.name, password, domain: { name: DEFAULT_USER.domainName } } },
      },
      ...(scope === null ? {} : { scope }),
    },
  };
}

const issue = (body: unknown) =>
  sendRaw(`${emulator.url}/v3/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json;charset=utf8" },
    body: JSON.stringify(body),
  });

describe("AK/SK", () => {
  it("accepts a correctly signed request and answers with X-Request-Id", async () => {
    const response = await list("aksk");
    expect(response.status).toBe(200);
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("rejects a wrong secret with APIGW.0301 and echoes the canonical request with | for newlines", async () => {
    const url = `${emulator.url}${instancesPath(emulator)}?de_type=Notebook`;
    const signed = signRequest({ method: "GET", url, accessKey: DEFAULT_ACCESS_KEY, secretKey: "x".repeat(40) });
    const response = await sendRaw(url, { method: "GET", headers: signed.headers });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({
      error_code: "APIGW.0301",
      error_msg: `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest: ${signed.canonicalRequest.replace(/\n/g, "|")}`,
      request_id: response.headers["x-request-id"],
    });
  });

  it("rejects a body changed after signing", async () => {
    const url = `${emulator.url}${instancesPath(emulator)}`;
    const headers = { "Content-Type": "application/json" };
    const signed = signRequest({
      method: "POST",
      url,
      headers,
      body: "{}",
      accessKey: DEFAULT_ACCESS_KEY,
      secretKey: DEFAULT_SECRET_KEY,
    });
    const response = await sendRaw(url, {
      method: "POST",
      headers: { ...headers, ...signed.headers },
      body: '{"name":"x"}',
    });
    expect(response.status).toBe(401);
    expect((response.json as { error_msg: string }).error_msg).toContain("verify aksk signature fail");
  });

  it("rejects an unknown access key and a request without credentials", async () => {
    const unknown = await list({ accessKey: "UNKNOWNACCESSKEY0000", secretKey: DEFAULT_SECRET_KEY });
    expect(unknown.status).toBe(401);
    expect(unknown.json).toMatchObject({ error_code: "APIGW.0301" });
    const none = await list("none");
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({
      error_code: "APIGW.0301",
      error_msg: "Incorrect IAM authentication information: x-auth-token not found",
    });
  });

  it("requires the signed security token of a temporary key", async () => {
    expect((await list(TEMP_KEY)).status).toBe(200);
    const withoutToken = await list({ accessKey: TEMP_KEY.accessKey, secretKey: TEMP_KEY.secretKey });
    expect(withoutToken.status).toBe(401);
    const wrongToken = await list({ ...TEMP_KEY, securityToken: "another-token" });
    expect(wrongToken.status).toBe(401);
  });

  it("rejects an X-Project-Id naming another project", async () => {
    const response = await list("aksk", { "X-Project-Id": "ffffffffffffffffffffffffffffffff" });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ error_code: "ModelArts.0210" });
  });
});

describe("IAM", () => {
  it("issues a project-scoped token (201, X-Subject-Token) that ModelArts accepts", async () => {
    const response = await issue(passwordBody(DEFAULT_USER.password));
    expect(response.status).toBe(201);
    const token = response.headers["x-subject-token"]!;
    expect(token.length).toBeGreaterThan(20);
    const body = response.json as { token: { expires_at: string; project: { id: string; name: string } } };
    expect(body.token.project).toMatchObject({ id: emulator.projectId, name: emulator.region });
    expect(Date.parse(body.token.expires_at) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    expect((await list({ token })).status).toBe(200);
  });

  it("scopes by project id too", async () => {
    const response = await issue(passwordBody(DEFAULT_USER.password, { project: { id: emulator.projectId } }));
    expect(response.status).toBe(201);
    expect((response.json as { token: { project: { id: string } } }).token.project.id).toBe(emulator.projectId);
  });

  it("answers 401 for a wrong password and 400 for a body without the password method", async () => {
    const wrong = await issue(passwordBody("wrong"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers["x-subject-token"]).toBeUndefined();
    expect(wrong.json).toMatchObject({ error: { code: 401 } });
    expect((await issue({ auth: { identity: { methods: ["token"] } } })).status).toBe(400);
  });

  it("gives an unscoped token that ModelArts refuses with 0204", async () => {
    const token = (await issue(passwordBody(DEFAULT_USER.password, null))).headers["x-subject-token"]!;
    const response = await list({ token });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error_code: "ModelArts.0204" });
  });

  it("looks the project id up by region name, with AK/SK or a token", async () => {
    const byKey = await callApi(emulator, { method: "GET", path: "/v3/projects", query: { name: emulator.region } });
    expect(byKey.status).toBe(200);
    expect((byKey.json as { projects: { id: string; name: string }[] }).projects).toEqual([
      expect.objectContaining({ id: emulator.projectId, name: emulator.region }),
    ]);
    const token = (await issue(passwordBody(DEFAULT_USER.password))).headers["x-subject-token"]!;
    const byToken = await callApi(emulator, {
      method: "GET",
      path: "/v3/projects",
      query: { name: emulator.region },
      auth: { token },
    });
    expect(byToken.json).toEqual(byKey.json);
    const other = await callApi(emulator, { method: "GET", path: "/v3/projects", query: { name: "eu-west-0" } });
    expect((other.json as { projects: unknown[] }).projects).toEqual([]);
    expect((await callApi(emulator, { method: "GET", path: "/v3/projects", auth: "none" })).status).toBe(401);
  });
});

describe("tokens", () => {
  it("accepts configured tokens and rejects unknown ones with 'decrypt token fail'", async () => {
    expect((await list({ token: STATIC_TOKEN })).status).toBe(200);
    const response = await list({ token: "MIInot-a-token" });
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({
      error_code: "APIGW.0301",
      error_msg: "Incorrect IAM authentication information: decrypt token fail",
    });
  });

  it("issues tokens of the lifetime set through the admin API, until a reset", async () => {
    const lifetime = async () => {
      const body = (await issue(passwordBody(DEFAULT_USER.password))).json as {
        token: { expires_at: string; issued_at: string };
      };
      return (Date.parse(body.token.expires_at) - Date.parse(body.token.issued_at)) / 1000;
    };
    expect(await lifetime()).toBe(24 * 3600);
    await emulator.admin.setTokenTtl(1800);
    expect(await lifetime()).toBe(1800);
    await emulator.admin.reset();
    expect(await lifetime()).toBe(24 * 3600);
    await expect(emulator.admin.setTokenTtl(0)).rejects.toThrow(/tokenTtlSeconds must be a positive number/);
  });

  it("rejects an expired token with 'token expires'", async () => {
    const shortLived = await startEmulator({ tokenTtlSeconds: 0.05 });
    try {
      const response = await sendRaw(`${shortLived.url}/v3/auth/tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(passwordBody(DEFAULT_USER.password)),
      });
      const token = response.headers["x-subject-token"]!;
      await new Promise((r) => setTimeout(r, 80));
      const expired = await callApi(shortLived, {
        method: "GET",
        path: instancesPath(shortLived),
        query: listQuery,
        auth: { token },
      });
      expect(expired.status).toBe(401);
      expect(expired.json).toMatchObject({ error_msg: "Incorrect IAM authentication information: token expires" });
    } finally {
      await shortLived.close();
    }
  });
});

describe("logging", () => {
  it("writes one line per request without credentials", async () => {
    logLines.length = 0;
    const token = (await issue(passwordBody(DEFAULT_USER.password))).headers["x-subject-token"]!;
    await list({ token });
    await list("aksk");
    expect(logLines).toHaveLength(3);
    expect(logLines[1]).toMatch(new RegExp(`^GET /v1/${emulator.projectId}/demanager/instances 200 \\d+ms$`));
    const all = logLines.join("\n");
    for (const secret of [token, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_USER.password, "SDK-HMAC-SHA256"]) {
      expect(all).not.toContain(secret);
    }
  });
});
