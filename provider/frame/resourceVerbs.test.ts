/**
 * What the frame does alike for every resource, each case against the emulator for all the resources it applies to.
 * Before the frame each resource wrote these itself, and the copies had drifted: a mount's preview passed without
 * credentials, "it no longer exists" was another error for NotebookInstance, refresh dropped the URN of Notebook and
 * NotebookInstance, a NotebookInstance's failure after its create named no input, and a Notebook's generated name
 * without an owner key ignored every nested input.
 */
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { pointProviderAt, useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { forgetRecentListings } from "../api/recentListing.js";
import { ConflictError, OperationError, PartialFailureError } from "../base/errors.js";
import { notebookProvider } from "../notebook/notebookProvider.js";
import { notebookInstanceProvider } from "../notebookInstance/notebookInstanceProvider.js";
import { notebookStorageMountProvider } from "../storageMount/storageMountProvider.js";
import type { AnyDefinition } from "./definition.js";
import type { LineKind } from "./engineLogSink.js";
import { setProgressSink } from "./progress.js";
import { setProviderOverrides } from "./providerContext.js";
import { providerNotebooksClient } from "../../test/support/providerNotebooksClient.js";
import { checkInputs } from "./resourceVerbs.js";

type Props = Record<string, unknown>;
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const PROVIDER_TEXT = "exports.handler = undefined;";

const { emulator } = useProviderOnEmulator({ progress: "drop" });

const urnOf = (type: string, name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/modelarts:${type}::${name}`;

/** A resource as the engine drives it: its provider, what a program declares, and what stands for it outside. */
interface Case {
  type: "Notebook" | "NotebookInstance" | "NotebookStorageMount";
  provider: LooseProvider;
  definition: AnyDefinition;
  declared(name: string): Promise<Props>;
  /** Removes the object outside Pulumi (the console). */
  removeOutside(id: string, outs: Props): Promise<void>;
}

function owned(type: string, name: string): Props {
  return {
    namePrefix: name,
    __ownerKey: `proj/dev/${name}`,
    __ownerNonce: "0123456789abcdef",
    __urn: urnOf(type, name),
    __provider: PROVIDER_TEXT,
  };
}

const notebook: Case = {
  type: "Notebook",
  provider: notebookProvider,
  definition: notebookProvider.definition,
  declared: async (name) => ({
    flavor: "modelarts.vm.cpu.2u",
    imageId: IMAGE,
    volume: { category: "EVS" },
    autoStop: { enabled: false },
    ...owned("Notebook", name),
  }),
  removeOutside: (id) => emulator.admin.deleteNotebook(id),
};

const instance: Case = {
  type: "NotebookInstance",
  provider: notebookInstanceProvider,
  definition: notebookInstanceProvider.definition,
  declared: async (name) => ({
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: `/bucket/${name}/` },
    ...owned("NotebookInstance", name),
  }),
  removeOutside: (id) => emulator.admin.deleteInstance(id),
};

const mount: Case = {
  type: "NotebookStorageMount",
  provider: notebookStorageMountProvider,
  definition: notebookStorageMountProvider.definition,
  declared: async (name) => {
    const running = await created(notebook, `${name}-nb`, { desiredStatus: "RUNNING" });
    return {
      notebookId: running.id,
      uri: "obs://my-bucket/datasets/",
      mountPath: "/data/datasets/",
      __urn: urnOf("NotebookStorageMount", name),
      __provider: PROVIDER_TEXT,
    };
  },
  removeOutside: async (id, outs) => {
    await (await providerNotebooksClient()).detachStorage(String(outs.notebookId), id);
  },
};

const checked = (c: Case, olds: Props, news: Props) => checkedBy(c.provider)(olds, news);

async function created(c: Case, name: string, overrides: Props = {}) {
  const inputs = await checked(c, {}, { ...(await c.declared(name)), ...overrides });
  const { id, outs } = await c.provider.create(inputs);
  return { id, outs, inputs };
}

async function failureOf(run: Promise<unknown>): Promise<Error> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

const ALL = [notebook, instance, mount].map((c) => [c.type, c] as const);

test.each(ALL)("%s: pulumi preview fails without credentials, before any API call", async (_type, c) => {
  const declared = c === mount ? { ...(await mount.declared("nb")), notebookId: IMAGE } : await c.declared("nb");
  await emulator.admin.resetRequestCounts();
  setProviderOverrides({ env: {} });
  try {
    const { failures } = await c.provider.check({}, declared);
    expect(failures).toContainEqual({ property: "modelarts", reason: expect.any(String) });
  } finally {
    pointProviderAt(emulator);
  }
  expect((await emulator.admin.requestCounts()).total).toBe(0);
});

test.each(ALL)(
  "%s: an update of what was removed outside Pulumi fails alike, saying how to forget it",
  async (_t, c) => {
    const state = await created(c, "gone");
    await c.removeOutside(state.id, state.outs);
    const err = await failureOf(c.provider.update(state.id, state.outs, state.inputs));
    expect(err).toBeInstanceOf(OperationError);
    expect(err).not.toBeInstanceOf(PartialFailureError);
    expect((err as OperationError).code).toBe("Gone");
    expect(err.cause).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(
      new RegExp(
        `^update (notebook|notebook instance|storage mount) "[^"]+" \\(${state.id}\\): it no longer exists; run ` +
          "`pulumi refresh` to forget it, then `pulumi up` to create it again$",
      ),
    );
  },
);

