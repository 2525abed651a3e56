/**
 * NotebookStorageMount through the real Pulumi provider host: the `__provider` a real NotebookStorageMount
 * serializes to (its size, and that it loads `NotebookStorageMount` from `pulumi-modelarts/host`), driven over gRPC
 * like the engine drives it. The notebook comes from the Notebook provider in-process. Needs `npm run build`.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { setProviderOverrides } from "../../provider/core/providerContext.js";
import { notebookProvider } from "../../provider/notebook/notebookProvider.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import type { LooseProvider } from "../support/looseProvider.js";
import { DIFF_NONE, startProviderHost, type ProviderHost } from "../support/providerHost.js";

const ROOT = path.resolve(__dirname, "../..");
const notebooks: LooseProvider = notebookProvider;

let emulator: Emulator;
let host: ProviderHost;
let serialized: { provider: string; urn: string };

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist/provider/index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first");
  }
  serialized = JSON.parse(
    execFileSync(process.execPath, [path.join(ROOT, "test/support/serializeProvider.js"), "NotebookStorageMount"], {
      cwd: ROOT,
    }).toString(),
  );
  emulator = await startEmulator({ timeScale: 0.001 });
  setProviderOverrides({ env: emulatorEnv(emulator) });
  host = await startProviderHost({ cwd: ROOT, env: emulatorEnv(emulator) });
  await host.configure({});
}, 60_000);

afterAll(async () => {
  await host?.close();
  await emulator?.close();
});

test("__provider is small and loads the mount's provider from the installed package", () => {
  const bytes = Buffer.byteLength(serialized.provider);
  console.log(`NotebookStorageMount __provider bytes per resource: ${bytes}`);
  expect(bytes).toBeLessThan(2048);
  expect(serialized.provider).toContain('import("pulumi-modelarts/host").then((p) => p.NotebookStorageMount[m](...a))');
  expect(serialized.urn).toBe(
    "urn:pulumi:dev::modelarts-test::pulumi-nodejs:dynamic/modelarts:NotebookStorageMount::datasets",
  );
});

test("check, create, read, diff, delete through the host", async () => {
  const { inputs } = await notebooks.check(
    {},
    {
      namePrefix: "host",
      flavor: "modelarts.vm.cpu.2u",
      imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
      volume: { category: "EVS" },
    },
  );
  const notebookId = (await notebooks.create(inputs)).id;
  const declared = {
    notebookId,
    uri: "obs://my-bucket/datasets/",
    mountPath: "/data/datasets/",
    __provider: serialized.provider,
  };
  const checked = await host.check({}, declared);
  expect(checked.failures).toEqual([]);
  expect(checked.inputs).toMatchObject({ category: "OBS" });

  const created = await host.create(checked.inputs);
  expect(created.properties).toMatchObject({
    status: "MOUNTED",
    storageId: created.id,
    __provider: serialized.provider,
  });

  const read = await host.read(created.id, created.properties);
  expect(read.id).toBe(created.id);
  expect((await host.diff(created.id, read.properties, checked.inputs)).changes).toBe(DIFF_NONE);

  await host.delete(created.id, read.properties);
  expect((await host.read(created.id, read.properties)).id).toBe("");
});
