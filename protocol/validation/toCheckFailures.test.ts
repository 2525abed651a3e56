import Ajv2020 from "ajv/dist/2020";
import { toCheckFailures } from "./toCheckFailures.js";

// A private Ajv for schemas that are not in schema.json; production code uses getAjv().
function errorsOf(schema: object, data: unknown, verbose = true) {
  const validate = new Ajv2020({ allErrors: true, verbose, allowUnionTypes: true }).compile(schema);
  expect(validate(data)).toBe(false);
  return validate.errors;
}

describe("toCheckFailures", () => {
  it("returns nothing for no errors", () => {
    expect(toCheckFailures(null)).toEqual([]);
    expect(toCheckFailures(undefined)).toEqual([]);
    expect(toCheckFailures([])).toEqual([]);
  });

  it("writes array indices, identifiers and other keys the way a user would", () => {
    const schema = {
      type: "object",
      properties: {
        list: { type: "array", items: { type: "object", properties: { v: { type: "string" } } } },
        map: { type: "object", additionalProperties: { type: "string" } },
      },
    };
    const data = { list: [{ v: "ok" }, { v: 1 }], map: { "0": 1, "a/b~c": 2, plain: 3 } };
    expect(toCheckFailures(errorsOf(schema, data), data).map((f) => f.property)).toEqual([
      "list[1].v",
      'map["0"]',
      'map["a/b~c"]',
      "map.plain",
    ]);
  });

  it("falls back to ajv's own path tokens without the data", () => {
    const schema = { type: "array", items: { type: "string" } };
    expect(toCheckFailures(errorsOf(schema, ["a", 2]))).toEqual([
      { property: "[1]", reason: "[1] must be a string (got 2)", keyword: "type" },
    ]);
  });

  it("uses the root label for the root value", () => {
    expect(toCheckFailures(errorsOf({ type: "object" }, 3), 3, { rootLabel: "inputs" })).toEqual([
      { property: "", reason: "inputs must be an object (got 3)", keyword: "type" },
    ]);
    expect(toCheckFailures(errorsOf({ type: "object" }, 3), 3)[0]?.reason).toBe("value must be an object (got 3)");
  });

  it("words generic rules", () => {
    const schema = {
      type: "object",
      properties: {
        a: { type: "string", minLength: 3 },
        b: { type: "integer", minimum: 1 },
        c: { type: "integer", exclusiveMaximum: 10 },
        d: { type: "string", pattern: "^x" },
        e: { const: 1 },
        f: { type: "array", maxItems: 1 },
        g: { not: { const: 0 } },
      },
    };
    const data = { a: "ab", b: 0, c: 10, d: "y", e: 2, f: [1, 2], g: 0 };
    expect(toCheckFailures(errorsOf(schema, data), data).map((f) => f.reason)).toEqual([
      "a must be at least 3 characters (got 2)",
      "b must be at least 1 (got 0)",
      "c must be less than 10 (got 10)",
      'd must match the pattern ^x (got "y")',
      "e must be 1 (got 2)",
      "f must have at most 1 entries (got 2)",
      "g must not have this form (got 0)",
    ]);
  });

  it("merges the branches of a failed anyOf into one issue", () => {
    const schema = {
      type: "object",
      properties: { v: { anyOf: [{ type: "string" }, { type: "integer", minimum: 5 }] } },
    };
    const data = { v: 2 };
    expect(toCheckFailures(errorsOf(schema, data), data)).toEqual([
      {
        property: "v",
        reason: "v must satisfy one of: must be a string; or must be at least 5 (got 2)",
        keyword: "anyOf",
      },
    ]);
  });

  it("drops if/then echoes and repeated issues", () => {
    const schema = {
      type: "object",
      properties: { v: { allOf: [{ type: "string" }, { type: "string" }] } },
      if: { properties: { on: { const: true } }, required: ["on"] },
      then: { required: ["v"] },
    };
    expect(toCheckFailures(errorsOf(schema, { on: true }), { on: true })).toEqual([
      { property: "v", reason: "v is required", keyword: "required" },
    ]);
    expect(toCheckFailures(errorsOf(schema, { v: 1 }), { v: 1 })).toEqual([
      { property: "v", reason: "v must be a string (got 1)", keyword: "type" },
    ]);
  });

  it("works without ajv's verbose details, with plainer wording", () => {
    const schema = {
      type: "object",
      properties: { n: { type: "integer", minimum: 3600, maximum: 86400 }, s: { type: "string", maxLength: 2 } },
      additionalProperties: false,
    };
    const data = { n: 1, s: "abc", profile_id: 1 };
    expect(toCheckFailures(errorsOf(schema, data, false), data).map((f) => f.reason)).toEqual([
      "profile_id is not a known property",
      "n must be at least 3600",
      "s must be at most 2 characters",
    ]);
  });
});