test.each(ALL)("%s: new timeouts alone preview as an update, which records them and only reads", async (_t, c) => {
  const state = await created(c, "timeouts");
  // As declared: a generated name is not (check makes it again).
  const { name: _generated, ...declared } = state.inputs;
  const news = await checked(c, state.inputs, { ...declared, timeouts: { delete: "7m" } });
  expect(await c.provider.diff(state.id, state.outs, news)).toEqual({
    changes: true,
    replaces: [],
    deleteBeforeReplace: true,
  });
  await emulator.admin.resetRequestCounts();
  const { outs } = await c.provider.update(state.id, state.outs, news);
  const requests = Object.keys((await emulator.admin.requestCounts()).byRoute);
  expect(requests.filter((route) => !route.startsWith("GET "))).toEqual([]);
  // State keeps them (a later delete reads its limit there), and every other output as it was.
  expect(outs).toEqual({ ...state.outs, timeouts: { delete: "7m" } });
  expect((await c.provider.diff(state.id, outs, news)).changes).toBe(false);
});

test.each(ALL)("%s: refresh keeps the URN, so a later destroy's progress lines go to the resource", async (_t, c) => {
  const state = await created(c, "urn");
  const urn = urnOf(c.type, "urn");
  expect(state.outs.__urn).toBe(urn);
  const read = await c.provider.read(state.id, state.outs);
  expect(read.inputs?.__urn).toBe(urn);
  expect(read.props?.__urn).toBe(urn);
});

test.each([
  ["Notebook", notebook, "POST /v1/{project_id}/notebooks/{id}/stop"],
  ["NotebookInstance", instance, "POST /v1/{project_id}/demanager/instances/{instance_id}/action"],
] as const)("%s: a failure after the object is known names the input the service refused", async (_t, c, route) => {
  const inputs = await checked(c, {}, { ...(await c.declared("named")), desiredStatus: "STOPPED" });
  await emulator.admin.injectFault({ route, kind: "status", status: 400, errorCode: "ModelArts.6329", count: 5 });
  const err = await failureOf(c.provider.create(inputs));
  await emulator.admin.clearFaults();
  expect(err).toBeInstanceOf(PartialFailureError);
  expect(err.message).toMatch(
    /^create notebook (instance )?"named-[a-z0-9]{7}" \(.+\): flavor "modelarts\.vm\.cpu\.2u" was refused: /,
  );
  expect(err.message).toContain("ModelArts.6329");
});

test.each([notebook, instance].map((c) => [c.type, c] as const))(
  "%s: an object an interrupted run left is resumed, and said so as a notice",
  async (_t, c) => {
    const inputs = await checked(c, {}, await c.declared("again"));
    // The first run made it and was interrupted before Pulumi recorded it; the next run creates with the same mark.
    const first = await c.provider.create(inputs);
    const lines: { line: string; kind: LineKind }[] = [];
    setProgressSink((line, kind) => lines.push({ line, kind }));
    forgetRecentListings();
    const second = await c.provider.create(inputs);
    expect(second.id).toBe(first.id);
    const resumed = lines.filter(({ line }) => / resuming .*created by an interrupted run\)$/.test(line));
    expect(resumed.map(({ kind }) => kind)).toEqual(["notice"]);
  },
);

test.each([notebook, instance].map((c) => [c.type, c] as const))(
  "%s: without an owner key, every input seeds the generated name, nested ones included, in any key order",
  async (_t, c) => {
    const { __ownerKey: _key, __ownerNonce: _nonce, ...declared } = await c.declared("seed");
    const nested = c === notebook ? "volume" : "storage";
    const value = declared[nested] as Props;
    const name = (news: Props) => checkInputs(c.definition, undefined, news).inputs.name;
    const other = c === notebook ? { ...value, capacityGb: 20 } : { ...value, path: `${String(value.path)}other/` };
    expect(name({ ...declared, [nested]: other })).not.toBe(name(declared));
    const reordered = Object.fromEntries(Object.entries(declared).reverse());
    reordered[nested] = Object.fromEntries(Object.entries(value).reverse());
    expect(name(reordered)).toBe(name(declared));
  },
);
