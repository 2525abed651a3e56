/**
 * Notebooks and their storage mounts against a service that writes unset fields as null (the emulator's `nulls`
 * answer style, as Huawei's Java backends do), and the look-ups that need a field the reader tolerates: an entry
 * without it is an error naming it, never skipped as not ours (issue 15 point 1).
 */
import { callApi } from "../../emulator/index.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { nullsInside } from "../../test/support/outputNulls.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { sendWithGot, type HttpSend } from "../api/httpTransport.js";
import { notebookStorageMountProvider } from "../storageMount/storageMountProvider.js";
import { observedInputs } from "./mapping.js";
import { notebookProvider } from "./notebookProvider.js";
import type { NotebookInputs } from "./types.js";

const notebooks: LooseProvider = notebookProvider;
const mounts: LooseProvider = notebookStorageMountProvider;
type Json = Record<string, unknown>;
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";

/** Rewrites the entries of notebook and storage listings the transport sees (none by default). */
let rewriteEntry: (entry: Json) => Json = (entry) => entry;

const rewriting: HttpSend = async (request, timeoutMs) => {
  const response = await sendWithGot(request, timeoutMs);
  const { pathname } = new URL(request.url);
  const listing = request.method === "GET" && /\/notebooks(\/[^/]+\/storage)?$/.test(pathname);
  if (!listing || response.status !== 200) return response;
  const page = JSON.parse(response.body) as { data: Json[] };
  return { ...response, body: JSON.stringify({ ...page, data: page.data.map(rewriteEntry) }) };
};

const { emulator } = useProviderOnEmulator({
  answerStyle: "nulls",
  progress: "drop",
  clientOptions: { send: rewriting },
});
beforeEach(() => {
  rewriteEntry = (entry) => entry;
});

const checked = (provider: LooseProvider, news: Json): Promise<Json> => checkedBy(provider)(undefined, news);

const declared = (overrides: Json = {}): Json => ({
  flavor: "modelarts.vm.cpu.2u",
  imageId: IMAGE,
  volume: { category: "EVS" },
  autoStop: { enabled: true, durationSeconds: 3600 },
  tags: { team: "ml" },
  desiredStatus: "RUNNING",
  ...overrides,
});

test("a notebook and a mount: create, read, update, remove, every answer with its unset fields null", async () => {
  const inputs = await checked(notebooks, declared({ namePrefix: "nulls", __ownerKey: "proj/dev/nulls" }));
  const created = await notebooks.create(inputs);
  expect(created.outs).toMatchObject({ status: "RUNNING", tags: { team: "ml" }, failReason: "" });
  expect(nullsInside(created.outs)).toEqual([]);

  const read = await notebooks.read(created.id, created.outs);
  expect(nullsInside(read.props as Json)).toEqual([]);
  const changed = await checked(notebooks, { ...read.inputs, description: "tuned" });
  expect(await notebooks.diff(created.id, read.props, changed)).toMatchObject({ changes: true, replaces: [] });
  const updated = await notebooks.update(created.id, read.props, changed);
  expect(updated.outs).toMatchObject({ description: "tuned", status: "RUNNING" });

  const mountInputs = await checked(mounts, {
    notebookId: created.id,
    uri: "obs://my-bucket/datasets/",
    mountPath: "/data/datasets/",
  });
  const mount = await mounts.create(mountInputs);
  expect(mount.outs).toMatchObject({ status: "MOUNTED", failureReason: "" });
  expect(nullsInside(mount.outs)).toEqual([]);
  await mounts.delete(mount.id, mount.outs);
  await notebooks.delete(created.id, updated.outs);
  expect(await emulator.admin.listNotebooks()).toEqual([]);
});

test("a generated name's owner look-up refuses a listed notebook whose name cannot be read, naming it", async () => {
  const theirs = await callApi(emulator, {
    method: "POST",
    path: `/v1/${emulator.projectId}/notebooks`,
    body: {
      name: "theirs",
      flavor: "modelarts.vm.cpu.2u",
      image_id: IMAGE,
      volume: { category: "EVS", ownership: "MANAGED" },
    },
  });
  const theirId = (theirs.json as { id: string }).id;
  rewriteEntry = (entry) => (entry.id === theirId ? { ...entry, name: null } : entry);

  const inputs = await checked(notebooks, declared({ namePrefix: "gen", __ownerKey: "proj/dev/gen" }));
  await expect(notebooks.create(inputs)).rejects.toThrow(
    `the service listed notebook "${theirId}" without a readable name, so the provider cannot tell whether it is ` +
      'the one named "',
  );
  expect((await emulator.admin.listNotebooks()).map((n) => n.id)).toEqual([theirId]);

  // A declared name is not looked up by name: the nameless notebook is not needed, and the create goes on.
  const named = await notebooks.create(
    await checked(notebooks, declared({ name: "mine", __ownerKey: "proj/dev/mine" })),
  );
  expect(named.outs).toMatchObject({ name: "mine", status: "RUNNING" });
});

test("a mount's look-up by path refuses a live mount listed without its path, naming it", async () => {
  const created = await notebooks.create(
    await checked(notebooks, declared({ name: "mnt", __ownerKey: "proj/dev/mnt" })),
  );
  const first = await mounts.create(
    await checked(mounts, { notebookId: created.id, uri: "obs://my-bucket/one/", mountPath: "/data/one/" }),
  );
  rewriteEntry = (entry) => (entry.id === first.id ? { ...entry, mount_path: null } : entry);
  await expect(
    mounts.create(
      await checked(mounts, { notebookId: created.id, uri: "obs://my-bucket/two/", mountPath: "/data/two/" }),
    ),
  ).rejects.toThrow(
    `the service listed storage "${first.id}" on this notebook without a readable mount path, so the provider ` +
      "cannot tell whether it holds /data/two/; nothing was mounted",
  );
});

test("a lease whose enable came back null is no drift: the declared auto-stop stands", async () => {
  const result = await notebooks.check({}, declared({ name: "lease" }));
  expect(result.failures).toEqual([]);
  const declaredInputs: NotebookInputs = result.inputs;
  const notebook = { id: "f9937afa-4451-42db-a76b-72d624749f66", status: "RUNNING", lease: {} };
  expect(observedInputs(notebook, declaredInputs).autoStop).toEqual(declaredInputs.autoStop);
  expect(observedInputs({ ...notebook, lease: { enable: false } }, declaredInputs).autoStop?.enabled).toBe(false);
});
