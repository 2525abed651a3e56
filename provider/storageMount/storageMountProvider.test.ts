/**
 * The NotebookStorageMount provider in-process against the emulator's dynamic storage (MOUNTING → MOUNTED,
 * UNMOUNTING → UNMOUNTED → gone; OBS answered as OBSFS; a path unique among live mounts): the lifecycle, a
 * notebook that is not running, drift, a lost POST answer, and a failed mount. The same provider object the host
 * runs (through the SDK's shim); notebooks come from the Notebook provider, as in a program.
 */
import { callApi } from "../../emulator/callApi.js";
import { FAKE_NOTEBOOK_TOKEN, startEmulator } from "../../emulator/index.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { OperationError, PartialFailureError } from "../base/errors.js";
import { notebookProvider } from "../notebook/notebookProvider.js";
import { notebookStorageMountProvider } from "./storageMountProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { pointProviderAt, useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { NOTEBOOK_ROUTE } from "../../test/support/notebookRouteKeys.js";
import { providerNotebooksClient } from "../../test/support/providerNotebooksClient.js";
import { CPU_IMAGE_ID as IMAGE } from "../../emulator/notebooks/testkit.js";

const provider: LooseProvider = notebookStorageMountProvider;
const notebooks: LooseProvider = notebookProvider;
type Props = Record<string, unknown>;

const { emulator, progress } = useProviderOnEmulator();
const checkedWithOlds = checkedBy(provider);
/** check of a mount's inputs (its old inputs change nothing there). */
const checked = (news: Props) => checkedWithOlds(undefined, news);

/** A notebook made by the Notebook provider, RUNNING unless said otherwise. */
async function notebook(desiredStatus: "RUNNING" | "STOPPED" = "RUNNING"): Promise<string> {
  const { inputs } = await notebooks.check(
    {},
    {
      namePrefix: "mnt",
      flavor: "modelarts.vm.cpu.2u",
      imageId: IMAGE,
      volume: { category: "EVS" },
      autoStop: { enabled: false },
      desiredStatus,
      __ownerKey: `proj/dev/${Math.random()}`,
    },
  );
  return (await notebooks.create(inputs)).id;
}

function declared(notebookId: string, overrides: Props = {}): Props {
  return {
    notebookId,
    uri: "obs://my-bucket/datasets/",
    mountPath: "/data/datasets/",
    __provider: "exports.handler = undefined;",
    ...overrides,
  };
}

