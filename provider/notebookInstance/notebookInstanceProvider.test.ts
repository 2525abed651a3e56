import fc from "fast-check";
import { startEmulator, FAKE_OBS_CREDENTIAL, FAKE_REPOSITORY_ACCESS_TOKEN } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { PartialFailureError } from "../base/errors.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";
import { setProviderOverrides } from "../frame/providerContext.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { pointProviderAt, useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";

const provider: LooseProvider = notebookInstanceProvider;

type Props = Record<string, unknown>;
const asProps = (value: unknown): Props => value as Props;

const CREATE = "POST /v1/{project_id}/demanager/instances";
const PROVIDER_TEXT = "exports.handler = function () { /* serialized shim */ };";

const { emulator, progress } = useProviderOnEmulator();
/** check, as the engine runs it before create or update. */
const checked = checkedBy(provider);

function declared(overrides: Props = {}): Props {
  return {
    name: "nb-dev",
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/dev/" },
    autoStop: { enabled: true, durationSeconds: 3600 },
    __provider: PROVIDER_TEXT,
    ...overrides,
  };
}

async function instanceCount(name?: string): Promise<number> {
  const all = await emulator.admin.listInstances();
  return all.filter((i) => name === undefined || i.name === name).length;
}

function expectNoCredentials(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of [
    FAKE_OBS_CREDENTIAL.access_key,
    FAKE_OBS_CREDENTIAL.secret_key,
    FAKE_REPOSITORY_ACCESS_TOKEN,
    emulator.credentials.accessKeys[0]!.secretKey,
  ]) {
    if (secret) expect(text).not.toContain(secret);
  }
}

test("create → read → same inputs → update description and autoStop → stop/start → replace on flavor → delete", async () => {
  const inputs = await checked(undefined, declared());
  expect(inputs).toMatchObject({
    description: "",
    workspaceId: "0",
    storage: { type: "obs", path: "/bucket/dev/" },
    autoStop: { prompt: true },
  });

  const created = await provider.create(inputs);
  expect(created.id).toMatch(/^DE-/);
  expect(created.outs).toMatchObject({ status: "RUNNING", instanceId: created.id, name: "nb-dev", description: "" });
  expect(created.outs.url).toMatch(/^https:\/\//);
  expect(created.outs.profile?.id).not.toBe(inputs.profileId);
  expectNoCredentials(created.outs);
  expect(progress).toContainEqual(
    expect.stringMatching(
      /^create notebook instance "nb-dev" \(DE-.+\): (CREATING|STARTING|RUNNING) \(\d+s elapsed\)$/,
    ),
  );

  const read = await provider.read(created.id, { ...created.outs, __provider: PROVIDER_TEXT });
  expect(read.id).toBe(created.id);
  expectNoCredentials(read);
  const again = await checked(read.inputs, declared());
  expect(await provider.diff(created.id, asProps(read.props), again)).toEqual({
    changes: false,
    replaces: [],
    deleteBeforeReplace: true,
  });

  const changed = await checked(
    read.inputs,
    declared({ description: "tuned", autoStop: { enabled: true, durationSeconds: 7200 } }),
  );
  expect(await provider.diff(created.id, asProps(read.props), changed)).toMatchObject({ changes: true, replaces: [] });
  const updated = await provider.update(created.id, asProps(read.props), changed);
  expect(updated.outs).toMatchObject({ description: "tuned", autoStop: { enabled: true, durationSeconds: 7200 } });
  expect((await emulator.admin.getInstance(created.id)).description).toBe("tuned");

  const stopped = await provider.update(
    created.id,
    asProps(updated.outs),
    await checked(changed, { ...changed, desiredStatus: "STOPPED" }),
  );
  expect(stopped.outs.status).toBe("STOPPED");
  const started = await provider.update(
    created.id,
    asProps(stopped.outs),
    await checked(changed, { ...changed, desiredStatus: "RUNNING" }),
  );
  expect(started.outs.status).toBe("RUNNING");

  const newFlavor = await checked(changed, { ...changed, flavor: "modelarts.vm.cpu.8u" });
  expect(await provider.diff(created.id, asProps(started.outs), newFlavor)).toEqual({
    changes: true,
    replaces: ["flavor"],
    deleteBeforeReplace: true,
  });

  await provider.delete(created.id, asProps(started.outs));
  expect(await instanceCount()).toBe(0);
  // Already gone is success.
  await provider.delete(created.id, asProps(started.outs));
});

test("a create that ends in CREATE_FAILED fails with the API's reason and is recorded, not orphaned", async () => {
  await emulator.admin.failNextCreates({ code: "ModelArts.6200", message: "No resources available." });
  const inputs = await checked(undefined, declared({ name: "nb-fail" }));
  const err = (await provider.create(inputs).catch((e: unknown) => e)) as PartialFailureError;
  expect(err).toBeInstanceOf(PartialFailureError);
  expect(err.message).toMatch(
    /^create notebook instance "nb-fail" \(DE-.+\): the instance is CREATE_FAILED; ModelArts\.6200: No resources available\./,
  );
  expect(err.id).toMatch(/^DE-/);
  expect(err.reasons.join()).toContain("No resources available.");
  expect(err.properties).toMatchObject({ name: "nb-fail", status: "CREATE_FAILED", __provider: PROVIDER_TEXT });
  expect(JSON.parse(JSON.stringify(err.properties))).toEqual(err.properties);
  expect(await instanceCount("nb-fail")).toBe(1);

  // The next `pulumi up` updates a resource with init errors: a failed instance says how to get out.
  const update = (await provider.update(err.id, err.properties, inputs).catch((e: unknown) => e)) as Error;
  expect(update.message).toContain("CREATE_FAILED");
  expect(update.message).toContain("--replace");

  await provider.delete(err.id, err.properties);
  expect(await instanceCount()).toBe(0);
});

test("a create that times out is recorded, and the next up resumes the wait instead of creating again", async () => {
  const slow = await startEmulator({ timeScale: 0.05 });
  setProviderOverrides({ env: emulatorEnv(slow, 20) });
  try {
    const inputs = await checked(undefined, declared({ name: "nb-slow", timeouts: { create: "1s" } }));
    const err = (await provider.create(inputs).catch((e: unknown) => e)) as PartialFailureError;
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.message).toContain(
      "timed out after 1s (timeouts.create, the limit for the whole create) waiting for READY; last status CREATING",
    );
    expect(err.properties.status).toBe("CREATING");

    // The engine records err.properties and calls update on the next `pulumi up` (the resource has init errors).
    const resumed = await provider.update(err.id, err.properties, await checked(inputs, declared({ name: "nb-slow" })));
    expect(resumed.outs.status).toBe("RUNNING");
    expect(await slow.admin.requestCount(CREATE)).toBe(1);
    expect((await slow.admin.listInstances()).length).toBe(1);
  } finally {
    pointProviderAt(emulator);
    await slow.close();
  }
});

