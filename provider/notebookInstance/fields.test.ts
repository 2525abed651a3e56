/**
 * The field catalogue, schema.json and the SDK agree: a new input must be added to all three (and to diff's
 * comparator table, which the compiler requires), or this fails instead of the field silently missing diff,
 * refresh or the outputs.
 */
import schema from "../../schema.json";
import * as path from "node:path";
import { NotebookInstance, type NotebookInstanceArgs } from "../../sdk/NotebookInstance.js";
import { recordRegistrations, untilRegistered } from "../../test/support/pulumiMocks.js";
import { declaredOutputs, missingOutputs } from "../../test/support/sdkOutputs.js";
import { INPUT_FIELDS, OUTPUT_NAMES, REPORTED_OUTPUTS } from "./fields.js";
import { INPUT_KEYS } from "./inputKeys.js";
import type { NotebookInstanceOutputs } from "./types.js";

// Compile-time: every SDK argument is in the catalogue and the other way round, and every argument and every
// reported output is an output property of the resource class (`npm run typecheck` checks these).
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
const argsMatchCatalogue: Same<keyof NotebookInstanceArgs, keyof typeof INPUT_FIELDS> = true;
const outputsAreProperties: [
  Exclude<keyof NotebookInstanceArgs | (typeof REPORTED_OUTPUTS)[number], keyof NotebookInstance>,
] extends [never]
  ? true
  : false = true;
const reportedMatchTypes: Same<
  Exclude<keyof NotebookInstanceOutputs, keyof NotebookInstanceArgs | `__${string}`>,
  (typeof REPORTED_OUTPUTS)[number]
> = true;

test("the compile-time checks above are in force", () => {
  expect([argsMatchCatalogue, outputsAreProperties, reportedMatchTypes]).toEqual([true, true, true]);
});

test("schema.json's NotebookInstanceInputs has exactly the catalogue's inputs", () => {
  expect(Object.keys(schema.$defs.NotebookInstanceInputs.properties).sort()).toEqual(Object.keys(INPUT_FIELDS).sort());
});

test("the SDK class declares exactly the catalogue's outputs (every input, every reported output), and has each", async () => {
  const declared = declaredOutputs(path.join(__dirname, "../../sdk/NotebookInstance.ts"), "NotebookInstance");
  expect([...declared].sort()).toEqual([...OUTPUT_NAMES].sort());
  expect(new Set(OUTPUT_NAMES).size).toBe(OUTPUT_NAMES.length);
  recordRegistrations();
  const resource = new NotebookInstance("outputs", {
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/outputs/" },
  });
  await untilRegistered(resource);
  expect(missingOutputs(resource, declared)).toEqual([]);
});

test("refresh reads back every input", () => {
  expect(INPUT_KEYS).toEqual(Object.keys(INPUT_FIELDS));
});
