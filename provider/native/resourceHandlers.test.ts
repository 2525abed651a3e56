/**
 * The protocol's resource verbs in-process against the emulator, as the engine calls them: secrets in and out,
 * internal keys never out, previews that make no API call, a detailed diff with unknowns, a read for import, and a
 * failed create recorded with its object.
 */
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { check, create, diff, read, remove, ResourceInitFailed, update } from "./resourceHandlers.js";
import { isMountMarkKey } from "../api/mountMark.js";
import { OWNER_TAG_KEY, ownerTagValue } from "../notebook/ownerTag.js";
import { resourceProviderService } from "./grpcService.js";
import { isSecret, secret, UNKNOWN_VALUE } from "./propertyValues.js";
import { protoStubs } from "./protoStubs.js";

const NOTEBOOK = "modelarts:index:Notebook";
const MOUNT = "modelarts:index:NotebookStorageMount";
const INSTANCE = "modelarts:index:NotebookInstance";
const URN = "urn:pulumi:dev::proj::modelarts:index:Notebook::nb";
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const POST = "POST /v1/{project_id}/notebooks";

const { emulator } = useProviderOnEmulator({ progress: "drop" });

const declared = {
  flavor: "modelarts.vm.cpu.2u",
  imageId: IMAGE,
  volume: { category: "EVS", capacityGb: 10 },
  autoStop: { enabled: true, durationSeconds: 7200 },
};

