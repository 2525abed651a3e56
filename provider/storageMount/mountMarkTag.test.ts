/**
 * The storage mount's mark against the emulator, through the providers a program runs: a NotebookStorageMount
 * marks its notebook before it mounts and unmarks it after its unmount; the Notebook's `mounts` output tells its
 * mounts from one made elsewhere by that mark, and its own tags never count the mark as a tag of the user's.
 */
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { notebooksRequest } from "../../test/support/requestLog.js";
import { mountMarkKey, mountMarkTag } from "../api/mountMark.js";
import { notebookProvider } from "../notebook/notebookProvider.js";
import { notebookStorageMountProvider } from "./storageMountProvider.js";
import { NOTEBOOK_ROUTE } from "../../test/support/notebookRouteKeys.js";
import { providerNotebooksClient } from "../../test/support/providerNotebooksClient.js";
import { CPU_IMAGE_ID as IMAGE } from "../../emulator/notebooks/testkit.js";

const mounts: LooseProvider = notebookStorageMountProvider;
const notebooks: LooseProvider = notebookProvider;
type Props = Record<string, unknown>;

const PATH = "/data/datasets/";
const URI = "obs://my-bucket/datasets/";

const { emulator, requests } = useProviderOnEmulator({ progress: "drop", requestLog: notebooksRequest });
const checkMount = checkedBy(mounts);
const checkNotebook = checkedBy(notebooks);

const notebookDeclared = {
  namePrefix: "marks",
  flavor: "modelarts.vm.cpu.2u",
  imageId: IMAGE,
  volume: { category: "EVS" },
  autoStop: { enabled: false },
  desiredStatus: "RUNNING",
  tags: { team: "ml" },
  __ownerKey: "proj/dev/marks",
};

/** A RUNNING notebook made by the Notebook provider: its id, and its state as the engine keeps it. */
async function notebook(): Promise<{ id: string; outs: Props; inputs: Props }> {
  const inputs = await checkNotebook(undefined, notebookDeclared);
  const { id, outs } = await notebooks.create(inputs);
  return { id, outs, inputs };
}

async function mount(notebookId: string, overrides: Props = {}): Promise<{ id: string; outs: Props }> {
  const inputs = await checkMount(undefined, { notebookId, uri: URI, mountPath: PATH, ...overrides });
  const { id, outs } = await mounts.create(inputs);
  return { id, outs: outs as Props };
}

async function tagsOf(notebookId: string): Promise<{ key: string; value?: string }[]> {
  return (await (await providerNotebooksClient()).getNotebook(notebookId)).tags ?? [];
}

