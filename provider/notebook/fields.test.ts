/**
 * The Notebook catalogue and check against schema.json, the source of the shapes: what is not generated from it
 * (the types and the SDK's are; see scripts/generate/).
 */
import schema from "../../schema.json";
import { Notebook } from "../../sdk/Notebook.js";
import { recordRegistrations, untilRegistered } from "../../test/support/pulumiMocks.js";
import { schemaDefaults, valueAt, without } from "../../test/support/schemaDefaults.js";
import { outputsOf } from "../../test/support/sdkOutputs.js";
import { checkInputs } from "../frame/resourceVerbs.js";
import { INPUT_FIELDS, REPORTED_OUTPUTS } from "./fields.js";
import { notebookProvider } from "./notebookProvider.js";

const inputs = Object.keys(schema.$defs.NotebookInputs.properties);

test("the catalogue has exactly one entry per input of schema.json's NotebookInputs", () => {
  expect(Object.keys(INPUT_FIELDS).sort()).toEqual([...inputs].sort());
});

test("the reported outputs are schema.json's NotebookOutputs but the inputs", () => {
  const outputs = Object.keys(schema.$defs.NotebookOutputs.properties);
  expect([...REPORTED_OUTPUTS].sort()).toEqual(outputs.filter((name) => !inputs.includes(name)).sort());
});

test("a constructed Notebook has an Output for each input and each output its generated interface declares, and no other", async () => {
  recordRegistrations();
  const resource = new Notebook("outputs", {
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    volume: { category: "EVS" },
  });
  await untilRegistered(resource);
  const outputs = Object.keys(schema.$defs.NotebookOutputs.properties);
  expect(outputsOf(resource)).toEqual([...new Set([...inputs, ...outputs])].sort());
});

const declared = {
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  volume: { category: "EVS" },
};

test.each(schemaDefaults("NotebookInputs").map((d) => [d.path.join("."), d]))(
  "check fills in schema.json's default of %s",
  (_path, { path, value }) => {
    const { inputs: checked, failures } = checkInputs(notebookProvider.definition, undefined, without(declared, path));
    expect(failures).toEqual([]);
    expect(valueAt(checked, path)).toEqual(value);
  },
);
