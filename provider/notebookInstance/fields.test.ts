/**
 * The NotebookInstance catalogue and check against schema.json, the source of the shapes: what is not generated
 * from it (the types and the SDK's are; see scripts/generate/). A new input must be in the catalogue, with its change
 * kind, or this fails instead of the field silently missing diff, refresh or the outputs.
 */
import schema from "../../schema.json";
import { NotebookInstance } from "../../sdk/NotebookInstance.js";
import { recordRegistrations, untilRegistered } from "../../test/support/pulumiMocks.js";
import { schemaDefaults, valueAt, without } from "../../test/support/schemaDefaults.js";
import { outputsOf } from "../../test/support/sdkOutputs.js";
import { checkInputs } from "../frame/resourceVerbs.js";
import { INPUT_FIELDS, REPORTED_OUTPUTS } from "./fields.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";

const inputs = Object.keys(schema.$defs.NotebookInstanceInputs.properties);

test("the catalogue has exactly one entry per input of schema.json's NotebookInstanceInputs", () => {
  expect(Object.keys(INPUT_FIELDS).sort()).toEqual([...inputs].sort());
});

test("the reported outputs are schema.json's NotebookInstanceOutputs but the inputs", () => {
  const outputs = Object.keys(schema.$defs.NotebookInstanceOutputs.properties);
  expect([...REPORTED_OUTPUTS].sort()).toEqual(outputs.filter((name) => !inputs.includes(name)).sort());
});

test("a constructed NotebookInstance has an Output for each input and each output its generated interface declares, and no other", async () => {
  recordRegistrations();
  const resource = new NotebookInstance("outputs", {
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/outputs/" },
  });
  await untilRegistered(resource);
  const outputs = Object.keys(schema.$defs.NotebookInstanceOutputs.properties);
  expect(outputsOf(resource)).toEqual([...new Set([...inputs, ...outputs])].sort());
});

const declared = {
  profileId: "Multi-Engine 2.0 (python3)",
  flavor: "modelarts.vm.cpu.2u",
  storage: { path: "/bucket/dir/" },
};

test.each(schemaDefaults("NotebookInstanceInputs").map((d) => [d.path.join("."), d]))(
  "check fills in schema.json's default of %s",
  (_path, { path, value }) => {
    const news = without(declared, path, { autoStop: { enabled: false } });
    const { inputs: checked, failures } = checkInputs(notebookInstanceProvider.definition, undefined, news);
    expect(failures).toEqual([]);
    expect(valueAt(checked, path)).toEqual(value);
  },
);