test("a create never recorded by the engine (interrupted run) is resumed by the next create, through its owner key", async () => {
  const inputs = await checked(undefined, declared({ name: "nb-owned", __ownerKey: "proj/dev/nb" }));
  const first = await provider.create(inputs);
  const second = await provider.create(inputs);
  expect(second.id).toBe(first.id);
  expect(await instanceCount("nb-owned")).toBe(1);
  expect(progress.some((line) => line.includes("resuming notebook instance"))).toBe(true);

  // Someone else's instance with the same name is not taken over.
  const other = await checked(undefined, declared({ name: "nb-owned", __ownerKey: "proj/other/nb" }));
  const err = (await provider.create(other).catch((e: unknown) => e)) as Error;
  expect(err.message).toMatch(
    /^create notebook instance "nb-owned": an instance named "nb-owned" already exists \(DE-[^)]+\) and is not managed by this resource; it was left untouched\./,
  );
  expect(await instanceCount("nb-owned")).toBe(1);
});

test("a connection dropped after the POST was applied creates exactly one instance", async () => {
  await emulator.admin.injectFault({ route: CREATE, kind: "drop-after" });
  const created = await provider.create(await checked(undefined, declared({ name: "nb-drop" })));
  expect(created.outs.status).toBe("RUNNING");
  expect(await instanceCount("nb-drop")).toBe(1);
});

test("a DELETE whose answer was lost (connection dropped after it was applied) still ends in success", async () => {
  // DELETING must outlast the retry's delay: an emulator of its own, ten times slower than the shared one.
  const slow = await startEmulator({ timeScale: 0.01 });
  const retry = { baseDelayMs: 5, maxDelayMs: 20 };
  setProviderOverrides({ env: emulatorEnv(slow), clientOptions: { retry } });
  try {
    const created = await provider.create(await checked(undefined, declared({ name: "nb-drop-delete" })));
    const DELETE = "DELETE /v1/{project_id}/demanager/instances/{instance_id}";
    await slow.admin.injectFault({ route: DELETE, kind: "drop-after" });
    // The retried DELETE finds the instance DELETING (ModelArts.6357): it was applied, only the wait is left.
    await provider.delete(created.id, asProps(created.outs));
    expect(await slow.admin.requestCount(DELETE, 400)).toBe(1);
    expect(await slow.admin.listInstances()).toEqual([]);
  } finally {
    setProviderOverrides({ env: emulatorEnv(emulator), clientOptions: { retry } });
    await slow.close();
  }
});

