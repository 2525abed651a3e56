/**
 * The validators the build precompiles (validatorCode.ts) answer exactly as Ajv's, compiled at run time: the same
 * verdict and the same errors, each error's `parentSchema` the very node of schema.json (toCheckFailures matches its
 * wording by it), on each resource's inputs and on variants of them at every depth.
 */
import type { ValidateFunction } from "ajv";
import { INSTANCE_INPUTS, NOTEBOOK_INPUTS } from "../../test/support/inputFixtures.js";
import { getAjv } from "./ajvInstance.js";
import { getSchemaDocument, SCHEMA_ID } from "./schemaDocument.js";
import { inputValidatorsCode, precompiledDefNames } from "./validatorCode.js";

const SCHEMA_PATH = "../../schema.json";

/** The generated module, run as the build's file is, with schema.json the object this process loaded. */
function loadPrecompiled(): Record<string, ValidateFunction> {
  const exports: Record<string, ValidateFunction> = {};
  const load = (id: string): unknown => (id === SCHEMA_PATH ? getSchemaDocument() : jest.requireActual(id));
  new Function("require", "exports", inputValidatorsCode(SCHEMA_PATH))(load, exports);
  return exports;
}

const SAMPLES: Record<string, Record<string, unknown>> = {
  NotebookInstanceInputs: INSTANCE_INPUTS,
  NotebookInputs: NOTEBOOK_INPUTS,
  NotebookStorageMountInputs: {
    notebookId: "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d",
    uri: "obs://my-bucket/datasets/",
    mountPath: "/data/datasets/",
  },
};

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e9,
  "",
  " ",
  "x".repeat(300),
  "a b",
  "../x",
  true,
  [],
  [1],
  {},
  { a: 1 },
];

/** The sample, and variants: each property (at any depth) removed or set to each odd value, and unknown keys. */
function variants(sample: unknown): unknown[] {
  const out: unknown[] = [sample, ...ODD_VALUES];
  if (sample === null || typeof sample !== "object") return out;
  const entries = Object.entries(sample);
  out.push({ ...sample, unknownKey: 1 }, { ...sample, __ownerKey: "k" }, { ...sample, namePrefix: "p" });
  for (const [key, value] of entries) {
    const rest = Object.fromEntries(entries.filter(([k]) => k !== key));
    out.push(rest);
    for (const v of variants(value))
      out.push(Array.isArray(sample) ? Object.values({ ...sample, [key]: v }) : { ...sample, [key]: v });
  }
  return out;
}

const precompiled = loadPrecompiled();

test("every resource's inputs are precompiled", () => {
  expect(Object.keys(precompiled).sort()).toEqual(precompiledDefNames().sort());
  for (const name of Object.keys(SAMPLES)) expect(precompiled).toHaveProperty(name);
});

test.each(Object.keys(SAMPLES))("%s: the same verdicts and errors as Ajv's compiled validator", (name) => {
  const compiled = getAjv().getSchema(`${SCHEMA_ID}#/$defs/${name}`)!;
  const own = precompiled[name]!;
  const inputs = variants(SAMPLES[name]);
  expect(inputs.length).toBeGreaterThan(50);
  let invalid = 0;
  for (const value of inputs) {
    const verdict = compiled(value);
    expect(own(value)).toBe(verdict);
    if (verdict) continue;
    invalid++;
    expect(own.errors).toEqual(compiled.errors);
    own.errors!.forEach((error, i) => expect(error.parentSchema).toBe(compiled.errors![i]!.parentSchema));
  }
  expect(invalid).toBeGreaterThan(30);
});
