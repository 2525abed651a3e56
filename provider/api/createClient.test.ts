import { emulatorCredentialsEnv } from "../../devkit/emulatorEnv.js";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { resolveSettings } from "../settings/resolveSettings.js";
import { createDemanagerClient } from "./createClient.js";
import { ConfigurationError } from "../base/errors.js";
import { sendWithGot, type HttpSend } from "./httpTransport.js";
import { redact } from "../base/redact.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.001 });
});
afterAll(() => emulator.close());

const base = () => ({ HW_MODELARTS_ENDPOINT: emulator.url, HW_REGION_NAME: emulator.region });

test("AK/SK without a project id: the id is looked up with GET /v3/projects?name={region}", async () => {
  const ak = emulator.credentials.accessKeys[0]!;
  const settings = resolveSettings({ env: { ...base(), HW_ACCESS_KEY: ak.accessKey, HW_SECRET_KEY: ak.secretKey } });
  const client = await createDemanagerClient(settings);
  expect(client.projectId).toBe(emulator.projectId);
  expect(await client.listInstances()).toBeInstanceOf(Array);
  expect(await emulator.admin.requestCount("GET /v3/projects")).toBeGreaterThan(0);
});

test("IAM password: a project-scoped token, whose body names the project", async () => {
  const user = emulator.credentials.users[0]!;
  const settings = resolveSettings({
    env: { ...base(), HW_USER_NAME: user.name, HW_USER_PASSWORD: user.password, HW_DOMAIN_NAME: user.domainName },
  });
  const client = await createDemanagerClient(settings);
  expect(client.projectId).toBe(emulator.projectId);
  expect(await client.listInstances()).toBeInstanceOf(Array);
});

test("a wrong IAM password fails clearly and the password is not in the message", async () => {
  const user = emulator.credentials.users[0]!;
  const settings = resolveSettings({
    env: {
      ...base(),
      HW_USER_NAME: user.name,
      HW_USER_PASSWORD: "WRONG-PASSWORD-123",
      HW_DOMAIN_NAME: user.domainName,
    },
  });
  const err = (await createDemanagerClient(settings).catch((e: unknown) => e)) as Error;
  expect(err.message).toMatch(/POST \/v3\/auth\/tokens: HTTP 401/);
  expect(err.message).not.toContain("WRONG-PASSWORD-123");
});

test("an unknown region has no project", async () => {
  const ak = emulator.credentials.accessKeys[0]!;
  const settings = resolveSettings({
    env: {
      HW_MODELARTS_ENDPOINT: emulator.url,
      HW_REGION_NAME: "xx-nowhere-1",
      HW_ACCESS_KEY: ak.accessKey,
      HW_SECRET_KEY: ak.secretKey,
    },
  });
  await expect(createDemanagerClient(settings)).rejects.toBeInstanceOf(ConfigurationError);
});

const SIGN_IN = "POST /v3/auth/tokens";

function passwordSettings() {
  const user = emulator.credentials.users[0]!;
  return resolveSettings({
    env: { ...base(), HW_USER_NAME: user.name, HW_USER_PASSWORD: user.password, HW_DOMAIN_NAME: user.domainName },
  });
}

test("after an IAM sign-in only the token is masked: project, region, user and account stay readable", async () => {
  const user = emulator.credentials.users[0]!;
  const tokens: string[] = [];
  const send: HttpSend = async (request, timeoutMs) => {
    const response = await sendWithGot(request, timeoutMs);
    const token = response.headers["x-subject-token"];
    if (token) tokens.push(token);
    return response;
  };
  await createDemanagerClient(passwordSettings(), { send });
  expect(tokens).toHaveLength(1);
  const text = `project ${emulator.projectId} (region ${emulator.region}, user ${user.name}, account ${user.domainName})`;
  expect(redact(text)).toBe(text);
  expect(redact(`token ${tokens[0]!} echoed`)).toBe("token <redacted> echoed");
});

test("30-minute IAM tokens: a run of requests signs in once", async () => {
  await emulator.admin.setTokenTtl(30 * 60);
  await emulator.admin.resetRequestCounts();
  try {
    const client = await createDemanagerClient(passwordSettings());
    for (let i = 0; i < 6; i++) await client.listInstances();
    expect(await emulator.admin.requestCount("GET /v1/{project_id}/demanager/instances", 200)).toBe(6);
    expect(await emulator.admin.requestCount(SIGN_IN)).toBe(1);
  } finally {
    await emulator.admin.reset();
  }
});

test("a project id from IAM that is not one is refused before it reaches a URL", async () => {
  const odd = await startEmulator({ projectId: ".." });
  try {
    // No project id: the provider asks IAM for it.
    const { HW_PROJECT_ID: _fromIam, ...env } = emulatorCredentialsEnv(odd);
    const settings = resolveSettings({ env });
    const err = (await createDemanagerClient(settings).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe(
      `the project id IAM gave for region ${odd.region} must be 32 hexadecimal characters in lower case, as IAM ` +
        'gives it (got ".."); set modelarts:projectId',
    );
    expect(await odd.admin.requestCount("GET /v1/{project_id}/demanager/instances")).toBe(0);
  } finally {
    await odd.close();
  }
});
