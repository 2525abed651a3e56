/**
 * Variants of an answer, derived from its schema.json shape (issue 15 point 1's proof): the generator walks the
 * `$defs` of the shape alongside a real answer (a documented sample) and finds every optional field, present or
 * not, at any depth (list entries, nested objects, map entries). Each can be made null, absent, of another JSON type
 * or of another form; unknown fields can be added at every level. Fields the provider acts on (required, or
 * `x-acted-on`) are only ever made null or absent where that is allowed (an acted-on optional field), never of
 * another type: those variants are the ones the reader must refuse, and `actedOnLocations` lists them.
 */
import fc from "fast-check";
import * as shapes from "../../protocol/validation/answerShapes.js";
import type { AnswerShape, SchemaNode } from "../../protocol/validation/answerShapes.js";

export type Path = readonly (string | number)[];
export type Mutation = "null" | "absent" | "otherType" | "otherForm";

export interface Location {
  path: Path;
  node: SchemaNode;
  /** Required: present in every answer; a variant never touches it. */
  required: boolean;
  actedOn: boolean;
  /** Whether the field is in the base answer (a variant may add one that is not). */
  present: boolean;
}

/** Every declared field of every object in the answer (and every map entry), with what it is to the provider. */
export function locations(shape: AnswerShape, answer: unknown): Location[] {
  const found: Location[] = [];
  const walk = (raw: SchemaNode, value: unknown, path: Path): void => {
    const node = shapes.resolveRef(raw);
    if (Array.isArray(value)) {
      if (node.items !== undefined) value.forEach((item, i) => walk(node.items as SchemaNode, item, [...path, i]));
      return;
    }
    if (value === null || typeof value !== "object") return;
    const object = value as Record<string, unknown>;
    const view = shapes.objectView(node);
    // Of `anyOf` required lists (a flavor listing's data or flavors), the one the answer holds is required there.
    const heldBranch = view.requireOneOf.find((keys) =>
      keys.every((k) => object[k] !== undefined && object[k] !== null),
    );
    const required = (key: string) => view.required.has(key) || (heldBranch?.includes(key) ?? false);
    for (const [key, child] of view.properties) {
      const present = key in object;
      found.push({
        path: [...path, key],
        node: child,
        required: required(key),
        actedOn: shapes.isActedOn(child),
        present,
      });
      if (present) walk(child, object[key], [...path, key]);
    }
    if (view.additional) {
      for (const key of Object.keys(object).filter((k) => !view.properties.has(k))) {
        found.push({ path: [...path, key], node: view.additional, required: false, actedOn: false, present: true });
      }
    }
  };
  walk(shapes.defNode(shape), answer, []);
  return found;
}

/** The optional fields a variant may change: every tolerated one, and acted-on ones only to null or absent. */
export function mutableLocations(shape: AnswerShape, answer: unknown): Location[] {
  return locations(shape, answer).filter((l) => !l.required);
}

/** The fields the provider acts on that the answer holds: another type there must refuse the answer. */
export function actedOnLocations(shape: AnswerShape, answer: unknown): Location[] {
  return locations(shape, answer).filter((l) => (l.required || l.actedOn) && l.present);
}

/** The mutations a location allows in an answer the provider must accept. */
export function acceptableMutations(location: Location): Mutation[] {
  if (location.required) return [];
  if (location.actedOn) return ["null", "absent"];
  return hasForm(location.node) ? ["null", "absent", "otherType", "otherForm"] : ["null", "absent", "otherType"];
}

const SAMPLES_BY_TYPE: ReadonlyArray<readonly [string, unknown]> = [
  ["string", "an unexpected string"],
  ["integer", 12345],
  ["boolean", true],
  ["object", { unexpected: "object" }],
  ["array", ["unexpected", 1]],
];

/** A value of a JSON type the node does not allow (a string where a number is declared, and so on). */
export function otherTypeValue(raw: SchemaNode): unknown {
  const types = shapes.typesOf(shapes.resolveRef(raw)) ?? [];
  const allowed = (t: string) => types.includes(t) || (t === "integer" && types.includes("number"));
  const other = SAMPLES_BY_TYPE.find(([type]) => !allowed(type));
  return other === undefined ? undefined : other[1];
}

function hasForm(raw: SchemaNode): boolean {
  const node = shapes.resolveRef(raw);
  return typeof node.pattern === "string" || typeof node.minLength === "number" || typeof node.minimum === "number";
}