async function untilUnmounted(notebookId: string, storageId: string): Promise<void> {
  while ((await (await providerNotebooksClient()).findStorage(notebookId, storageId)) !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test("a mount marks its notebook before its POST; the notebook's mounts tell it from one made elsewhere; its delete unmarks", async () => {
  const nb = await notebook();
  requests.length = 0;
  const ours = await mount(nb.id);
  const markAt = requests.indexOf("POST tags 204");
  expect(markAt).toBeGreaterThan(-1);
  expect(markAt).toBeLessThan(requests.indexOf("POST storage 200"));
  expect(await tagsOf(nb.id)).toContainEqual(mountMarkTag(PATH, URI));

  // Mounted in the console: the same kind of storage, no mark.
  await (
    await providerNotebooksClient()
  ).attachStorage(nb.id, { category: "OBS", mount_path: "/data/outside/", uri: "obs://theirs/x/" });
  const read = await notebooks.read(nb.id, nb.outs);
  expect(read.props.mounts).toEqual([
    { category: "OBSFS", uri: URI, mountPath: PATH, status: "MOUNTED", managed: true },
    {
      category: "OBSFS",
      uri: "obs://theirs/x/",
      mountPath: "/data/outside/",
      status: expect.stringMatching(/^MOUNT(ING|ED)$/),
      managed: false,
    },
  ]);
  // The mark is no tag of the user's: no drift, and a change of the user's tags leaves it be.
  expect(read.inputs.tags).toEqual({ team: "ml" });
  expect((await notebooks.diff(nb.id, read.props, nb.inputs)).changes).toBe(false);
  const retagged = await checkNotebook(nb.inputs, { ...notebookDeclared, tags: { team: "cv" } });
  await notebooks.update(nb.id, read.props, retagged);
  expect(await tagsOf(nb.id)).toContainEqual(mountMarkTag(PATH, URI));

  await mounts.delete(ours.id, ours.outs);
  expect((await tagsOf(nb.id)).map((t) => t.key)).not.toContain(mountMarkKey(PATH));
  await untilUnmounted(nb.id, ours.id);
  expect((await notebooks.read(nb.id, read.props)).props.mounts).toEqual([
    { category: "OBSFS", uri: "obs://theirs/x/", mountPath: "/data/outside/", status: "MOUNTED", managed: false },
  ]);
});

test("a mount taken over with adoptId is marked too", async () => {
  const nb = await notebook();
  const theirs = await (
    await providerNotebooksClient()
  ).attachStorage(nb.id, { category: "OBS", mount_path: PATH, uri: URI });
  while ((await (await providerNotebooksClient()).findStorage(nb.id, theirs.id!))?.status !== "MOUNTED") {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(await tagsOf(nb.id)).not.toContainEqual(mountMarkTag(PATH, URI));
  const adopted = await mount(nb.id, { adoptId: theirs.id });
  expect(adopted.id).toBe(theirs.id);
  expect(await tagsOf(nb.id)).toContainEqual(mountMarkTag(PATH, URI));
});

test("a POST the service refuses leaves no mark behind", async () => {
  const nb = await notebook();
  await emulator.admin.injectFault({
    route: NOTEBOOK_ROUTE.attach,
    kind: "status",
    status: 400,
    errorCode: "ModelArts.6336",
  });
  await expect(mount(nb.id)).rejects.toThrow(/ModelArts\.6336/);
  expect((await tagsOf(nb.id)).map((t) => t.key)).not.toContain(mountMarkKey(PATH));
});

test("a mark that cannot be written fails the create before anything is mounted", async () => {
  const nb = await notebook();
  await emulator.admin.resetRequestCounts();
  await emulator.admin.injectFault({
    route: NOTEBOOK_ROUTE.createTags,
    kind: "status",
    status: 400,
    errorCode: "ModelArts.6400",
  });
  await expect(mount(nb.id)).rejects.toThrow(/^create storage mount "\/data\/datasets\/": .*ModelArts\.6400/s);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(0);
  expect(await (await providerNotebooksClient()).listStorages(nb.id)).toEqual([]);
});

test("a delete leaves the mark of another uri at its path alone, and removes its own when its mount is already gone", async () => {
  const nb = await notebook();
  const first = await mount(nb.id);
  // Unmounted in the console; then another storage mounted at the path by another resource, which marks it.
  await (await providerNotebooksClient()).detachStorage(nb.id, first.id);
  await untilUnmounted(nb.id, first.id);
  const another = mountMarkTag(PATH, "obs://my-bucket/v2/");
  await (await providerNotebooksClient()).createTags(nb.id, [another]);
  await mounts.delete(first.id, first.outs);
  expect(await tagsOf(nb.id)).toContainEqual(another);

  const second = await mount(nb.id, { mountPath: "/data/second/" });
  await (await providerNotebooksClient()).detachStorage(nb.id, second.id);
  await untilUnmounted(nb.id, second.id);
  await mounts.delete(second.id, second.outs);
  expect((await tagsOf(nb.id)).map((t) => t.key)).not.toContain(mountMarkKey("/data/second/"));
});

test("a notebook with 20 tags already (19 of the user's and its owner tag) is refused before any tag or mount request, naming the limit and what to do", async () => {
  const nineteen = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, `v${i}`]));
  const inputs = await checkNotebook(undefined, { ...notebookDeclared, tags: nineteen });
  const nb = await notebooks.create(inputs);
  expect(await tagsOf(nb.id)).toHaveLength(20);
  await emulator.admin.resetRequestCounts();
  const err = await mount(nb.id).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(err?.message).toBe(
    `create storage mount "/data/datasets/": notebook ${nb.id} has 20 tags, the most a notebook keeps (20), and a ` +
      "NotebookStorageMount marks its notebook with one more (pulumi-modelarts.mount.<hash>, which makes the mount " +
      "managed in the notebook's `mounts`): remove a tag from the notebook (from its Notebook's `tags`, which take at " +
      "most 19 beside the owner tag, or one set in the console) and run `pulumi up` again. Nothing was mounted",
  );
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.createTags)).toBe(0);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.attach)).toBe(0);

  // One tag fewer, and the mount takes the freed place.
  const { k18: _removed, ...eighteen } = nineteen;
  await notebooks.update(nb.id, nb.outs, await checkNotebook(inputs, { ...notebookDeclared, tags: eighteen }));
  await mount(nb.id);
  expect(await tagsOf(nb.id)).toContainEqual(mountMarkTag(PATH, URI));
  expect(await tagsOf(nb.id)).toHaveLength(20);
});
