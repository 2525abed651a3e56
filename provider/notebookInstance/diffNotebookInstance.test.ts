import fc from "fast-check";
import { INSTANCE_INPUTS } from "../../test/support/inputFixtures.js";
import { changesOf } from "../frame/resourceVerbs.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";

/** The one diff engine on the NotebookInstance catalogue, as the dynamic provider answers it (and its updates). */
function diffNotebookInstance(olds: object, news: object) {
  const { changes, replaces, updates, deleteBeforeReplace } = changesOf(
    notebookInstanceProvider.definition,
    olds,
    news,
  );
  return { changes, replaces, updates, deleteBeforeReplace };
}

const declared = INSTANCE_INPUTS;

/** Stored outputs: the inputs as applied plus what the service reported. */
const stored = {
  ...declared,
  instanceId: "DE-1",
  status: "RUNNING",
  url: "https://x/y",
  profile: { id: "efa847c0-7359-11eb-b34f-0255ac100057", name: "Multi-Engine 2.0" },
  creationTimestamp: "2021-03-02T07:12:34.682Z",
  latestUpdateTimestamp: "2021-03-02T07:12:34.682Z",
  __provider: "exports.handler = ...",
};

test("same inputs: no changes, whatever the service reported", () => {
  expect(diffNotebookInstance(stored, { ...declared, __provider: "a different provider text" })).toEqual({
    changes: false,
    replaces: [],
    updates: [],
    deleteBeforeReplace: true,
  });
});

test.each([
  ["flavor", { flavor: "modelarts.vm.cpu.8u" }],
  ["profileId", { profileId: "Multi-Engine 1.0 (python3)-cpu" }],
  ["storage", { storage: { type: "obs", path: "/bucket/other/" } }],
  ["extendStorage", { extendStorage: [{ type: "obsfs", path: "/fs/" }] }],
  ["workspaceId", { workspaceId: "ws-1" }],
  ["pool", { pool: { id: "pool-1" } }],
  ["aiProjectId", { aiProjectId: "proj" }],
  ["annotations", { annotations: { team: "ml" } }],
  ["name", { name: "dev2" }],
])("a change of %s replaces", (field, change) => {
  const diff = diffNotebookInstance(stored, { ...declared, ...change });
  expect(diff.changes).toBe(true);
  expect(diff.replaces).toEqual([field]);
});

test("a replacement deletes first, unless the name changes", () => {
  expect(diffNotebookInstance(stored, { ...declared, flavor: "f2" }).deleteBeforeReplace).toBe(true);
  // A generated name is kept by a targeted `pulumi up --replace`: deleting first avoids a name collision.
  const generated = { ...stored, namePrefix: "dev" };
  expect(diffNotebookInstance(generated, { ...declared, namePrefix: "dev", flavor: "f2" }).deleteBeforeReplace).toBe(
    true,
  );
  expect(diffNotebookInstance(stored, { ...declared, name: "dev2", flavor: "f2" }).deleteBeforeReplace).toBe(false);
});

test.each([
  ["description", { description: "new" }],
  ["autoStop", { autoStop: { enabled: true, durationSeconds: 7200, prompt: true } }],
  ["autoStop", { autoStop: { enabled: false, prompt: true } }],
  ["autoStop", { autoStop: { enabled: true, durationSeconds: 3600, prompt: false } }],
  ["desiredStatus", { desiredStatus: "STOPPED" }],
])("a change of %s updates in place", (field, change) => {
  const diff = diffNotebookInstance(stored, { ...declared, ...change });
  expect(diff).toMatchObject({ changes: true, replaces: [], updates: [field] });
});

test("quiet: server defaults, absent vs empty, a disabled auto-stop's duration, adoptId", () => {
  const noAutoStop = { ...stored, autoStop: { enabled: false, durationSeconds: 3600, prompt: true } };
  const cases: Record<string, unknown>[] = [
    { ...declared, adoptId: "DE-2" },
    { ...declared, annotations: {} },
    { ...declared, extendStorage: [] },
  ];
  for (const news of cases) expect(diffNotebookInstance(stored, news).changes).toBe(false);
  expect(diffNotebookInstance(noAutoStop, { ...declared, autoStop: { enabled: false } }).changes).toBe(false);
  expect(diffNotebookInstance({ ...stored, description: undefined }, { ...declared, description: "" }).changes).toBe(
    false,
  );
});

test("new timeouts are an update that records them (nothing is sent for them)", () => {
  const diff = diffNotebookInstance(stored, { ...declared, timeouts: { create: "1h" } });
  expect(diff).toMatchObject({ changes: true, replaces: [], updates: ["timeouts"] });
  expect(
    changesOf(notebookInstanceProvider.definition, stored, { ...declared, timeouts: { create: "1h" } }).sends(
      "timeouts",
    ),
  ).toBe(false);
});

test("an instance whose create failed is replaced by the next up", () => {
  const failed = { ...stored, status: "CREATE_FAILED" };
  expect(diffNotebookInstance(failed, declared)).toMatchObject({
    changes: true,
    replaces: ["status"],
    deleteBeforeReplace: true,
  });
  expect(diffNotebookInstance({ ...stored, status: "START_FAILED" }, declared).changes).toBe(false);
});

test("an auto-stop is not drift without desiredStatus, and is with it", () => {
  const stopped = { ...stored, status: "STOPPED" };
  expect(diffNotebookInstance(stopped, declared).changes).toBe(false);
  const managed = { ...stopped, desiredStatus: "RUNNING" };
  expect(diffNotebookInstance(managed, { ...declared, desiredStatus: "RUNNING" }).updates).toEqual(["desiredStatus"]);
  const starting = { ...stored, status: "STARTING", desiredStatus: "RUNNING" };
  expect(diffNotebookInstance(starting, { ...declared, desiredStatus: "RUNNING" }).changes).toBe(false);
});

test("unknown values during preview count as changes of their field", () => {
  expect(diffNotebookInstance(stored, { ...declared, flavor: UNKNOWN }).replaces).toEqual(["flavor"]);
  expect(diffNotebookInstance(stored, { ...declared, description: UNKNOWN }).updates).toEqual(["description"]);
  expect(diffNotebookInstance(stored, { ...declared, autoStop: UNKNOWN }).updates).toEqual(["autoStop"]);
});

test("property: a diff of inputs against themselves never changes anything", () => {
  const inputs = fc.record({
    name: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    profileId: fc.string({ minLength: 1 }),
    flavor: fc.string({ minLength: 1 }),
    description: fc.string(),
    storage: fc.record({ type: fc.constant("obs"), path: fc.string() }),
    autoStop: fc.record({
      enabled: fc.boolean(),
      durationSeconds: fc.integer({ min: 3600, max: 86400 }),
      prompt: fc.boolean(),
    }),
    workspaceId: fc.string({ minLength: 1 }),
    annotations: fc.option(fc.dictionary(fc.string(), fc.string()), { nil: undefined }),
  });
  fc.assert(
    fc.property(inputs, fc.constantFrom("RUNNING", "STOPPED", "CREATING"), (value, status) => {
      const diff = diffNotebookInstance({ ...value, status, instanceId: "DE-x" }, { ...value });
      return diff.changes === false && diff.replaces.length === 0;
    }),
  );
});
