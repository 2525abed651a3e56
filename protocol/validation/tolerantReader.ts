import {
  checkAnswerKeywords,
  defNode,
  isActedOn,
  objectView,
  resolveRef,
  typesOf,
  type AnswerShape,
  type SchemaNode,
} from "./answerShapes.js";

/**
 * The tolerant reader of the services' answers: strict where the provider acts, lenient everywhere else.
 *
 * A value that does not match its declared type or form (null, absent, a number for a string, "" where a non-empty
 * string is declared) is read as absent, at any depth, unless the property is `required` or marked `x-acted-on`;
 * then the answer is refused, naming the property. Unknown fields are kept as they came (nothing reads them), and
 * `null` is never handed on: the object the provider sees holds well-typed values or nothing. An array that is
 * required or acted on (a listing's entries, a notebook's tags) refuses an entry it cannot read, so that a look-up
 * never skips it as "not ours"; any other array drops it.
 */
export type ReadResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

export function readAnswer(shape: AnswerShape, value: unknown): ReadResult {
  const outcome = read(readerOf(defNode(shape), shape), value, "", true);
  if (outcome.kind === "ok") return { ok: true, value: outcome.value };
  if (outcome.kind === "bad") return { ok: false, problems: outcome.problems };
  return { ok: false, problems: [`the body must be ${typeWords(typesOf(defNode(shape)))} (got ${describe(value)})`] };
}

type Outcome = { kind: "ok"; value: unknown } | { kind: "absent" } | { kind: "bad"; problems: string[] };

interface PropertyReader {
  reader: Reader;
  /** Required or acted on: a value that cannot be read refuses the answer. */
  strict: boolean;
  required: boolean;
}

interface Reader {
  types?: readonly string[];
  minLength?: number;
  pattern?: RegExp;
  minimum?: number;
  properties?: ReadonlyMap<string, PropertyReader>;
  required?: ReadonlySet<string>;
  requireOneOf?: readonly (readonly string[])[];
  /** A map's values (`additionalProperties` as a schema). */
  values?: Reader;
  items?: Reader;
}

const compiled = new WeakMap<SchemaNode, Reader>();

/** The reader of a node, built once per node (schema.json is loaded once, so nodes are stable objects). */
function readerOf(raw: SchemaNode, where: string): Reader {
  const cached = compiled.get(raw);
  if (cached) return cached;
  checkAnswerKeywords(raw, where);
  const node = resolveRef(raw);
  if (node !== raw) checkAnswerKeywords(node, where);
  const reader: Reader = {};
  // Registered before the children are built, so that a shape that refers to itself ends.
  compiled.set(raw, reader);
  const types = typesOf(node);
  if (types) reader.types = types;
  if (typeof node.minLength === "number") reader.minLength = node.minLength;
  if (typeof node.pattern === "string") reader.pattern = new RegExp(node.pattern, "u");
  if (typeof node.minimum === "number") reader.minimum = node.minimum;
  if (node.properties !== undefined || node.allOf !== undefined || node.additionalProperties !== undefined) {
    const view = objectView(node);
    const properties = new Map<string, PropertyReader>();
    for (const [key, child] of view.properties) {
      const required = view.required.has(key);
      properties.set(key, {
        reader: readerOf(child, `${where}.${key}`),
        strict: required || isActedOn(child),
        required,
      });
    }
    reader.properties = properties;
    reader.required = view.required;
    if (view.requireOneOf.length > 0) reader.requireOneOf = view.requireOneOf;
    if (view.additional) reader.values = readerOf(view.additional, `${where}.*`);
  } else if (Array.isArray(node.required) || node.anyOf !== undefined) {
    reader.properties = new Map();
    reader.required = new Set(node.required as string[] | undefined);
  }
  if (node.items !== undefined) reader.items = readerOf(node.items as SchemaNode, `${where}[]`);
  return reader;
}

