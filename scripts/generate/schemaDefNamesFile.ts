/** `SchemaDefName` (`protocol/validation/schemaDefNames.ts`): the names of schema.json's `$defs`, written out. */
import { header } from "./generatedFile.js";
import type { Defs } from "./schemaNodes.js";

export function schemaDefNamesFile(defs: Defs): string {
  return [
    header("schema.json"),
    "/**",
    " * Names of the `$defs` entries of schema.json. Written out rather than derived from the JSON (`keyof typeof",
    " * schema.$defs`) so that the published .d.ts does not import schema.json, which a program compiled without",
    " * `resolveJsonModule` (the `pulumi new typescript` template) cannot resolve.",
    " */",
    `export type SchemaDefName =\n${Object.keys(defs)
      .map((name) => `  | ${JSON.stringify(name)}`)
      .join("\n")};`,
    "",
  ].join("\n");
}
