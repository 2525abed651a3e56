import type { Defs, SchemaNode } from "./schemaNodes.js";
import { memberLines, typeOf, type TypeStyle } from "./typeExpressions.js";

const defs: Defs = {
  Named: { type: ["object", "null"], properties: { a: { type: "string" } } },
  Id: { type: "string", pattern: "^x$" },
  Paging: { type: "object", properties: { total: { type: "integer" } } },
};

function style(overrides: Partial<TypeStyle> = {}): TypeStyle {
  return {
    defs,
    nameOf: (name) => `T${name}`,
    nulls: "drop",
    wrap: (type) => type,
    isRequired: (parent, key) => ((parent.required ?? []) as string[]).includes(key),
    docOf: (property) => property.description as string | undefined,
    ...overrides,
  };
}

const type = (node: SchemaNode, s: TypeStyle = style()) => typeOf(node, s).replace(/\s+/g, " ");

test("primitives, enums, consts and lists", () => {
  expect(type({ type: "integer" })).toBe("number");
  expect(type({ type: ["integer", "string"] })).toBe("number | string");
  expect(type({ type: "string", enum: ["A", "B"] })).toBe('"A" | "B"');
  expect(type({ type: "string", const: "obs" })).toBe('"obs"');
  expect(type({ type: "array", items: { enum: ["A", "B"] } })).toBe('("A" | "B")[]');
  expect(type({ type: "array" })).toBe("unknown[]");
  expect(type({})).toBe("unknown");
});

test("null is dropped for answers (the tolerant reader gives no null) and kept for outputs", () => {
  expect(type({ type: ["string", "null"] })).toBe("string");
  expect(type({ type: ["string", "null"] }, style({ nulls: "keep" }))).toBe("string | null");
  expect(type({ $ref: "#/$defs/Named" }, style({ nulls: "keep" }))).toBe("TNamed | null");
});

test("a reference to a named shape uses its name; to a rule, the rule's type", () => {
  expect(type({ $ref: "#/$defs/Named" })).toBe("TNamed");
  expect(type({ $ref: "#/$defs/Id" })).toBe("string");
});

test("objects: maps, properties with their documentation, inclusions, and map values beside properties", () => {
  expect(type({ type: "object", additionalProperties: { type: "string" } })).toBe("Record<string, string>");
  expect(type({ type: ["object", "null"] })).toBe("Record<string, unknown>");
  expect(type({ type: "object", allOf: [{ $ref: "#/$defs/Paging" }] })).toBe("TPaging");
  const node = {
    type: "object",
    required: ["id"],
    properties: { id: { type: "string", description: "The id." }, "a-b": { type: "boolean" } },
    additionalProperties: { type: "string" },
  };
  expect(memberLines(node, style(), 2)).toEqual([
    "  /** The id. */",
    "  id: string;",
    '  "a-b"?: boolean;',
    // a property that may be absent reads as undefined, which the map's values then allow
    "  [key: string]: string | undefined;",
  ]);
});

test("SDK arguments wrap every value, list items and map values too", () => {
  const sdk = style({ wrap: (t) => `pulumi.Input<${t}>` });
  expect(type({ type: "array", items: { type: "string" } }, sdk)).toBe("pulumi.Input<string>[]");
  expect(type({ type: "object", additionalProperties: { type: "string" } }, sdk)).toBe(
    "Record<string, pulumi.Input<string>>",
  );
});

test("x-ts-type overrides the type the rules would give", () => {
  expect(type({ type: "string", enum: ["obs", "evs"], "x-ts-type": "string" })).toBe("string");
});
