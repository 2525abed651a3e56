/**
 * The resource through the real Pulumi provider host: the `__provider` a real NotebookInstance serializes to,
 * loaded by `@pulumi/pulumi/cmd/dynamic-provider` from the repository (the program directory), driven over
 * gRPC like the engine drives it. Needs `npm run build` (scripts/test.sh does it).
 */
import { startEmulator, FAKE_OBS_CREDENTIAL, FAKE_REPOSITORY_ACCESS_TOKEN } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { checkedBy } from "../support/checkedInputs.js";
import { ROOT, useHostOnEmulator } from "../support/hostOnEmulator.js";
import { DIFF_NONE, DIFF_SOME, HostError, startProviderHost } from "../support/providerHost.js";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const { emulator, host, serialized } = useHostOnEmulator("NotebookInstance");
const checked = checkedBy(host);

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

test("__provider is small and captures no secret", () => {
  const bytes = Buffer.byteLength(serialized.provider);
  console.log(`__provider bytes per resource: ${bytes}`);
  expect(bytes).toBeLessThan(2048);
  expect(serialized.provider).toContain('import("pulumi-modelarts/host")');
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
  expect(diff).toEqual({ changes: DIFF_SOME, replaces: [], deleteBeforeReplace: true });
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
  const counts = await emulator.admin.requestCounts();
  console.log(
    `request counts per route (create → read → diff → update → stop → start → delete):\n${JSON.stringify(counts.byRoute, null, 2)}`,
  );
  expect(counts.byRoute["POST /v1/{project_id}/demanager/instances"]).toBe(1);
  expect(counts.byRoute["PUT /v1/{project_id}/demanager/instances/{instance_id}"]).toBe(1);
  expect(counts.byRoute["DELETE /v1/{project_id}/demanager/instances/{instance_id}"]).toBe(1);
  expect(counts.byRoute["POST /v1/{project_id}/demanager/instances/{instance_id}/action"]).toBe(3);
  expect(host.stdout.join("\n")).toMatch(/create notebook instance "host-nb" \(DE-[^)]+\): (CREATING|RUNNING)/);
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

/** Invalid inputs, each with the property check must name. */
const INVALID: [string, Record<string, unknown>, string][] = [
  ["name too long", { name: "x".repeat(65) }, "name"],
  ["name with a space", { name: "my notebook" }, "name"],
  ["name with a dot", { name: "nb.1" }, "name"],
  ["empty name", { name: "" }, "name"],
  ["name not a string", { name: 42 }, "name"],
  ["missing profileId", { profileId: undefined }, "profileId"],
  ["empty profileId", { profileId: "" }, "profileId"],
  ["missing flavor", { flavor: undefined }, "flavor"],
  ["flavor not a string", { flavor: ["a"] }, "flavor"],
  ["description too long", { description: "d".repeat(513) }, "description"],
  ["description with <", { description: "a<b" }, "description"],
  ["description with /", { description: "a/b" }, "description"],
  ["description with &", { description: "a&b" }, "description"],
  ["missing storage", { storage: undefined }, "storage"],
  ["storage path missing", { storage: { type: "obs" } }, "storage.path"],
  ["storage path without trailing slash", { storage: { path: "/bucket/dir" } }, "storage.path"],
  ["storage path is a bucket root", { storage: { path: "/bucket/" } }, "storage.path"],
  ["storage path with obs:// scheme", { storage: { path: "obs://bucket/dir/" } }, "storage.path"],
  ["storage type evs", { storage: { type: "evs", path: "/bucket/dir/" } }, "storage.type"],
  ["autoStop enabled without duration", { autoStop: { enabled: true } }, "autoStop.durationSeconds"],
  ["autoStop duration too short", { autoStop: { enabled: true, durationSeconds: 60 } }, "autoStop.durationSeconds"],
  ["autoStop duration too long", { autoStop: { enabled: true, durationSeconds: 86401 } }, "autoStop.durationSeconds"],
  [
    "autoStop duration not an integer",
    { autoStop: { enabled: true, durationSeconds: 3600.5 } },
    "autoStop.durationSeconds",
  ],
  ["autoStop enabled not a boolean", { autoStop: { enabled: "yes", durationSeconds: 3600 } }, "autoStop.enabled"],
  ["desiredStatus lowercase", { desiredStatus: "running" }, "desiredStatus"],
  ["desiredStatus unknown", { desiredStatus: "PAUSED" }, "desiredStatus"],
  ["timeouts.create not a duration", { timeouts: { create: "soon" } }, "timeouts.create"],
  ["timeouts.delete without unit", { timeouts: { delete: "30" } }, "timeouts.delete"],
  ["pool without id", { pool: { name: "p" } }, "pool.id"],
  ["annotations value not a string", { annotations: { team: 1 } }, "annotations.team"],
  ["extendStorage item without path", { extendStorage: [{ type: "obsfs" }] }, "extendStorage[0].path"],
  ["unknown property", { flavour: "x" }, "flavour"],
  ["adoptId empty", { adoptId: "" }, "adoptId"],
];

test.each(INVALID)("check rejects %s, naming its field, without an API call", async (_label, change, property) => {
  const result = await host.check({}, inputs(change));
  expect(result.failures.map((f) => f.property)).toContain(property);
  for (const failure of result.failures) expect(failure.reason.startsWith(failure.property)).toBe(true);
  expect((await emulator.admin.requestCounts()).total).toBe(0);
});

// Two provider hosts start in it (seconds each on a loaded machine); what it proves depends on no duration.
test("a create that times out is recorded, then resumed by the next update or the next create", async () => {
  const slow = await startEmulator({ timeScale: 0.05 });
  const env = emulatorEnv(slow, 20);
  const slowHost = await startProviderHost({ cwd: ROOT, env });
  let nextRun: Awaited<ReturnType<typeof startProviderHost>> | undefined;
  try {
    await slowHost.configure({});
    // The instance stays CREATING until the test lets it go (no race with the emulator's timeline), and the create's
    // limit comes from how fast this host answers now: a read (one authenticated GET, after a first one has loaded
    // the provider and authenticated) measured 40 times over, at least 2s. A loaded machine gets a longer limit, so
    // the create always reaches its wait before the limit passes.
    await slow.admin.setCreateDurations({ "host-slow": 1e9 });
    const probe = inputs({ name: "host-slow" });
    const absent = "DE-00000000-0000-4000-8000-000000000000";
    expect((await slowHost.read(absent, probe)).id).toBe("");
    const started = performance.now();
    expect((await slowHost.read(absent, probe)).id).toBe("");
    const limitSeconds = Math.min(59, Math.max(2, Math.ceil((40 * (performance.now() - started)) / 1000)));
    const news = (await slowHost.check({}, inputs({ name: "host-slow", timeouts: { create: `${limitSeconds}s` } })))
      .inputs;
    const err = (await slowHost.create(news).catch((e: unknown) => e)) as HostError;
    expect(err.message).toMatch(
      new RegExp(
        `timed out after ${limitSeconds}s \\(timeouts.create, the limit for the whole create\\) waiting for READY; ` +
          "last status CREATING",
      ),
    );
    expect(err.initFailure).toMatchObject({
      id: expect.stringMatching(/^DE-/),
      properties: { status: "CREATING", __provider: serialized.provider },
    });
    const id = err.initFailure!.id;

    // The engine's next `pulumi up` updates a resource recorded with init errors: the wait resumes. The instance is
    // let go only once the update has polled it, so the update is seen waiting, then finishing.
    const GET_INSTANCE = "GET /v1/{project_id}/demanager/instances/{instance_id}";
    const polledBefore = await slow.admin.requestCount(GET_INSTANCE);
    const resuming = slowHost.update(id, err.initFailure!.properties, news);
    while ((await slow.admin.requestCount(GET_INSTANCE)) < polledBefore + 2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await slow.admin.getInstance(id)).status).toBe("CREATING");
    await slow.admin.updateInstance(id, { status: "RUNNING" });
    expect((await resuming).properties.status).toBe("RUNNING");

    // Had the engine lost the record, the next run (a new process, which shares no listing with this one) finds the
    // instance by its owner key before any POST.
    nextRun = await startProviderHost({ cwd: ROOT, env });
    await nextRun.configure({});
    const again = await nextRun.create(news);
    expect(again.id).toBe(id);
    expect((await slow.admin.listInstances()).length).toBe(1);
    expect(await slow.admin.requestCount("POST /v1/{project_id}/demanager/instances")).toBe(1);
  } finally {
    await nextRun?.close();
    await slowHost.close();
    await slow.close();
  }
}, 120_000);

test("invalid inputs fail at check with the field named, without calling the API", async () => {
  const result = await host.check({}, inputs({ storage: { path: "/bucket" }, autoStop: { enabled: true } }));
  expect([...new Set(result.failures.map((f) => f.property))].sort()).toEqual([
    "autoStop.durationSeconds",
    "storage.path",
  ]);
  expect(result.failures.map((f) => f.reason).join("\n")).toMatch(/storage\.path must end with "\/"/);
  expect((await emulator.admin.requestCounts()).total).toBe(0);
});
