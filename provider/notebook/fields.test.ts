/** The Notebook catalogue, schema.json and the SDK agree (see notebookInstance/fields.test.ts). */
import schema from "../../schema.json";
import * as path from "node:path";
import { Notebook, type NotebookArgs } from "../../sdk/Notebook.js";
import { recordRegistrations, untilRegistered } from "../../test/support/pulumiMocks.js";
import { declaredOutputs, missingOutputs } from "../../test/support/sdkOutputs.js";
import { INPUT_FIELDS, OUTPUT_NAMES, REPORTED_OUTPUTS } from "./fields.js";
import type { NotebookOutputs } from "./types.js";

type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
const argsMatchCatalogue: Same<keyof NotebookArgs, keyof typeof INPUT_FIELDS> = true;
const outputsAreProperties: [Exclude<keyof NotebookArgs | (typeof REPORTED_OUTPUTS)[number], keyof Notebook>] extends [
  never,
]
  ? true
  : false = true;
const reportedMatchTypes: Same<
  Exclude<keyof NotebookOutputs, keyof NotebookArgs | `__${string}`>,
  (typeof REPORTED_OUTPUTS)[number]
> = true;

test("the compile-time checks above are in force", () => {
  expect([argsMatchCatalogue, outputsAreProperties, reportedMatchTypes]).toEqual([true, true, true]);
});

test("schema.json's NotebookInputs has exactly the catalogue's inputs", () => {
  expect(Object.keys(schema.$defs.NotebookInputs.properties).sort()).toEqual(Object.keys(INPUT_FIELDS).sort());
});

test("the SDK class declares exactly the catalogue's outputs (every input, every reported output), and has each", async () => {
  const declared = declaredOutputs(path.join(__dirname, "../../sdk/Notebook.ts"), "Notebook");
  expect([...declared].sort()).toEqual([...OUTPUT_NAMES].sort());
  expect(new Set(OUTPUT_NAMES).size).toBe(OUTPUT_NAMES.length);
  recordRegistrations();
  const resource = new Notebook("outputs", {
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    volume: { category: "EVS" },
  });
  await untilRegistered(resource);
  expect(missingOutputs(resource, declared)).toEqual([]);
});
