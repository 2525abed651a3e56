import Ajv2020 from "ajv/dist/2020";
import schema from "../../schema.json";

/** `$id` of schema.json; `${SCHEMA_ID}#/$defs/<Name>` addresses one definition. */
export const SCHEMA_ID: string = schema.$id;

// When a Pulumi closure captures this module by value (a provider loaded from a local path rather than from
// node_modules), a string is written as one literal, while the parsed object would become one statement per node
// (about four times larger in `__provider`). So only the text is captured, and it is parsed on first use.
const SCHEMA_TEXT: string = JSON.stringify(schema);

interface AjvState {
  // Pulumi's closure serializer writes any object with `doNotCapture: true` as `undefined`. If the provider is
  // serialized after validation already ran in the same process, the Ajv instance (which the serializer cannot walk)
  // is dropped instead of breaking `__provider`, and the provider host creates its own on first use.
  readonly doNotCapture: true;
  readonly ajv: Ajv2020;
  readonly document: typeof schema;
}

// Module-level holder, filled on first use; neither the Ajv instance nor the holder is exported.
const holder: { state?: AjvState } = {};

function state(): AjvState {
  if (holder.state === undefined) {
    const document = JSON.parse(SCHEMA_TEXT) as typeof schema;
    const ajv = new Ajv2020({
      allErrors: true,
      // verbose: errors carry `parentSchema` and `data`, which toCheckFailures uses for its wording.
      verbose: true,
      strict: true,
      allowUnionTypes: true,
      // `required` inside anyOf/if/then names properties declared by the enclosing schema.
      strictRequired: false,
    });
    ajv.addSchema(document);
    holder.state = { doNotCapture: true, ajv, document };
  }
  return holder.state;
}

/**
 * The one Ajv (draft 2020-12) instance of the process, created on first call with schema.json added.
 * Callers use it and let go of it; never store it where a Pulumi closure could capture it.
 */
export function getAjv(): Ajv2020 {
  return state().ajv;
}

/** The schema.json object that {@link getAjv} compiled: ajv errors' `parentSchema` values point into it. */
export function getSchemaDocument(): typeof schema {
  return state().document;
}
