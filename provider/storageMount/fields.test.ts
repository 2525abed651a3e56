/** The NotebookStorageMount catalogue, schema.json and the SDK agree (see notebook/fields.test.ts). */
import schema from "../../schema.json";
import type { NotebookStorageMount, NotebookStorageMountArgs } from "../../sdk/NotebookStorageMount.js";
import { INPUT_FIELDS, OUTPUT_NAMES, REPORTED_OUTPUTS } from "./fields.js";
import type { StorageMountOutputs } from "./types.js";

type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
const argsMatchCatalogue: Same<keyof NotebookStorageMountArgs, keyof typeof INPUT_FIELDS> = true;
const outputsAreProperties: [
  Exclude<keyof NotebookStorageMountArgs | (typeof REPORTED_OUTPUTS)[number], keyof NotebookStorageMount>,
] extends [never]
  ? true
  : false = true;
const reportedMatchTypes: Same<
  Exclude<keyof StorageMountOutputs, keyof NotebookStorageMountArgs | `__${string}`>,
  (typeof REPORTED_OUTPUTS)[number]
> = true;

test("the compile-time checks above are in force", () => {
  expect([argsMatchCatalogue, outputsAreProperties, reportedMatchTypes]).toEqual([true, true, true]);
});

test("schema.json's NotebookStorageMountInputs has exactly the catalogue's inputs", () => {
  expect(Object.keys(schema.$defs.NotebookStorageMountInputs.properties).sort()).toEqual(
    Object.keys(INPUT_FIELDS).sort(),
  );
});

test("every input but the timeouts and adoptId (read at create only) replaces the mount", () => {
  const rules = Object.fromEntries(Object.entries(INPUT_FIELDS).map(([key, field]) => [key, field.change]));
  expect(rules).toEqual({
    notebookId: "replace",
    category: "replace",
    uri: "replace",
    mountPath: "replace",
    efsId: "replace",
    timeouts: "none",
    adoptId: "none",
  });
});

test("the SDK registers every input and every reported output", () => {
  expect([...OUTPUT_NAMES].sort()).toEqual([...Object.keys(INPUT_FIELDS), ...REPORTED_OUTPUTS].sort());
  expect(new Set(OUTPUT_NAMES).size).toBe(OUTPUT_NAMES.length);
});
