import Ajv2020 from "ajv/dist/2020";
import { getAjv } from "./ajvInstance.js";
import { getValidator } from "./validators.js";
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

  it("does not compile the draft 2020-12 meta-schema: schema.json is checked against it here, not at run time", () => {
    getValidator("NotebookInstanceInputs");
    const meta = getAjv().schemas["https://json-schema.org/draft/2020-12/schema"];
    expect(meta).toBeDefined();
    expect(meta?.validate).toBeUndefined();
  });
});

describe("schema.json", () => {
  it("is valid against the draft 2020-12 meta-schema, with the keywords of getAjv", () => {
    const checker = new Ajv2020({ strict: true, allowUnionTypes: true, strictRequired: false })
      .addKeyword({ keyword: "x-acted-on", schemaType: "boolean" })
      .addKeyword({ keyword: "x-ts-type", schemaType: "string" });
    const valid = checker.validateSchema(getSchemaDocument());
    expect(checker.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