/** `strict`: the value's own property is required or acted on (for an array: its entries must all be readable). */
function read(reader: Reader, value: unknown, path: string, strict: boolean): Outcome {
  if (value === null || value === undefined) return { kind: "absent" };
  const type = jsonType(value);
  if (reader.types && !reader.types.some((t) => t === type || (t === "number" && type === "integer"))) {
    return bad(`${label(path)} must be ${typeWords(reader.types)} (got ${describe(value)})`);
  }
  if (typeof value === "string") {
    if (reader.minLength !== undefined && [...value].length < reader.minLength) {
      return bad(`${label(path)} must not be empty`);
    }
    if (reader.pattern && !reader.pattern.test(value)) {
      return bad(`${label(path)} must match ${reader.pattern.source} (got ${describe(value)})`);
    }
    return { kind: "ok", value };
  }
  if (typeof value === "number") {
    if (reader.minimum !== undefined && value < reader.minimum) {
      return bad(`${label(path)} must be at least ${reader.minimum} (got ${value})`);
    }
    return { kind: "ok", value };
  }
  if (Array.isArray(value)) return reader.items ? readArray(reader.items, value, path, strict) : { kind: "ok", value };
  if (type === "object" && (reader.properties || reader.values)) {
    return readObject(reader, value as Record<string, unknown>, path);
  }
  return { kind: "ok", value };
}

function readObject(reader: Reader, object: Record<string, unknown>, path: string): Outcome {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(object)) {
    // JSON.parse makes "__proto__" an own key; copying it by assignment would change the copy's prototype.
    if (key === "__proto__") continue;
    const where = join(path, key);
    const property = reader.properties?.get(key);
    if (property === undefined) {
      if (reader.values === undefined) {
        // Unknown to the schema: nothing reads it, so it is kept as it came (without its nulls).
        if (raw !== null) out[key] = raw;
        continue;
      }
      const entry = read(reader.values, raw, where, false);
      if (entry.kind === "ok") out[key] = entry.value;
      continue;
    }
    const outcome = read(property.reader, raw, where, property.strict);
    if (outcome.kind === "ok") out[key] = outcome.value;
    else if (outcome.kind === "absent" && property.required) problems.push(`${label(where)} is required (got null)`);
    else if (outcome.kind === "bad" && property.strict) problems.push(...outcome.problems);
  }
  for (const key of reader.required ?? []) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) problems.push(`${label(join(path, key))} is required`);
  }
  // Said only when nothing else was: a listing whose entries were refused already has its reason.
  if (
    problems.length === 0 &&
    reader.requireOneOf &&
    !reader.requireOneOf.some((keys) => keys.every((k) => k in out))
  ) {
    const options = reader.requireOneOf.map((keys) => keys.join(" and ")).join(" or ");
    problems.push(`${label(path)} must have ${options}`);
  }
  return problems.length > 0 ? { kind: "bad", problems } : { kind: "ok", value: out };
}

function readArray(items: Reader, array: unknown[], path: string, strict: boolean): Outcome {
  const out: unknown[] = [];
  const problems: string[] = [];
  array.forEach((raw, index) => {
    const where = `${path}[${index}]`;
    const outcome = read(items, raw, where, false);
    if (outcome.kind === "ok") out.push(outcome.value);
    else if (strict) {
      problems.push(...(outcome.kind === "bad" ? outcome.problems : [`${label(where)} is null`]));
    }
  });
  return problems.length > 0 ? { kind: "bad", problems } : { kind: "ok", value: out };
}

function bad(problem: string): Outcome {
  return { kind: "bad", problems: [problem] };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}

function label(path: string): string {
  return path === "" ? "the body" : path;
}

function typeWords(types: readonly string[] | undefined): string {
  if (types === undefined) return "a value";
  return types
    .filter((t) => t !== "null")
    .map((t) => (t === "integer" || t === "object" || t === "array" ? `an ${t}` : `a ${t}`))
    .join(" or ");
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  return String(value);
}
