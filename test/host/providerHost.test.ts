/**
 * The resource through the real Pulumi provider host: the `__provider` a real NotebookInstance serializes to,
 * loaded by `@pulumi/pulumi/cmd/dynamic-provider` from the repository (the program directory), driven over
 * gRPC like the engine drives it. Needs `npm run build` (scripts/test.sh does it).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import {
  startEmulator,
  type Emulator,
  FAKE_OBS_CREDENTIAL,
  FAKE_REPOSITORY_ACCESS_TOKEN,
} from "../../emulator/index.js";
import { emulatorEnv } from "../support/emulatorEnv.js";
import { DIFF_NONE, DIFF_SOME, HostError, startProviderHost, type ProviderHost } from "../support/providerHost.js";

const ROOT = path.resolve(__dirname, "../..");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

let emulator: Emulator;
let host: ProviderHost;
let serialized: { provider: string; ownerKey: string };

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist/provider/index.js")))
    throw new Error("dist/ is missing: run `npm run build` first");
  serialized = JSON.parse(
    execFileSync(process.execPath, [path.join(ROOT, "test/support/serializeProvider.js")], { cwd: ROOT }).toString(),
  );
  emulator = await startEmulator({ timeScale: 0.001 });
  host = await startProviderHost({ cwd: ROOT, env: emulatorEnv(emulator) });
  await host.configure({});
}, 60_000);

afterAll(async () => {
  await host?.close();
  await emulator?.close();
});

beforeEach(() => emulator.admin.reset());

function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "host-nb",
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/host/" },
    autoStop: { enabled: true, durationSeconds: 3600 },
    __ownerKey: serialized.ownerKey,
    __provider: serialized.provider,
    ...overrides,
  };
}

async function checked(olds: object, news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await host.check(olds, news);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

test("__provider is small and captures no secret", () => {
  const bytes = Buffer.byteLength(serialized.provider);
  console.log(`__provider bytes per resource: ${bytes}`);
  expect(bytes).toBeLessThan(2500);
  expect(serialized.provider).toContain('import("pulumi-modelarts/provider")');
  expect(serialized.provider).not.toMatch(/Ajv|got\b|secretKey|HW_SECRET_KEY/);
});

test("check, diff, create, read, update (PUT, stop, start), replace decision, delete through the host", async () => {
  const news = await checked({}, inputs());
  expect(news).toMatchObject({ description: "", workspaceId: "0", __provider: serialized.provider });

  const created = await host.create(news);
  expect(created.id).toMatch(/^DE-/);
  expect(created.properties).toMatchObject({ status: "RUNNING", name: "host-nb", __provider: serialized.provider });
  const text = JSON.stringify(created.properties);
  for (const secret of [
    FAKE_OBS_CREDENTIAL.secret_key,
    FAKE_REPOSITORY_ACCESS_TOKEN,
    emulator.credentials.accessKeys[0]!.secretKey,
  ]) {
    expect(text).not.toContain(secret);
  }

  const read = await host.read(created.id, created.properties);
  expect(read.id).toBe(created.id);
  expect(read.properties.__provider).toBe(serialized.provider);

  const same = await checked(read.inputs!, inputs());
  expect((await host.diff(created.id, read.properties, same)).changes).toBe(DIFF_NONE);

  const changed = await checked(
    read.inputs!,
    inputs({ description: "via host", autoStop: { enabled: true, durationSeconds: 5400 } }),
  );
  const diff = await host.diff(created.id, read.properties, changed);
  expect(diff).toEqual({ changes: DIFF_SOME, replaces: [], deleteBeforeReplace: false });
  const updated = await host.update(created.id, read.properties, changed);
  expect(updated.properties).toMatchObject({ description: "via host", autoStop: { durationSeconds: 5400 } });

  const stopped = await host.update(
    created.id,
    updated.properties,
    await checked(changed, { ...changed, desiredStatus: "STOPPED" }),
  );
  expect(stopped.properties.status).toBe("STOPPED");
  const started = await host.update(
    created.id,
    stopped.properties,
    await checked(changed, { ...changed, desiredStatus: "RUNNING" }),
  );
  expect(started.properties.status).toBe("RUNNING");

  const flavor = await checked(changed, { ...changed, flavor: "modelarts.vm.cpu.8u" });
  expect(await host.diff(created.id, started.properties, flavor)).toEqual({
    changes: DIFF_SOME,
    replaces: ["flavor"],
    deleteBeforeReplace: true,
  });

  await host.delete(created.id, started.properties);
  expect(await emulator.admin.listInstances()).toEqual([]);
  expect(host.stdout.join("\n")).toMatch(/create notebook instance host-nb \(DE-[^)]+\): (CREATING|RUNNING)/);
});

test("a partial failure reaches the engine as ErrorResourceInitFailed with id, properties and reasons", async () => {
  await emulator.admin.failNextCreates({ code: "ModelArts.6361", message: "Internal service or configuration error." });
  const err = (await host
    .create(await checked({}, inputs({ name: "host-fail" })))
    .catch((e: unknown) => e)) as HostError;
  expect(err).toBeInstanceOf(HostError);
  expect(err.message).toContain("CREATE_FAILED");
  expect(err.initFailure?.id).toMatch(/^DE-/);
  expect(err.initFailure?.reasons.join()).toContain("Internal service or configuration error.");
  expect(err.initFailure?.properties).toMatchObject({ status: "CREATE_FAILED", __provider: serialized.provider });
  // Recorded, so destroy can remove it.
  await host.delete(err.initFailure!.id, err.initFailure!.properties);
  expect(await emulator.admin.listInstances()).toEqual([]);
});

test("the unknown sentinel: check and diff tolerate it during preview", async () => {
  // An unknown __provider makes the host load the provider from the old inputs, as in an update preview.
  const preview = await host.check(inputs(), inputs({ flavor: UNKNOWN, description: UNKNOWN, __provider: UNKNOWN }));
  expect(preview.failures).toEqual([]);
  expect(preview.inputs.flavor).toBe(UNKNOWN);
  const olds = { ...(await checked({}, inputs())), status: "RUNNING" };
  const diff = await host.diff("DE-x", olds, { ...olds, flavor: UNKNOWN, __provider: UNKNOWN });
  expect(diff.replaces).toEqual(["flavor"]);
});

test("invalid inputs fail at check with the field named, without calling the API", async () => {
  const result = await host.check({}, inputs({ storage: { path: "/bucket" }, autoStop: { enabled: true } }));
  expect([...new Set(result.failures.map((f) => f.property))].sort()).toEqual([
    "autoStop.durationSeconds",
    "storage.path",
  ]);
  expect(result.failures.map((f) => f.reason).join("\n")).toMatch(/storage\.path must end with "\/"/);
  expect((await emulator.admin.requestCounts()).total).toBe(0);
});
