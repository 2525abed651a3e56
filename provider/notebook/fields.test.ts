/** The Notebook catalogue, schema.json and the SDK agree (see notebookInstance/fields.test.ts). */
import schema from "../../schema.json";
import type { Notebook, NotebookArgs } from "../../sdk/Notebook.js";
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

test("the SDK registers every input and every reported output", () => {
  expect([...OUTPUT_NAMES].sort()).toEqual([...Object.keys(INPUT_FIELDS), ...REPORTED_OUTPUTS].sort());
  expect(new Set(OUTPUT_NAMES).size).toBe(OUTPUT_NAMES.length);
});
