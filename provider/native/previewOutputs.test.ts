import { NOTEBOOK_INPUTS } from "../../test/support/inputFixtures.js";
import { previewCreate, previewUpdate } from "./previewOutputs.js";
import { UNKNOWN_VALUE } from "./propertyValues.js";
import { RESOURCES } from "./registry.js";

const notebook = RESOURCES.get("modelarts:index:Notebook")!;
const mount = RESOURCES.get("modelarts:index:NotebookStorageMount")!;

const inputs = {
  ...NOTEBOOK_INPUTS,
  name: "dev-abc1234",
  namePrefix: "dev",
  description: "first",
  desiredStatus: "RUNNING",
};
const stored = {
  ...inputs,
  notebookId: "7d9a4816-30d2-440a-8f5b-41ab07b56ab3",
  status: "RUNNING",
  url: "https://lab/x",
  failReason: "",
  image: { id: inputs.imageId, name: "img" },
  autoStopAt: "2026-01-01T00:00:00.000Z",
  lease: { enabled: true, durationSeconds: 3600, type: "TIMING", createdAt: "c", updatedAt: "u" },
  volumeStatus: "",
  sshUri: "",
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  mounts: [
    { category: "OBSFS", uri: "obs://bucket/data/", mountPath: "/data/data/", status: "MOUNTED", managed: true },
  ],
};

test("a description change keeps the id and every output it cannot touch known", () => {
  const outputs = previewUpdate(notebook, stored, { ...inputs, description: "second" });
  // The mounts are unknown: the update's GET reads them anew, and a NotebookStorageMount may have changed them
  // since the notebook was last read.
  expect(outputs).toEqual({ ...stored, description: "second", updatedAt: UNKNOWN_VALUE, mounts: UNKNOWN_VALUE });
});

test("a preview without a change keeps the mounts as last read", () => {
  const { changedFields } = notebook;
  expect(changedFields(stored, { ...inputs })).toMatchObject({ replaces: [], updates: [] });
  expect(previewUpdate(notebook, stored, { ...inputs }).mounts).toEqual(stored.mounts);
});

test("a change that stops and starts the notebook leaves its status, URL and lease unknown, not its id", () => {
  const outputs = previewUpdate(notebook, stored, { ...inputs, imageId: "278e88d1-5b71-4766-8502-b3ba72e824d9" });
  for (const name of ["status", "url", "lease", "autoStopAt", "image", "updatedAt"])
    expect(outputs[name]).toBe(UNKNOWN_VALUE);
  expect(outputs.notebookId).toBe(stored.notebookId);
  expect(outputs.createdAt).toBe(stored.createdAt);
});

test("a change that calls no API (timeouts) keeps every output known; a removed input is gone from the outputs", () => {
  const { desiredStatus: _dropped, ...rest } = inputs;
  const outputs = previewUpdate(notebook, stored, { ...rest, timeouts: { update: "30m" } });
  expect(Object.values(outputs)).not.toContain(UNKNOWN_VALUE);
  expect(outputs.desiredStatus).toBeUndefined();
});

test("a create's preview: the inputs, and every reported output unknown", () => {
  const outputs = previewCreate(mount, { notebookId: "n", uri: "obs://b/d/", mountPath: "/data/d/", category: "OBS" });
  expect(outputs).toEqual({
    notebookId: "n",
    uri: "obs://b/d/",
    mountPath: "/data/d/",
    category: "OBS",
    storageId: UNKNOWN_VALUE,
    status: UNKNOWN_VALUE,
    failureReason: UNKNOWN_VALUE,
  });
});
