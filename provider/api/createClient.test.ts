import { startEmulator, type Emulator } from "../../emulator/index.js";
import { resolveSettings } from "../auth/resolveSettings.js";
import { createDemanagerClient } from "./createClient.js";
import { ConfigurationError } from "./errors.js";

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