async function mounted(news: Props) {
  const inputs = await checked(news);
  const { id, outs } = await provider.create(inputs);
  return { id, outs, inputs };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

test("mount into a running notebook → no-change diff → refresh → unmount → gone", async () => {
  const notebookId = await notebook();
  const state = await mounted(declared(notebookId));
  expect(state.outs).toEqual({
    notebookId,
    category: "OBS",
    uri: "obs://my-bucket/datasets/",
    mountPath: "/data/datasets/",
    storageId: state.id,
    status: "MOUNTED",
    failureReason: "",
    __provider: "exports.handler = undefined;",
  });
  const live = await (await providerNotebooksClient()).findStorage(notebookId, state.id);
  // The service answers OBS as OBSFS (§12): the declared category stays, and is no drift.
  expect(live).toMatchObject({ category: "OBSFS", mount_path: "/data/datasets/", status: "MOUNTED" });

  expect((await provider.diff(state.id, state.outs, await checked(declared(notebookId)))).changes).toBe(false);
  const read = await provider.read(state.id, state.outs);
  // The host adds __provider to what read returns.
  const { __provider: _provider, ...stored } = state.outs;
  expect(read.props).toEqual(stored);
  expect((await provider.diff(state.id, read.props, await checked(declared(notebookId)))).changes).toBe(false);

  await provider.delete(state.id, state.outs);
  // Done at UNMOUNTED, which the service may list a while longer (§12: UNMOUNTED or not found).
  const left = await (await providerNotebooksClient()).listStorages(notebookId);
  expect(left.filter((s) => s.status !== "UNMOUNTED")).toEqual([]);
  expect(await provider.read(state.id, state.outs)).toEqual({ id: "" });
  // Deleting again (a retried destroy) is done at once.
  await provider.delete(state.id, state.outs);
});

test("a stopped notebook is refused at create with what to do, and nothing is sent", async () => {
  const notebookId = await notebook("STOPPED");
  await emulator.admin.resetRequestCounts();
  const err = await failureOf(provider.create(await checked(declared(notebookId))));
  expect(err).toBeInstanceOf(OperationError);
  expect(err.message).toBe(
    `create storage mount "/data/datasets/": notebook ${notebookId} is STOPPED, and storage can only be mounted ` +
      'into a RUNNING notebook: start it (a Notebook resource with desiredStatus: "RUNNING" keeps it running) and ' +
      "run `pulumi up` again",
  );
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(0);
  // A notebook that does not exist says so.
  const missing = "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d";
  expect((await failureOf(provider.create(await checked(declared(missing))))).message).toBe(
    `create storage mount "/data/datasets/": notebook ${missing} does not exist (or is being deleted)`,
  );
});

test("an unmount done elsewhere is seen by refresh; so is a deleted notebook", async () => {
  const notebookId = await notebook();
  const state = await mounted(declared(notebookId));
  await (await providerNotebooksClient()).detachStorage(notebookId, state.id);
  expect(await provider.read(state.id, state.outs)).toEqual({ id: "" });

  const other = await mounted(declared(notebookId, { mountPath: "/data/other/" }));
  await emulator.admin.deleteNotebook(notebookId);
  expect(await provider.read(other.id, other.outs)).toEqual({ id: "" });
  // A mount whose notebook is gone is gone too: delete has nothing to do.
  await provider.delete(other.id, other.outs);
});

test.each(["6404", "6309", "http404"] as const)("not found as %s: refresh forgets the mount", async (notFound) => {
  try {
    await emulator.admin.setSwitches({ notFound });
    const notebookId = await notebook();
    const state = await mounted(declared(notebookId));
    await (await providerNotebooksClient()).detachStorage(notebookId, state.id);
    // Past UNMOUNTED (5 nominal seconds), the mount is not found at all.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await provider.read(state.id, state.outs)).toEqual({ id: "" });
  } finally {
    await emulator.admin.setSwitches({ notFound: "6404" });
  }
});

test("a lost answer to the POST (applied, then the connection dropped) makes exactly one mount", async () => {
  const notebookId = await notebook();
  await emulator.admin.injectFault({ route: NOTEBOOK_ROUTE.attach, kind: "drop-after", count: 1 });
  const state = await mounted(declared(notebookId));
  const storages = await (await providerNotebooksClient()).listStorages(notebookId);
  expect(storages.map((s) => s.id)).toEqual([state.id]);
  expect(state.outs).toMatchObject({ status: "MOUNTED", storageId: state.id });
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(1);
  // The path was free just before this POST: what holds it now with this uri is the mount it made, and it says so.
  expect(progress).toContainEqual(
    `create storage mount "/data/datasets/": storage ${state.id} holds the path with this uri: the mount this ` +
      "create's POST made (its answer was lost)",
  );
});

test("a POST dropped before it was applied is sent again once the look-up finds nothing", async () => {
  const notebookId = await notebook();
  await emulator.admin.injectFault({ route: NOTEBOOK_ROUTE.attach, kind: "drop-before", count: 1 });
  const state = await mounted(declared(notebookId));
  expect((await (await providerNotebooksClient()).listStorages(notebookId)).map((s) => s.id)).toEqual([state.id]);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(2);
});

test("a mount found at the path (the console's, or an interrupted run's) is never taken over without adoptId", async () => {
  const notebookId = await notebook();
  // Mounted in the console: the same path and uri a resource then declares.
  const theirs = await (
    await providerNotebooksClient()
  ).attachStorage(notebookId, {
    category: "OBS",
    mount_path: "/data/datasets/",
    uri: "obs://my-bucket/datasets/",
  });
  // Settled, as a mount made in the console is by the time a program declares it (the messages name its status).
  while (
    (await (await providerNotebooksClient()).listStorages(notebookId)).find((m) => m.id === theirs.id)?.status !==
    "MOUNTED"
  ) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await emulator.admin.resetRequestCounts();
  const err = await failureOf(provider.create(await checked(declared(notebookId))));
  expect(err.message).toBe(
    `create storage mount "/data/datasets/": /data/datasets/ is taken on this notebook by storage ${theirs.id} ` +
      "(obs://my-bucket/datasets/, MOUNTED), not made by this resource as far as the provider can tell (a mount has " +
      "no owner mark): mounted in the console, or left by a run interrupted before Pulumi recorded it. It was left " +
      `untouched: set adoptId: "${theirs.id}" to take it over, or unmount it`,
  );
  expect(err).not.toHaveProperty("id"); // not recorded: our destroy never unmounts it
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(0);
  expect(progress.filter((l) => /taking it over|adopting/.test(l))).toEqual([]);

  // Another storage at the path is a conflict whatever adoptId says.
  const other = await failureOf(
    provider.create(await checked(declared(notebookId, { uri: "obs://other-bucket/x/", adoptId: theirs.id! }))),
  );
  expect(other.message).toBe(
    `create storage mount "/data/datasets/": /data/datasets/ is taken on this notebook by storage ${theirs.id} ` +
      "(obs://my-bucket/datasets/, MOUNTED); unmount it, or choose another mountPath",
  );
  // An adoptId with nothing at the path is refused, not replaced by a new mount.
  const nothing = await failureOf(
    provider.create(
      await checked(
        declared(notebookId, { mountPath: "/data/other/", adoptId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ),
  );
  expect(nothing.message).toContain(
    "adoptId names storage 00000000-0000-4000-8000-000000000000, but nothing is mounted at /data/other/",
  );
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(0);

  // Asked for by adoptId, it is taken over, and the progress line says so.
  const state = await mounted(declared(notebookId, { adoptId: theirs.id! }));
  expect(state.id).toBe(theirs.id);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(0);
  expect(progress).toContainEqual(
    `create storage mount "/data/datasets/": adopting storage ${theirs.id} (obs://my-bucket/datasets/, MOUNTED), as ` +
      "adoptId asks",
  );
});

test("MOUNT_FAILED is recorded with the service's reason (a partial failure), and the next up replaces it", async () => {
  const notebookId = await notebook();
  const fakeId = "6d1f0c2b-9a8e-4b7c-a6d5-e4f3a2b1c0d9";
  await emulator.admin.injectFault({
    route: NOTEBOOK_ROUTE.attach,
    kind: "body",
    rawBody: JSON.stringify({ id: fakeId, category: "OBSFS", mount_path: "/data/datasets/", status: "MOUNTING" }),
  });
  await emulator.admin.injectFault({
    route: NOTEBOOK_ROUTE.showMount,
    kind: "body",
    count: 100,
    rawBody: JSON.stringify({
      id: fakeId,
      category: "OBSFS",
      mount_path: "/data/datasets/",
      status: "MOUNT_FAILED",
      failure_reason: "OBS bucket my-bucket does not exist",
    }),
  });
  const inputs = await checked(declared(notebookId));
  const err = (await failureOf(provider.create(inputs))) as PartialFailureError;
  expect(err).toBeInstanceOf(PartialFailureError);
  expect(err.id).toBe(fakeId);
  expect(err.message).toBe(
    `create storage mount "/data/datasets/" (${fakeId}): the mount is MOUNT_FAILED; OBS bucket my-bucket does not ` +
      "exist",
  );
  expect(err.properties).toMatchObject({
    storageId: fakeId,
    status: "MOUNT_FAILED",
    failureReason: "OBS bucket my-bucket does not exist",
    __provider: "exports.handler = undefined;",
  });
  expect(await provider.diff(fakeId, err.properties, inputs)).toEqual({
    changes: true,
    replaces: ["status"],
    deleteBeforeReplace: true,
  });
  await emulator.admin.clearFaults();
});

test("every input but the timeouts replaces, unmounting first; new timeouts are an update", async () => {
  const notebookId = await notebook();
  const state = await mounted(declared(notebookId));
  const diffWith = async (news: Props) => provider.diff(state.id, state.outs, await checked(news));
  expect(await diffWith(declared(notebookId, { mountPath: "/data/other/" }))).toEqual({
    changes: true,
    replaces: ["mountPath"],
    deleteBeforeReplace: true,
  });
  const efs = { category: "EFS", uri: "192.168.0.1:/share/", efsId: "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d" };
  expect((await diffWith(declared(notebookId, efs))).replaces).toEqual(["category", "uri", "efsId"]);
  expect((await diffWith(declared(notebookId, { uri: "obs://my-bucket/v2/" }))).replaces).toEqual(["uri"]);
  // The service mounts OBS as OBSFS: one mount, whichever the program says.
  expect((await diffWith(declared(notebookId, { category: "OBSFS" }))).changes).toBe(false);
  expect((await diffWith(declared("0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d"))).replaces).toEqual(["notebookId"]);
  const withTimeouts = declared(notebookId, { timeouts: { delete: "5m" } });
  expect(await diffWith(withTimeouts)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
  const { outs } = await provider.update(state.id, state.outs, await checked(withTimeouts));
  expect(outs).toMatchObject({ timeouts: { delete: "5m" }, status: "MOUNTED" });
});

test("a replacement at the same path waits for the unmounted mount to leave it", async () => {
  // Slower, so the old mount is still UNMOUNTING when the new one is POSTed.
  const slow = await startEmulator({ timeScale: 0.05 });
  try {
    pointProviderAt(slow);
    const notebookId = await notebook();
    const state = await mounted(declared(notebookId));
    await (await providerNotebooksClient()).detachStorage(notebookId, state.id);
    const next = await mounted(declared(notebookId, { uri: "obs://my-bucket/v2/" }));
    expect(next.outs).toMatchObject({ status: "MOUNTED", uri: "obs://my-bucket/v2/" });
    expect(await slow.admin.requestCount(NOTEBOOK_ROUTE.attach, 400)).toBe(1);
    expect(progress).toContainEqual(expect.stringMatching(/waiting for storage .* to leave the mount path$/));
  } finally {
    pointProviderAt(emulator);
    await slow.close();
  }
});

test("unmounting from a stopped notebook fails with what to do, and sends nothing", async () => {
  const notebookId = await notebook();
  const state = await mounted(declared(notebookId));
  await emulator.admin.updateNotebook(notebookId, { status: "STOPPED" });
  const urn = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/modelarts:NotebookStorageMount::datasets";
  const err = await failureOf(provider.delete(state.id, { ...state.outs, __urn: urn }));
  expect(err.message).toBe(
    `delete storage mount "/data/datasets/" (${state.id}): notebook ${notebookId} is STOPPED, and storage can ` +
      "only be unmounted from a RUNNING notebook: start it and run again; or, when the notebook is to be deleted " +
      `anyway (which removes its mounts), forget the mount with \`pulumi state delete '${urn}'\` first`,
  );
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.detach)).toBe(0);
  expect(JSON.stringify(err)).not.toContain(FAKE_NOTEBOOK_TOKEN);
});

test("an unmount refused as 'not running' because the notebook's own delete began meanwhile is done", async () => {
  const notebookId = await notebook();
  const state = await mounted(declared(notebookId));
  // The check before the DELETE still sees the notebook RUNNING (its answer as it was), then the notebook's own
  // delete starts, as when a destroy runs both at once, and the DELETE is refused "not running".
  const path = `/v1/${emulator.projectId}/notebooks/${notebookId}`;
  const running = await callApi(emulator, { method: "GET", path });
  const mountedAnswer = await callApi(emulator, { method: "GET", path: `${path}/storage/${state.id}` });
  await emulator.admin.updateNotebook(notebookId, { status: "DELETING" });
  await emulator.admin.injectFault({
    route: NOTEBOOK_ROUTE.showMount,
    kind: "body",
    rawBody: mountedAnswer.text,
    count: 1,
  });
  await emulator.admin.injectFault({ route: NOTEBOOK_ROUTE.show, kind: "body", rawBody: running.text, count: 1 });
  await emulator.admin.injectFault({
    route: NOTEBOOK_ROUTE.detach,
    kind: "status",
    status: 400,
    errorCode: "ModelArts.6327",
  });
  await provider.delete(state.id, state.outs);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.detach, 400)).toBe(1);
});

test("an unmount refused as 'not running' by a notebook that is still there is an error", async () => {
  const notebookId = await notebook();
  const state = await mounted(declared(notebookId));
  await emulator.admin.injectFault({
    route: NOTEBOOK_ROUTE.detach,
    kind: "status",
    status: 400,
    errorCode: "ModelArts.6327",
  });
  const err = await failureOf(provider.delete(state.id, state.outs));
  expect(err.message).toContain("ModelArts.6327");
});

test("a read without declared inputs (NotebookStorageMount.get) takes them from the service", async () => {
  const notebookId = await notebook();
  const state = await mounted(declared(notebookId));
  const read = await provider.read(state.id, { notebookId });
  expect(read.inputs).toEqual({
    notebookId,
    category: "OBSFS",
    uri: "obs://my-bucket/datasets/",
    mountPath: "/data/datasets/",
  });
  expect(read.props).toMatchObject({ storageId: state.id, status: "MOUNTED" });
  // `pulumi import` records OBSFS; the program's category OBS names the same mount: no change, no replacement.
  expect(await provider.diff(state.id, read.props, await checked(declared(notebookId)))).toEqual({
    changes: false,
    replaces: [],
    deleteBeforeReplace: true,
  });
  expect((await failureOf(provider.read(state.id, {}))).message).toMatch(
    /^read storage mount [0-9a-f-]{36}: its notebookId is not known/,
  );
});