/** A value of the declared type but not of the declared form: empty, against the pattern, below the minimum. */
export function otherFormValue(raw: SchemaNode): unknown {
  const node = shapes.resolveRef(raw);
  if (typeof node.minimum === "number") return node.minimum - 1;
  return typeof node.minLength === "number" && node.minLength > 0 ? "" : "\u0000not of the declared form\u0000";
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The answer with one field changed. The path's parents are those of the base answer (they exist). */
export function mutate(answer: unknown, location: Location, mutation: Mutation): unknown {
  const copy = clone(answer);
  let parent = copy as Record<string | number, unknown>;
  for (const step of location.path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const key = location.path[location.path.length - 1]!;
  if (mutation === "absent") delete parent[key];
  else if (mutation === "null") parent[key] = null;
  else if (mutation === "otherType") parent[key] = otherTypeValue(location.node);
  else parent[key] = otherFormValue(location.node);
  return copy;
}

/**
 * Every acceptable field of the answer changed at once: all null, all absent, or all of another type (acted-on
 * ones null then, or kept with `keepActedOn`: for a caller that needs them, such as a lookup that returns an id).
 * Deepest first, so that a parent made null does not hide its children's changes.
 */
export function everyField(
  shape: AnswerShape,
  answer: unknown,
  mutation: Mutation,
  options: { keepActedOn?: boolean } = {},
): unknown {
  const targets = mutableLocations(shape, answer)
    .filter((l) => !(options.keepActedOn && l.actedOn))
    .sort((a, b) => b.path.length - a.path.length);
  let current = answer;
  for (const location of targets) {
    const allowed = acceptableMutations(location);
    const chosen = allowed.includes(mutation) ? mutation : "null";
    if (!stillThere(current, location.path.slice(0, -1))) continue;
    current = mutate(current, location, chosen);
  }
  return current;
}

function stillThere(value: unknown, path: Path): boolean {
  let node = value;
  for (const step of path) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node !== null && typeof node === "object";
}

/** An unknown field at every level of the answer: every object (entries of lists included) gains one. */
export function withUnknownFields(answer: unknown, extra: unknown = { added: "by a newer service", n: null }): unknown {
  const visit = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((v) => visit(v, depth + 1));
    if (value === null || typeof value !== "object") return value;
    const out = Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, visit(v, depth + 1)]),
    );
    out[`unknown_field_${depth}`] = extra;
    return out;
  };
  return visit(answer, 0);
}

/**
 * Random variants: each acceptable field independently kept, null, absent, of another type or form; and, at
 * random, unknown fields at every level.
 */
export function arbitraryVariant(shape: AnswerShape, answer: unknown): fc.Arbitrary<unknown> {
  const targets = mutableLocations(shape, answer).sort((a, b) => b.path.length - a.path.length);
  const choices = targets.map((location) =>
    fc.constantFrom<Mutation | "keep">("keep", ...acceptableMutations(location)),
  );
  return fc.tuple(fc.tuple(...choices), fc.boolean()).map(([picked, unknown]) => {
    let current = answer;
    targets.forEach((location, i) => {
      const choice = picked[i]!;
      if (choice === "keep" || !stillThere(current, location.path.slice(0, -1))) return;
      current = mutate(current, location, choice);
    });
    return unknown ? withUnknownFields(current) : current;
  });
}

/**
 * Where a value read by the provider breaks the promise of the tolerant reader: a declared field that is null, or
 * not of its declared type and form. Empty for a well-typed value.
 */
export function illTyped(shape: AnswerShape, value: unknown): string[] {
  const found: string[] = [];
  const check = (raw: SchemaNode, v: unknown, path: string): void => {
    const node = shapes.resolveRef(raw);
    if (v === null) return void found.push(`${path} is null`);
    const types = shapes.typesOf(node);
    const type = Array.isArray(v) ? "array" : typeof v === "number" && Number.isInteger(v) ? "integer" : typeof v;
    if (types && !types.some((t) => t === type || (t === "number" && type === "integer"))) {
      return void found.push(`${path} is ${type}`);
    }
    if (typeof v === "string" && typeof node.pattern === "string" && !new RegExp(node.pattern, "u").test(v)) {
      found.push(`${path} does not match ${node.pattern}`);
    }
    if (Array.isArray(v) && node.items !== undefined)
      v.forEach((item, i) => check(node.items as SchemaNode, item, `${path}[${i}]`));
    if (type === "object") {
      const view = shapes.objectView(node);
      for (const [key, inner] of Object.entries(v as Record<string, unknown>)) {
        const child = view.properties.get(key) ?? view.additional;
        if (child) check(child, inner, `${path}.${key}`);
      }
    }
  };
  check(shapes.defNode(shape), value, "answer");
  return found;
}

/** The values at the fields the provider acts on, by path: they must come through a reading unchanged. */
export function actedOnValues(shape: AnswerShape, answer: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const location of actedOnLocations(shape, answer)) {
    let v = answer;
    for (const step of location.path) v = (v as Record<string | number, unknown>)[step];
    // Scalars only: a listing's entries or a tag list are compared through their own acted-on fields.
    if (v !== null && typeof v !== "object") values[location.path.join(".")] = v;
  }
  return values;
}
