import fc from "fast-check";
import { UNKNOWN_VALUE } from "./unknownValue.js";
import { same } from "./compareInputs.js";

/** JSON-like inputs as a program declares them: what the engine hands check and diff. */
const input = fc.jsonValue({ maxDepth: 3 });
const object = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), input, { maxKeys: 6 });

/** A deep copy (structuredClone would make it in another realm than the test's, which isDeepStrictEqual tells apart). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
}

/** The same object with its keys in the reverse order, at every depth. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe("alike", () => {
  test.each<[string, unknown, unknown]>([
    ["absent and null", undefined, null],
    ["absent and an empty list", undefined, []],
    ["null and an empty object", null, {}],
    ["an empty object and an empty list", {}, []],
    ["an object whose fields are all absent, and nothing", { a: null, b: [], c: { d: undefined } }, undefined],
    ["keys in another order", { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }],
    ["an absent field and no field", { tags: { team: "ml" }, pool: null }, { tags: { team: "ml" } }],
    ["an unknown and the same unknown", UNKNOWN_VALUE, UNKNOWN_VALUE],
  ])("%s", (_name, a, b) => {
    expect(same(a, b)).toBe(true);
    expect(same(b, a)).toBe(true);
  });
});

describe("different", () => {
  test.each<[string, unknown, unknown]>([
    ['an empty string and absent (diff compares descriptions with ?? "")', "", undefined],
    ["zero and absent", 0, undefined],
    ["false and absent", false, null],
    ["a number and its text", 1, "1"],
    ["lists in another order", ["a", "b"], ["b", "a"]],
    ["a nested value changed", { volume: { category: "EVS" } }, { volume: { category: "EFS" } }],
    ["a field added", { a: 1 }, { a: 1, b: 2 }],
    ["an unknown and absent (preview: the field may change)", UNKNOWN_VALUE, undefined],
    ["an unknown and a value", "x", UNKNOWN_VALUE],
  ])("%s", (_name, a, b) => {
    expect(same(a, b)).toBe(false);
    expect(same(b, a)).toBe(false);
  });
});

describe("properties", () => {
  test("every input is alike to itself, to a copy and to its keys in another order", () => {
    fc.assert(
      fc.property(input, (value) => {
        expect(same(value, value)).toBe(true);
        expect(same(value, copy(value))).toBe(true);
        expect(same(value, reversed(value))).toBe(true);
      }),
    );
  });

  test("alike is symmetric", () => {
    fc.assert(fc.property(input, input, (a, b) => expect(same(a, b)).toBe(same(b, a))));
  });

  test("fields that are absent, null or empty change nothing", () => {
    const empty = fc.constantFrom(undefined, null, [], {});
    fc.assert(
      fc.property(object, fc.string({ minLength: 1 }), empty, (value, key, nothing) => {
        fc.pre(!(key in value));
        expect(same(value, { ...value, [key]: nothing })).toBe(true);
      }),
    );
  });

  test("a changed text at any key is a change", () => {
    fc.assert(
      fc.property(object, fc.string({ minLength: 1 }), fc.string(), (value, key, text) => {
        expect(same({ ...value, [key]: text }, { ...value, [key]: `${text}!` })).toBe(false);
      }),
    );
  });
});
