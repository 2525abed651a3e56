/**
 * Notebook through the real Pulumi provider host: the `__provider` a real Notebook serializes to (its size, and that
 * it loads `Notebook` from `pulumi-modelarts/host`), driven over gRPC like the engine drives it: check, create, read,
 * diff, an in-place update and a stop-and-start one, a create that fails recorded as a partial failure, delete.
 * Needs `npm run build`.
 */
import { FAKE_NOTEBOOK_TOKEN } from "../../emulator/index.js";
import { useHostOnEmulator } from "../support/hostOnEmulator.js";
import { DIFF_NONE, DIFF_SOME } from "../support/providerHost.js";

const { emulator, host, serialized } = useHostOnEmulator("Notebook");

function declared(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    namePrefix: "host",
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    volume: { category: "EVS" },
    __ownerKey: serialized.ownerKey,
    __provider: serialized.provider,
    ...extra,
  };
}

test("__provider is small and loads the Notebook provider from the installed package", () => {
  const bytes = Buffer.byteLength(serialized.provider);
  console.log(`Notebook __provider bytes per resource: ${bytes}`);
  expect(bytes).toBeLessThan(2048);
  expect(serialized.provider).toContain('import("pulumi-modelarts/host").then((p) => p.Notebook[m](...a))');
  expect(serialized.ownerKey).toBe("modelarts-test/dev/dev");
});

test("check, create, read, diff, update in place and with a restart, delete through the host", async () => {
  const checked = await host.check({}, declared({ description: "v1" }));
  expect(checked.failures).toEqual([]);
  const created = await host.create(checked.inputs);
  expect(created.properties).toMatchObject({
    status: "RUNNING",
    notebookId: created.id,
    __provider: serialized.provider,
  });
  expect(JSON.stringify(created.properties)).not.toContain(FAKE_NOTEBOOK_TOKEN);

  const read = await host.read(created.id, created.properties);
  expect(read.id).toBe(created.id);
  expect((await host.diff(created.id, read.properties, checked.inputs)).changes).toBe(DIFF_NONE);

  const described = await host.check(checked.inputs, declared({ description: "v2" }));
  expect((await host.diff(created.id, read.properties, described.inputs)).changes).toBe(DIFF_SOME);
  const updated = await host.update(created.id, read.properties, described.inputs);
  expect(updated.properties).toMatchObject({ description: "v2", status: "RUNNING" });

  const bigger = await host.check(described.inputs, declared({ description: "v2", flavor: "modelarts.vm.cpu.8u" }));
  const restarted = await host.update(created.id, updated.properties, bigger.inputs);
  expect(restarted.properties).toMatchObject({ flavor: "modelarts.vm.cpu.8u", status: "RUNNING" });

  await host.delete(created.id, restarted.properties);
  expect((await host.read(created.id, restarted.properties)).id).toBe("");
});

test("a create that fails after the POST is recorded with its reason, not orphaned", async () => {
  await emulator.admin.failNextNotebookCreates({ count: 1, reason: "no resources in the pool" });
  const checked = await host.check({}, declared());
  const err = await host.create(checked.inputs).catch((e: unknown) => e);
  expect(err).toMatchObject({
    initFailure: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), properties: { status: "CREATE_FAILED" } },
  });
  expect((err as Error).message).toContain("the notebook is CREATE_FAILED; no resources in the pool");
});
