/**
 * NotebookStorageMount through the real Pulumi provider host: the `__provider` a real NotebookStorageMount
 * serializes to (its size, and that it loads `NotebookStorageMount` from `pulumi-modelarts/host`), driven over gRPC
 * like the engine drives it. The notebook comes from the Notebook provider in-process. Needs `npm run build`.
 */
import { notebookProvider } from "../../provider/notebook/notebookProvider.js";
import { useHostOnEmulator } from "../support/hostOnEmulator.js";
import type { LooseProvider } from "../support/looseProvider.js";
import { pointProviderAt } from "../support/providerOnEmulator.js";
import { DIFF_NONE } from "../support/providerHost.js";

const notebooks: LooseProvider = notebookProvider;

const { emulator, host, serialized } = useHostOnEmulator("NotebookStorageMount");
// The notebook comes from the Notebook provider in-process, pointed at the host's emulator.
beforeAll(() => pointProviderAt(emulator));

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