test("check: the SDK class's defaults (name from the resource name), a secret input stays secret, no internal key but the owner mark", async () => {
  const { inputs, failures } = await check(NOTEBOOK, URN, undefined, { ...declared, description: secret("hush") });
  expect(failures).toEqual([]);
  expect(inputs.name).toMatch(/^nb-[a-z0-9]{7}$/);
  expect(inputs.namePrefix).toBe("nb");
  expect(isSecret(inputs.description) && inputs.description.value).toBe("hush");
  // Without a random seed from the engine, the mark is its readable part alone.
  expect(Object.keys(inputs).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey"]);
  // The same resource checked again keeps its name (the owner key comes from the URN both times).
  expect((await check(NOTEBOOK, URN, inputs, declared)).inputs.name).toBe(inputs.name);
});

test("the owner mark's random part comes from the engine's seed once, is kept by every later check and read, and marks the notebook", async () => {
  const seed = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
  // The engine sends a new object's olds as an empty map.
  const { inputs } = await check(NOTEBOOK, URN, {}, declared, seed);
  const mark = { __ownerKey: "proj/dev/nb", __ownerNonce: "fffefdfcfbfaf9f8" };
  expect(Object.keys(inputs).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey", "__ownerNonce"]);
  expect(inputs).toMatchObject(mark);
  // Another deployment of the same stack and resource name (another seed) gets another name.
  const other = await check(
    NOTEBOOK,
    URN,
    undefined,
    declared,
    Uint8Array.from({ length: 32 }, (_, i) => i),
  );
  expect(other.inputs.name).not.toBe(inputs.name);
  // The recorded inputs keep their random part, whatever seed the engine sends next.
  const again = await check(NOTEBOOK, URN, inputs, { ...declared, description: "second" }, new Uint8Array(32));
  expect(again.inputs).toMatchObject({ name: inputs.name, ...mark });

  // State keeps the mark with the outputs too, as it keeps a dynamic class's: update, read and delete take it there.
  const { id, properties } = await create(NOTEBOOK, URN, inputs, false);
  expect(properties).toMatchObject(mark);
  const tags = (await emulator.admin.getNotebook(id)).tags as { key: string; value: string }[];
  const tag = tags.find((t) => t.key === OWNER_TAG_KEY)?.value;
  expect(tag).toBe(ownerTagValue("proj/dev/nb#fffefdfcfbfaf9f8"));
  const refreshed = await read(NOTEBOOK, URN, id, properties, inputs);
  for (const props of [refreshed.properties, refreshed.inputs]) {
    expect(Object.keys(props ?? {}).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey", "__ownerNonce"]);
    expect(props).toMatchObject(mark);
  }
});

test("a bad input fails check naming the field, before any request", async () => {
  const { failures } = await check(NOTEBOOK, URN, undefined, {
    ...declared,
    volume: { category: "EVS", capacityGb: 0 },
  });
  expect(failures.map((f) => f.property)).toContain("volume.capacityGb");
  expect((await emulator.admin.requestCounts()).total).toBe(0);
});

test("create's preview makes no request; the real create, diff, update preview and update, read, delete", async () => {
  const { inputs } = await check(NOTEBOOK, URN, undefined, declared);
  const planned = await create(NOTEBOOK, URN, inputs, true);
  expect(planned.properties.notebookId).toBe(UNKNOWN_VALUE);
  expect((await emulator.admin.requestCounts()).byRoute[POST]).toBeUndefined();

  const { id, properties } = await create(NOTEBOOK, URN, inputs, false);
  expect(properties).toMatchObject({ notebookId: id, status: "RUNNING", name: inputs.name });
  expect(Object.keys(properties).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey"]);

  const news = { ...inputs, description: UNKNOWN_VALUE };
  const unknownDiff = await diff(NOTEBOOK, URN, id, properties, news);
  expect(unknownDiff).toMatchObject({ changes: true, replaces: [], detailedDiff: { description: "UPDATE" } });

  const changed = (await check(NOTEBOOK, URN, inputs, { ...declared, description: "second" })).inputs;
  const preview = await update(NOTEBOOK, URN, id, properties, changed, true);
  expect(preview).toMatchObject({ notebookId: id, status: "RUNNING", description: "second", updatedAt: UNKNOWN_VALUE });
  const updated = await update(NOTEBOOK, URN, id, properties, changed, false);
  expect(updated).toMatchObject({ notebookId: id, description: "second" });
  expect((await emulator.admin.getNotebook(id)).description).toBe("second");

  const refreshed = await read(NOTEBOOK, URN, id, updated, changed);
  expect(refreshed).toMatchObject({ id, properties: { description: "second" }, inputs: { description: "second" } });
  await remove(NOTEBOOK, URN, id, updated);
  expect(await read(NOTEBOOK, URN, id, updated, changed)).toEqual({ id: "" });
});

test("a read for import (no stored properties) of a notebook without an owner mark returns inputs that check accepts and diff finds equal", async () => {
  const { inputs } = await check(NOTEBOOK, URN, undefined, { ...declared, name: "made-by-hand", tags: { team: "ml" } });
  const { id } = await create(NOTEBOOK, "urn:pulumi:dev::proj::modelarts:index:Notebook::other", inputs, false);
  // Made outside Pulumi: no owner tag.
  await emulator.admin.updateNotebook(id, { tags: [{ key: "team", value: "ml" }] });
  const imported = await read(NOTEBOOK, URN, id, undefined, undefined);
  expect(imported.inputs).toMatchObject({
    name: "made-by-hand",
    flavor: declared.flavor,
    imageId: IMAGE,
    volume: { category: "EVS", capacityGb: 10 },
    autoStop: { enabled: true, durationSeconds: 7200 },
    tags: { team: "ml" },
  });
  const checked = await check(NOTEBOOK, URN, undefined, imported.inputs!);
  expect(checked.failures).toEqual([]);
  expect((await diff(NOTEBOOK, URN, id, imported.properties!, checked.inputs)).changes).toBe(false);
});

/** Every request since the last reset is a GET: nothing was written. */
async function onlyGets(): Promise<void> {
  const routes = Object.keys((await emulator.admin.requestCounts()).byRoute);
  expect(routes.length).toBeGreaterThan(0);
  expect(routes.filter((route) => !route.startsWith("GET "))).toEqual([]);
}

function tagsOf(notebook: Record<string, unknown>): { key: string; value: string }[] {
  return notebook.tags as { key: string; value: string }[];
}

test("pulumi import of a notebook another Pulumi resource's owner mark names is refused, naming the owner and adoptOwnedBy; nothing is written", async () => {
  const seed = (first: number) => Uint8Array.from({ length: 32 }, (_, i) => first + i);
  // A teammate's stack of the same name on their own backend (the same readable owner as this import's resource,
  // another deployment), and another stack of this project.
  const teammate = (await check(NOTEBOOK, URN, {}, { ...declared, name: "teammates" }, seed(0))).inputs;
  const otherUrn = "urn:pulumi:prod::proj::modelarts:index:Notebook::main";
  const other = (await check(NOTEBOOK, otherUrn, {}, { ...declared, name: "prods" }, seed(100))).inputs;
  const owners = [
    { urn: URN, inputs: teammate, owner: "proj/dev/nb", name: "teammates" },
    { urn: otherUrn, inputs: other, owner: "proj/prod/main", name: "prods" },
  ];
  for (const { urn, inputs, owner, name } of owners) {
    const { id } = await create(NOTEBOOK, urn, inputs, false);
    const before = tagsOf(await emulator.admin.getNotebook(id));
    expect(before.map((t) => t.key)).toContain(OWNER_TAG_KEY);
    await emulator.admin.resetRequestCounts();
    const refused = read(NOTEBOOK, URN, id, undefined, undefined);
    await expect(refused).rejects.toThrow(
      `import notebook "${name}" (${id}): it carries the owner mark of ${owner}: another Pulumi resource manages ` +
        "this notebook",
    );
    await expect(refused).rejects.toThrow(/Nothing was imported or written/);
    await expect(refused).rejects.toThrow(/retainOnDelete: true, then pulumi destroy; or pulumi state delete <urn>/);
    await expect(refused).rejects.toThrow(`adoptId: "${id}" and adoptOwnedBy: "${owner}"`);
    await onlyGets();
    expect(tagsOf(await emulator.admin.getNotebook(id))).toEqual(before);
  }

  // A mark of an earlier version holds the hash alone: the refusal names it as adoptOwnedBy must repeat it.
  const hashOnly = "0123456789abcdef0123456789abcdef";
  const { id } = await create(NOTEBOOK, otherUrn, { ...other, name: "older" }, false);
  await emulator.admin.updateNotebook(id, { tags: [{ key: OWNER_TAG_KEY, value: hashOnly }] });
  await expect(read(NOTEBOOK, URN, id, undefined, undefined)).rejects.toThrow(
    `adoptId: "${id}" and adoptOwnedBy: "${hashOnly}"`,
  );

  // A mark whose value came back empty names nobody, and adoptOwnedBy takes only a named owner (an adoption would
  // be refused too): the refusal says to remove the mark, and offers no adoption.
  await emulator.admin.updateNotebook(id, { tags: [{ key: OWNER_TAG_KEY, value: "" }] });
  const unnamed = read(NOTEBOOK, URN, id, undefined, undefined);
  await expect(unnamed).rejects.toThrow(
    `import notebook "older" (${id}): it carries an owner mark that names no owner`,
  );
  await expect(unnamed).rejects.toThrow(/remove that mark in the console \(a notebook's tag pulumi-modelarts\.owner\)/);
  await expect(unnamed).rejects.not.toThrow(/adoptId/);
});

test("pulumi import of a NotebookInstance that carries another resource's owner mark is refused; nothing is written", async () => {
  const urn = "urn:pulumi:dev::proj::modelarts:index:NotebookInstance::held";
  const program = {
    name: "held-nb",
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/held/" },
  };
  const { inputs } = await check(INSTANCE, urn, {}, program, new Uint8Array(32).fill(7));
  const { id } = await create(INSTANCE, urn, inputs, false);
  const before = await emulator.admin.getInstance(id);
  await emulator.admin.resetRequestCounts();
  const importUrn = "urn:pulumi:other::proj::modelarts:index:NotebookInstance::taken";
  const refused = read(INSTANCE, importUrn, id, undefined, undefined);
  await expect(refused).rejects.toThrow(
    `import notebook instance "held-nb" (${id}): it carries the owner mark of proj/dev/held: another Pulumi ` +
      "resource manages this notebook instance",
  );
  await expect(refused).rejects.toThrow(`adoptId: "${id}" and adoptOwnedBy: "proj/dev/held"`);
  await onlyGets();
  expect(await emulator.admin.getInstance(id)).toEqual(before);
});

test("a refresh of a resource's own marked notebook, and a .get of it (the program's state as inputs, none), read it as before", async () => {
  const { inputs } = await check(NOTEBOOK, URN, {}, declared, new Uint8Array(32).fill(1));
  const { id, properties } = await create(NOTEBOOK, URN, inputs, false);
  const refreshed = await read(NOTEBOOK, URN, id, properties, inputs);
  expect(refreshed).toMatchObject({ id, properties: { notebookId: id, __ownerKey: "proj/dev/nb" } });
  // A .get from another stack: the engine sends the program's state as properties and inputs, here an empty set.
  const getUrn = "urn:pulumi:prod::proj::modelarts:index:Notebook::lookedUp";
  expect(await read(NOTEBOOK, getUrn, id, {}, {})).toMatchObject({ id, properties: { notebookId: id } });
});

/** The plugin's Read RPC as the engine sends it, through the wire: `inputs` absent (import) or an empty set (.get). */
function readRpc(id: string, inputs: Record<string, unknown> | undefined): Promise<{ getId(): string }> {
  const { provider, struct } = protoStubs();
  const message = new provider.ReadRequest();
  message.setUrn(URN);
  message.setType(NOTEBOOK);
  message.setId(id);
  message.setProperties(struct.Struct.fromJavaScript({}));
  if (inputs !== undefined) message.setInputs(struct.Struct.fromJavaScript(inputs));
  const request = provider.ReadRequest.deserializeBinary(message.serializeBinary());
  const service = resourceProviderService() as Record<
    string,
    (c: unknown, cb: (e: unknown, r?: unknown) => void) => void
  >;
  return new Promise((resolve, reject) =>
    service.read!({ request }, (err, response) =>
      err ? reject(new Error((err as { details: string }).details)) : resolve(response as { getId(): string }),
    ),
  );
}

test("through the RPC: a Read without inputs (the engine's import) is refused for a marked notebook, one with an empty set of inputs (a .get) is not", async () => {
  const { inputs } = await check(NOTEBOOK, URN, {}, declared, new Uint8Array(32).fill(2));
  const { id } = await create(NOTEBOOK, URN, inputs, false);
  await expect(readRpc(id, undefined)).rejects.toThrow(/it carries the owner mark of proj\/dev\/nb/);
  expect((await readRpc(id, {})).getId()).toBe(id);
});

test("new timeouts alone are an in-place change in the detailed diff, recorded in state by an update that only reads", async () => {
  const urn = "urn:pulumi:dev::proj::modelarts:index:Notebook::timed";
  const { inputs } = await check(NOTEBOOK, urn, undefined, declared);
  const { id, properties } = await create(NOTEBOOK, urn, inputs, false);
  const news = (await check(NOTEBOOK, urn, inputs, { ...declared, timeouts: { delete: "7m" } })).inputs;
  expect(await diff(NOTEBOOK, urn, id, properties, news)).toMatchObject({
    changes: true,
    replaces: [],
    // Added in place (none were declared before), not ADD_REPLACE.
    detailedDiff: { timeouts: "ADD" },
  });
  await emulator.admin.resetRequestCounts();
  expect(await update(NOTEBOOK, urn, id, properties, news, false)).toEqual({
    ...properties,
    timeouts: { delete: "7m" },
  });
  const requests = Object.keys((await emulator.admin.requestCounts()).byRoute);
  expect(requests.filter((route) => !route.startsWith("GET "))).toEqual([]);
});

test("a mount made as OBS and imported (the service reports OBSFS) diffs equal to the program's OBS: no replacement", async () => {
  const notebookUrn = "urn:pulumi:dev::proj::modelarts:index:Notebook::mounted";
  const { inputs } = await check(NOTEBOOK, notebookUrn, undefined, declared);
  const { id: notebookId } = await create(NOTEBOOK, notebookUrn, inputs, false);
  const mountUrn = "urn:pulumi:dev::proj::modelarts:index:NotebookStorageMount::data";
  const program = { notebookId, category: "OBS", uri: "obs://bucket/data/", mountPath: "/data/data/" };
  const made = await check(MOUNT, mountUrn, {}, program);
  const { id } = await create(MOUNT, mountUrn, made.inputs, false);
  // The mount is marked (some NotebookStorageMount declares this path and uri), and its import is not refused for
  // that: the mark names no owner, stays after a stack lets the mount go, and `adoptId` takes a marked mount too.
  const marks = tagsOf(await emulator.admin.getNotebook(notebookId)).filter((t) => isMountMarkKey(t.key));
  expect(marks).toHaveLength(1);
  const imported = await read(MOUNT, mountUrn, `${notebookId}/${id}`, undefined, undefined);
  expect(imported).toMatchObject({ id, inputs: { category: "OBSFS" }, properties: { category: "OBSFS" } });
  const checked = await check(MOUNT, mountUrn, imported.inputs, program);
  expect(checked.failures).toEqual([]);
  expect(await diff(MOUNT, mountUrn, id, imported.properties!, checked.inputs)).toMatchObject({
    changes: false,
    replaces: [],
    detailedDiff: {},
  });
});

test("a create that made its notebook and then failed is recorded with it (id, outputs with no internal key but the owner mark)", async () => {
  await emulator.admin.failNextNotebookCreates({ count: 1 });
  const { inputs } = await check(NOTEBOOK, URN, undefined, declared);
  const failure = await create(NOTEBOOK, URN, inputs, false).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(failure).toBeInstanceOf(ResourceInitFailed);
  const { cause, properties } = failure as ResourceInitFailed;
  expect(cause.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(properties).toMatchObject({ notebookId: cause.id, status: "CREATE_FAILED", __ownerKey: "proj/dev/nb" });
  expect(Object.keys(properties).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey"]);
});
