import type { Options } from "ajv";
import type Ajv2020 from "ajv/dist/2020";
import { getSchemaDocument } from "./schemaDocument.js";

/**
 * Module-level holder, filled on first use. No guard against Pulumi's closure serializer is needed here: the
 * serialized provider is a shim that imports the installed package at run time (sdk/providerShims.ts), so this
 * module is never captured into `__provider` (the provider-host test checks that `__provider` holds no Ajv).
 */
const holder: { ajv?: Ajv2020 } = {};

/**
 * The one Ajv (draft 2020-12) instance of the process, created on first call with schema.json added; each `$defs`
 * entry is compiled on first use and cached by Ajv.
 */
export function getAjv(): Ajv2020 {
  if (holder.ajv !== undefined) return holder.ajv;
  // Loaded here, at the first validation, rather than with the module: Ajv takes ~45 ms to load, which a provider
  // host that only refreshes or destroys, or a program, never needs. A plain require: this package is CommonJS.
  const { default: Ajv } = require("ajv/dist/2020") as typeof import("ajv/dist/2020");
  holder.ajv = newAjv(Ajv, {});
  return holder.ajv;
}

/**
 * An Ajv with the options and keywords of the provider's, schema.json added: {@link getAjv}'s, and the one that
 * writes the precompiled validators at build time (validatorCode.ts), which must compile alike.
 */
export function newAjv(Ajv: typeof Ajv2020, extra: Options): Ajv2020 {
  return (
    new Ajv({
      allErrors: true,
      // verbose: errors carry `parentSchema` and `data`, which toCheckFailures uses for its wording.
      verbose: true,
      strict: true,
      allowUnionTypes: true,
      // `required` inside anyOf/if/then names properties declared by the enclosing schema.
      strictRequired: false,
      // schema.json is fixed at build time and held to the draft 2020-12 meta-schema by ajvInstance.test.ts:
      // checking it again in every process meant compiling the meta-schema at the host's first check (~85 ms).
      validateSchema: false,
      ...extra,
    })
      // Marks what the provider acts on in an answer shape; read by the tolerant reader (answerShapes.ts), not by Ajv.
      .addKeyword({ keyword: "x-acted-on", schemaType: "boolean" })
      // The TypeScript type of a value where it must differ from what its rules say; read by scripts/generate/.
      .addKeyword({ keyword: "x-ts-type", schemaType: "string" })
      .addSchema(getSchemaDocument())
  );
}
