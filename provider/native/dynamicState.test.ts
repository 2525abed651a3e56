/**
 * A state the dynamic classes wrote, met by the native verbs after the stack moved to the native types (the
 * schema's aliases): the same notebook's check, diff and refresh under the native type token, in-process against
 * the emulator. Nothing is written to the API, the notebook keeps its name and its owner mark, and no internal key
 * but that mark goes back to the engine. And the import ids the native provider reads (importIds.ts).
 */
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { pointProviderAt } from "../../test/support/providerOnEmulator.js";
import { setProgressSink } from "../frame/progress.js";
import { notebookProvider } from "../notebook/notebookProvider.js";
import { ownerMarkOf } from "../frame/ownerMark.js";
import { tagIsMark, OWNER_TAG_KEY } from "../notebook/ownerTag.js";
import { dynamicTypeOf } from "./dynamicTypes.js";
import { importTarget } from "./importIds.js";
import { check, diff, read } from "./resourceHandlers.js";

const NOTEBOOK = "modelarts:index:Notebook";
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const WRITES = /^(POST|PUT|PATCH|DELETE) /;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.001 });
  pointProviderAt(emulator);
  setProgressSink(() => {});
});
afterAll(() => emulator.close());
beforeEach(() => emulator.admin.reset());

const declared = {
  flavor: "modelarts.vm.cpu.2u",
  imageId: IMAGE,
  description: "made by the dynamic class",
  volume: { category: "EVS", capacityGb: 10 },
  autoStop: { enabled: true, durationSeconds: 7200 },
};

/**
 * What `new Notebook(name, declared)` of the dynamic SDK leaves in state: its check and create run with the
 * internal inputs the SDK class adds (sdk/dynamicResourceProps.ts), and the host adds `__provider` to both.
 */
async function dynamicState(
  name: string,
): Promise<{ id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }> {
  const internal = {
    namePrefix: name,
    __ownerKey: `proj/dev/${name}`,
    // The owner mark's random part, made by the SDK class in `pulumi up`.
    __ownerNonce: "0123456789abcdef",
    __urn: `urn:pulumi:dev::proj::${dynamicTypeOf("Notebook")}::${name}`,
  };
  const checked = await notebookProvider.check({}, { ...declared, ...internal });
  expect(checked.failures).toEqual([]);
  const { id, outs } = await notebookProvider.create(checked.inputs);
  const provider = "exports.handler = __f0; /* the serialized shim */";
  return { id, inputs: { ...checked.inputs, __provider: provider }, outputs: { ...outs, __provider: provider } };
}

async function writesSince(): Promise<Record<string, number>> {
  const { byRoute } = await emulator.admin.requestCounts();
  return Object.fromEntries(Object.entries(byRoute).filter(([route]) => WRITES.test(route)));
}

test("the same notebook under the native type: check keeps every input, diff finds nothing, no API write", async () => {
  const state = await dynamicState("dev");
  await emulator.admin.resetRequestCounts();
  const urn = `urn:pulumi:dev::proj::${NOTEBOOK}::dev`;

  const { inputs, failures } = await check(NOTEBOOK, urn, state.inputs, declared);
  expect(failures).toEqual([]);
  // Every input as the dynamic provider checked it, the owner mark included; not the dynamic host's own keys.
  const { __provider: _p, __urn: _u, ...dynamicInputs } = state.inputs;
  expect(inputs).toEqual(dynamicInputs);
  expect(inputs).toMatchObject({ __ownerKey: "proj/dev/dev", __ownerNonce: "0123456789abcdef" });

  const answer = await diff(NOTEBOOK, urn, state.id, state.outputs, inputs);
  expect(answer).toMatchObject({ changes: false, replaces: [], diffs: [] });

  // A refresh after the move rewrites the state without the dynamic host's keys, the owner mark kept.
  const refreshed = await read(NOTEBOOK, urn, state.id, state.outputs, state.inputs);
  expect(refreshed.id).toBe(state.id);
  for (const props of [refreshed.properties, refreshed.inputs]) {
    expect(Object.keys(props ?? {}).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey", "__ownerNonce"]);
    expect(props).toMatchObject({ __ownerKey: "proj/dev/dev", __ownerNonce: "0123456789abcdef" });
  }
  expect(await writesSince()).toEqual({});

  // The notebook carries the mark the state keeps: it is still recognised as this resource's.
  const live = await emulator.admin.getNotebook(state.id);
  const tags = live.tags as { key: string; value?: string }[] | undefined;
  const tag = tags?.find((t) => t.key === OWNER_TAG_KEY);
  expect(tagIsMark(String(tag?.value), ownerMarkOf(inputs as object, undefined))).toBe(true);
});

test("renamed in the same move (an alias with the old name): the generated name keeps its 7 characters, which the recorded owner mark made", async () => {
  const state = await dynamicState("old");
  const suffix = String(state.inputs.name).slice("old-".length);
  const urn = `urn:pulumi:dev::proj::${NOTEBOOK}::new`;
  const { inputs, failures } = await check(NOTEBOOK, urn, state.inputs, declared);
  expect(failures).toEqual([]);
  // The prefix follows the new resource name (a rename in place); the characters that mark it as ours do not change.
  expect(inputs.name).toBe(`new-${suffix}`);
});

test("a program's own owner mark is not taken, only a stored state's or check's own: a new resource's comes from the URN and the engine's seed", async () => {
  const urn = `urn:pulumi:dev::proj::${NOTEBOOK}::dev`;
  const seed = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
  const mine = await check(NOTEBOOK, urn, undefined, declared, seed);
  expect(Object.keys(mine.inputs).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey", "__ownerNonce"]);
  expect(mine.inputs).toMatchObject({ __ownerKey: "proj/dev/dev", __ownerNonce: "0102030405060708" });
  const claimed = await check(
    NOTEBOOK,
    urn,
    undefined,
    { ...declared, __ownerKey: "other/stack/theirs", __ownerNonce: "fedcba9876543210" },
    seed,
  );
  expect(claimed.inputs).toEqual(mine.inputs);
});

test("import ids: a mount's is <notebookId>/<storageId>; other resources' are the object's own", () => {
  expect(importTarget("NotebookStorageMount", "nb-id/st-id")).toEqual({ id: "st-id", props: { notebookId: "nb-id" } });
  for (const bad of ["st-id", "nb-id/", "/st-id", "a/b/c"]) {
    expect(() => importTarget("NotebookStorageMount", bad)).toThrow(
      /the id must be <notebookId>\/<storageId>: a mount's id alone does not say which notebook it is on/,
    );
  }
  expect(importTarget("Notebook", "nb-id")).toEqual({ id: "nb-id", props: {} });
  expect(importTarget("NotebookInstance", "in-id")).toEqual({ id: "in-id", props: {} });
});
