import Ajv2020 from "ajv/dist/2020";
import { getAjv } from "./ajvInstance.js";
import { getSchemaDocument, SCHEMA_ID } from "./schemaDocument.js";

describe("getAjv", () => {
  it("returns one draft 2020-12 instance with schema.json added", () => {
    const ajv = getAjv();
    expect(ajv).toBeInstanceOf(Ajv2020);
    expect(getAjv()).toBe(ajv);
    expect(SCHEMA_ID).toBe("https://pulumi-modelarts.local/schema.json");
    expect(ajv.getSchema(SCHEMA_ID)?.schema).toBe(getSchemaDocument());
    expect(ajv.opts.allErrors).toBe(true);
  });
});
