import schema from "../../schema.json";

/** `$id` of schema.json; `${SCHEMA_ID}#/$defs/<Name>` addresses one definition. */
export const SCHEMA_ID: string = schema.$id;

/**
 * The schema.json object, the one copy in the process: what Ajv compiles (ajvInstance.ts), so ajv errors'
 * `parentSchema` values point into it, and what the tolerant reader walks. Kept apart from Ajv so that reading
 * answers (a program's lookups, the provider's clients) never loads Ajv.
 */
export function getSchemaDocument(): typeof schema {
  return schema;
}
