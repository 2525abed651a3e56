import Ajv2020 from "ajv/dist/2020";
import { _Code } from "ajv/dist/compile/codegen/code";
import standaloneCode from "ajv/dist/standalone";
import { newAjv } from "./ajvInstance.js";
import { getSchemaDocument, SCHEMA_ID } from "./schemaDocument.js";

/** The `$defs` entries a check validates (each resource's `<type>Inputs`, with the parts they share). */
export function precompiledDefNames(): string[] {
  return Object.keys(getSchemaDocument().$defs).filter((name) => name.endsWith("Inputs"));
}

/**
 * The source of a CommonJS module exporting the validators of {@link precompiledDefNames}, as Ajv's standalone code
 * generation writes them (https://ajv.js.org/standalone.html), for the build to write beside validators.js
 * (writeInputValidators.ts): loading them costs a few ms, where loading Ajv and compiling them cost the provider
 * host's first check over 100 ms. Ajv would write each schema node a validator names into the code as a copy; here
 * each is the node of the schema.json the process loads (`require(schemaPath)`), so an error's `parentSchema` is
 * the very object it is with Ajv at run time, which toCheckFailures matches its wording by.
 */
export function inputValidatorsCode(schemaPath: string): string {
  const ajv = newAjv(Ajv2020, { code: { source: true } });
  const refs = Object.fromEntries(precompiledDefNames().map((name) => [name, `${SCHEMA_ID}#/$defs/${name}`]));
  // Compiled first, so that every schema node the validators use is in Ajv's scope before it is renamed below.
  for (const ref of Object.values(refs)) ajv.getSchema(ref);
  const paths = nodePaths(getSchemaDocument());
  const scope = ajv.scope as unknown as {
    _values: { schema?: Map<unknown, { value?: { ref: unknown; code?: unknown } }> };
  };
  for (const name of scope._values.schema?.values() ?? []) {
    const path = name.value === undefined ? undefined : paths.get(name.value.ref);
    if (name.value === undefined || path === undefined) {
      throw new Error("precompiled validators: a schema node Ajv uses is not a node of schema.json");
    }
    name.value.code = new _Code(`schemaDocument${path}`);
  }
  return `${standaloneCode(ajv, refs).replace(
    /^"use strict";/,
    `"use strict";const schemaDocument = require(${JSON.stringify(schemaPath)});`,
  )}\n`;
}

/** Every object of a JSON document, with its path as a property access: `["$defs"]["Name"]["properties"]`. */
function nodePaths(document: object): Map<unknown, string> {
  const paths = new Map<unknown, string>();
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== "object") return;
    paths.set(node, path);
    for (const [key, child] of Object.entries(node)) walk(child, `${path}[${JSON.stringify(key)}]`);
  };
  walk(document, "");
  return paths;
}
