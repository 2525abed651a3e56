import * as pulumi from "@pulumi/pulumi";
import Ajv2020 from "ajv/dist/2020";
import { getAjv, getSchemaDocument, SCHEMA_ID } from "./ajvInstance.js";
import { validateInputs } from "./validators.js";

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

describe("Pulumi closure serialization", () => {
  // A dynamic provider that validates is serialized into `__provider` by Pulumi's closure serializer. The Ajv
  // instance must never be walked (the serializer fails on it), even when validation already ran in the program.
  const provider = {
    async check(_olds: unknown, news: unknown) {
      return { inputs: news, failures: validateInputs(news, { allowUnknowns: true }) };
    },
  };

  it("serializes a provider that uses validateInputs after the Ajv instance exists, and the copy works", async () => {
    expect(validateInputs({}).length).toBeGreaterThan(0); // the holder is filled now
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { isFactoryFunction: true });

    expect(serialized.text).toContain("{state: undefined}");
    expect(serialized.text.length).toBeLessThan(60_000);

    // With isFactoryFunction the module exports the factory's result, as the dynamic-provider host expects.
    const module = { exports: {} as Record<string, typeof provider> };
    new Function("exports", "module", "require", serialized.text)(module.exports, module, require);
    const copy = module.exports[serialized.exportName]!;
    await expect(copy.check({}, { profileId: "p", flavor: "f", storage: { path: "/bucket" } })).resolves.toEqual({
      inputs: { profileId: "p", flavor: "f", storage: { path: "/bucket" } },
      failures: [
        { property: "storage.path", reason: 'storage.path must end with "/" (got "/bucket")', keyword: "pattern" },
        {
          property: "storage.path",
          reason:
            'storage.path must be a directory inside a bucket such as "/bucket/dir/", not the bucket root (got "/bucket")',
          keyword: "pattern",
        },
      ],
    });
  });
});