test("adoptId takes over an existing instance and applies description and autoStop", async () => {
  // Made by an in-process create without the SDK: its mark names it so.
  const OWNER = "in-process/nb-adopt";
  const existing = await provider.create(await checked(undefined, declared({ name: "nb-adopt", description: "old" })));
  await emulator.admin.resetRequestCounts();
  const adopted = await provider.create(
    await checked(
      undefined,
      declared({
        name: "nb-adopt",
        adoptId: existing.id,
        adoptOwnedBy: OWNER,
        description: "adopted",
        desiredStatus: "STOPPED",
      }),
    ),
  );
  expect(adopted.id).toBe(existing.id);
  expect(adopted.outs).toMatchObject({ description: "adopted", status: "STOPPED" });
  expect(await emulator.admin.requestCount(CREATE)).toBe(0);

  const conflict = (await provider
    .create(
      await checked(
        undefined,
        declared({ name: "nb-adopt", adoptId: existing.id, adoptOwnedBy: OWNER, flavor: "modelarts.vm.cpu.8u" }),
      ),
    )
    .catch((e: unknown) => e)) as Error;
  expect(conflict.message).toContain('flavor (declared "modelarts.vm.cpu.8u", the instance has "modelarts.vm.cpu.2u")');

  // A missing one is refused at check already (pulumi preview).
  const missing = await provider.check({}, declared({ adoptId: "DE-00000000-0000-0000-0000-000000000001" }));
  expect(missing.failures).toEqual([
    {
      property: "adoptId",
      reason:
        "adopt notebook instance DE-00000000-0000-0000-0000-000000000001: " +
        "no instance with this id exists in this project (adoptId)",
    },
  ]);
});

test("refresh shows out-of-band drift as a change back to the declared values", async () => {
  const inputs = await checked(undefined, declared({ name: "nb-drift" }));
  const created = await provider.create(inputs);
  await emulator.admin.updateInstance(created.id, {
    description: "edited in the console",
    auto_stop: { enable: false },
  });
  const read = await provider.read(created.id, asProps(created.outs));
  expect(read.inputs).toMatchObject({ description: "edited in the console", autoStop: { enabled: false } });
  const diff = await provider.diff(
    created.id,
    asProps(read.props),
    await checked(read.inputs, declared({ name: "nb-drift" })),
  );
  expect(diff).toMatchObject({ changes: true, replaces: [] });
});

test("an auto-stop is not drift without desiredStatus; with desiredStatus RUNNING it is corrected", async () => {
  const inputs = await checked(undefined, declared({ name: "nb-autostop" }));
  const created = await provider.create(inputs);
  await emulator.admin.updateInstance(created.id, { status: "STOPPED" });
  const read = await provider.read(created.id, asProps(created.outs));
  expect(asProps(read.props).status).toBe("STOPPED");
  expect(
    (
      await provider.diff(
        created.id,
        asProps(read.props),
        await checked(read.inputs, declared({ name: "nb-autostop" })),
      )
    ).changes,
  ).toBe(false);

  const managed = await checked(inputs, declared({ name: "nb-autostop", desiredStatus: "RUNNING" }));
  const running = await provider.update(created.id, asProps(created.outs), managed);
  expect(running.outs.status).toBe("RUNNING");
  await emulator.admin.updateInstance(created.id, { status: "STOPPED" });
  const read2 = await provider.read(created.id, asProps(running.outs));
  expect(read2.inputs).toMatchObject({ desiredStatus: "STOPPED" });
  const diff = await provider.diff(created.id, asProps(read2.props), await checked(read2.inputs, managed));
  expect(diff.changes).toBe(true);
  const corrected = await provider.update(created.id, asProps(read2.props), managed);
  expect(corrected.outs.status).toBe("RUNNING");
});

test("read of a deleted instance gives an empty id", async () => {
  const created = await provider.create(await checked(undefined, declared({ name: "nb-gone" })));
  await emulator.admin.deleteInstance(created.id);
  expect(await provider.read(created.id, asProps(created.outs))).toEqual({ id: "" });
});

test("an auto-generated name is kept across checks and regenerated for a replacement", async () => {
  const first = await checked(undefined, { ...declared(), name: undefined, namePrefix: "my notebook!" });
  expect(first.name).toMatch(/^my-notebook--[a-z0-9]{7}$/);
  const kept = await checked(first, { ...declared(), name: undefined, namePrefix: "my notebook!" });
  expect(kept.name).toBe(first.name);
  // A replacement is checked again without old inputs: the same inputs give the same name (preview and up
  // agree), new inputs a new one.
  const sameAgain = await checked(undefined, { ...declared(), name: undefined, namePrefix: "my notebook!" });
  expect(sameAgain.name).toBe(first.name);
  const replacement = await checked(undefined, {
    ...declared(),
    name: undefined,
    namePrefix: "my notebook!",
    flavor: "modelarts.vm.cpu.8u",
  });
  expect(replacement.name).toMatch(/^my-notebook--[a-z0-9]{7}$/);
  expect(replacement.name).not.toBe(first.name);
  const long = await checked(undefined, { ...declared(), name: undefined, namePrefix: "x".repeat(64) });
  expect((long.name as string).length).toBeLessThanOrEqual(64);
});

