/**
 * The NotebookStorageMount catalogue and check against schema.json, the source of the shapes: what is not
 * generated from it (the types and the SDK's are; see scripts/generate/).
 */
import schema from "../../schema.json";
import { NotebookStorageMount } from "../../sdk/NotebookStorageMount.js";
import { recordRegistrations, untilRegistered } from "../../test/support/pulumiMocks.js";
import { schemaDefaults, valueAt, without } from "../../test/support/schemaDefaults.js";
import { outputsOf } from "../../test/support/sdkOutputs.js";
import { checkInputs } from "../frame/resourceVerbs.js";
import { INPUT_FIELDS, REPORTED_OUTPUTS } from "./fields.js";
import { notebookStorageMountProvider } from "./storageMountProvider.js";

const inputs = Object.keys(schema.$defs.NotebookStorageMountInputs.properties);

test("the catalogue has exactly one entry per input of schema.json's NotebookStorageMountInputs", () => {
  expect(Object.keys(INPUT_FIELDS).sort()).toEqual([...inputs].sort());
});

test("every input but the timeouts and adoptId (read at create only) replaces the mount; new timeouts are recorded by an update", () => {
  const rules = Object.fromEntries(Object.entries(INPUT_FIELDS).map(([key, field]) => [key, field.change]));
  expect(rules).toEqual({
    notebookId: "replace",
    category: "replace",
    uri: "replace",
    mountPath: "replace",
    efsId: "replace",
    timeouts: "record",
    adoptId: "none",
  });
});

test("the reported outputs are schema.json's NotebookStorageMountOutputs but the inputs", () => {
  const outputs = Object.keys(schema.$defs.NotebookStorageMountOutputs.properties);
  expect([...REPORTED_OUTPUTS].sort()).toEqual(outputs.filter((name) => !inputs.includes(name)).sort());
});

test("a constructed NotebookStorageMount has an Output for each input and each output its generated interface declares, and no other", async () => {
  recordRegistrations();
  const resource = new NotebookStorageMount("outputs", {
    notebookId: "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d",
    uri: "obs://bucket/outputs/",
    mountPath: "/data/outputs/",
  });
  await untilRegistered(resource);
  const outputs = Object.keys(schema.$defs.NotebookStorageMountOutputs.properties);
  expect(outputsOf(resource)).toEqual([...new Set([...inputs, ...outputs])].sort());
});

const declared = {
  notebookId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  uri: "obs://bucket/dir/",
  mountPath: "/data/dir/",
};

test.each(schemaDefaults("NotebookStorageMountInputs").map((d) => [d.path.join("."), d]))(
  "check fills in schema.json's default of %s",
  (_path, { path, value }) => {
    const { inputs: checked, failures } = checkInputs(
      notebookStorageMountProvider.definition,
      undefined,
      without(declared, path),
    );
    expect(failures).toEqual([]);
    expect(valueAt(checked, path)).toEqual(value);
  },
);
