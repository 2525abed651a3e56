/** The NotebookStorageMount catalogue, schema.json and the SDK agree (see notebook/fields.test.ts). */
import schema from "../../schema.json";
import * as path from "node:path";
import { NotebookStorageMount, type NotebookStorageMountArgs } from "../../sdk/NotebookStorageMount.js";
import { recordRegistrations, untilRegistered } from "../../test/support/pulumiMocks.js";
import { declaredOutputs, missingOutputs } from "../../test/support/sdkOutputs.js";
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

test("the SDK class declares exactly the catalogue's outputs (every input, every reported output), and has each", async () => {
  const declared = declaredOutputs(path.join(__dirname, "../../sdk/NotebookStorageMount.ts"), "NotebookStorageMount");
  expect([...declared].sort()).toEqual([...OUTPUT_NAMES].sort());
  expect(new Set(OUTPUT_NAMES).size).toBe(OUTPUT_NAMES.length);
  recordRegistrations();
  const resource = new NotebookStorageMount("outputs", {
    notebookId: "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d",
    uri: "obs://bucket/outputs/",
    mountPath: "/data/outputs/",
  });
  await untilRegistered(resource);
  expect(missingOutputs(resource, declared)).toEqual([]);
});