test("check tolerates the unknown sentinel during preview", async () => {
  const result = await provider.check(
    {},
    declared({
      name: UNKNOWN,
      flavor: UNKNOWN,
      storage: UNKNOWN,
      autoStop: { enabled: UNKNOWN, durationSeconds: 3600 },
    }),
  );
  expect(result.failures).toEqual([]);
  expect(result.inputs.flavor).toBe(UNKNOWN);
});

test("property: check never throws and never calls the API, whatever it is given", async () => {
  await emulator.admin.resetRequestCounts();
  const field = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(UNKNOWN),
    fc.object(),
    fc.array(fc.string()),
  );
  const inputs = fc.record(
    {
      name: field,
      profileId: field,
      flavor: field,
      description: field,
      storage: fc.oneof(
        field,
        fc.record({ type: field, path: fc.oneof(field, fc.constantFrom("/b/d/", "/b/", "b/d")) }),
      ),
      autoStop: fc.oneof(
        field,
        fc.record({ enabled: field, durationSeconds: fc.oneof(field, fc.integer({ min: 0, max: 100000 })) }),
      ),
      desiredStatus: field,
      timeouts: fc.oneof(field, fc.record({ create: field })),
      extra: field,
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(fc.option(inputs, { nil: undefined }), inputs, async (olds, news) => {
      const result = await provider.check((olds ?? {}) as Props, news as Props);
      expect(Array.isArray(result.failures)).toBe(true);
      for (const failure of result.failures ?? []) expect(typeof failure.property).toBe("string");
    }),
    { numRuns: 300 },
  );
  const counts = await emulator.admin.requestCounts();
  expect(counts.total).toBe(0);
});

test("a declared name drops namePrefix, so a replacement deletes first (names are unique)", async () => {
  const inputs = await checked(undefined, declared({ name: "nb-explicit", namePrefix: "ignored" }));
  expect(inputs.namePrefix).toBeUndefined();
  const diff = await provider.diff(
    "DE-x",
    { ...inputs, status: "RUNNING" },
    { ...inputs, flavor: "modelarts.vm.cpu.8u" },
  );
  expect(diff).toEqual({ changes: true, replaces: ["flavor"], deleteBeforeReplace: true });
});

test("read without declared inputs (NotebookInstance.get) builds them from the instance", async () => {
  const created = await provider.create(await checked(undefined, declared({ name: "nb-get" })));
  const read = await provider.read(created.id, { __provider: PROVIDER_TEXT });
  expect(read.id).toBe(created.id);
  expect(read.props).toMatchObject({
    name: "nb-get",
    flavor: "modelarts.vm.cpu.2u",
    status: "RUNNING",
    storage: { path: "/bucket/dev/" },
  });
  expect(typeof read.inputs?.profileId).toBe("string");
});

test("a free flavor queues; the wait reports the queue position", async () => {
  // Long enough to be seen under any load (3 s at this scale): the usual queue (30 nominal s) lasts 30 ms here.
  await emulator.admin.setCreateDurations({ "nb-free": 3_000 }, "CREATE_QUEUING");
  const created = await provider.create(
    await checked(undefined, declared({ name: "nb-free", flavor: "modelarts.vm.cpu.free" })),
  );
  expect(created.outs.status).toBe("RUNNING");
  expect(progress).toContainEqual(
    expect.stringMatching(
      /^create notebook instance "nb-free" \(DE-.+\): CREATE_QUEUING \(\d+s elapsed, queue position \d+\)$/,
    ),
  );
});

test("an update of a settled instance does not wait: one GET before the PUT and one after", async () => {
  const inputs = await checked(undefined, declared({ name: "nb-settled" }));
  const created = await provider.create(inputs);
  await emulator.admin.resetRequestCounts();
  const changed = await checked(inputs, declared({ name: "nb-settled", description: "quick" }));
  await provider.update(created.id, asProps(created.outs), changed);
  const counts = (await emulator.admin.requestCounts()).byRoute;
  expect(counts["GET /v1/{project_id}/demanager/instances/{instance_id}"]).toBe(2);
  expect(counts["PUT /v1/{project_id}/demanager/instances/{instance_id}"]).toBe(1);
});
