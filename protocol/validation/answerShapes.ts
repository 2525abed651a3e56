import { getSchemaDocument } from "./schemaDocument.js";

/**
 * How schema.json describes an answer of either API, read without Ajv: what the tolerant reader
 * (tolerantReader.ts), the emulator's null-writing answer style and the answer-variant generator of the tests walk.
 *
 * In an answer shape, `required` properties and those marked `"x-acted-on": true` are what the provider acts on
 * (ids, names, statuses, owner marks, the listing it follows): a value there that cannot be read is an error. Every
 * other property is tolerated: null, absent, of another type or form, it is read as absent. An acted-on property
 * may still be null or absent (that means "none": no tags, no annotations); only a value of another type is refused.
 */
export const ACTED_ON = "x-acted-on";

/** The `$defs` entries that are a 2xx answer of an operation the provider calls (the root of a reading). */
export const ANSWER_SHAPES = [
  "Instance",
  "ListResponse",
  "ActionResponse",
  "DeleteResponse",
  "NotebookObject",
  "NotebookUpdateResponse",
  "NotebookListResponse",
  "NotebookFlavorsResponse",
  "NotebookImagesResponse",
  "NotebookStorage",
  "NotebookStorageListResponse",
  "NotebookLease",
] as const;
export type AnswerShape = (typeof ANSWER_SHAPES)[number];

/**
 * The keywords an answer shape may use. Others are refused when a reader is built, because each would need a
 * decision: `enum` or `additionalProperties: false` in an answer would refuse what the service may add tomorrow
 * (unknown enum values and extra fields must be tolerated), and a combinator the reader does not know would be
 * silently ignored.
 */
export const ANSWER_KEYWORDS: ReadonlySet<string> = new Set([
  "$ref",
  "description",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "allOf",
  "anyOf",
  "minLength",
  "minimum",
  "pattern",
  ACTED_ON,
]);

export type SchemaNode = Record<string, unknown>;

export function defNode(name: string): SchemaNode {
  const node = (getSchemaDocument().$defs as Record<string, unknown>)[name];
  if (node === undefined || node === null || typeof node !== "object") {
    throw new Error(`schema.json has no $defs entry named "${name}"`);
  }
  return node as SchemaNode;
}

/** The node a `$ref` (`#/$defs/Name`) points to, followed until a node without one. */
export function resolveRef(node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === "string"; hops++) {
    if (hops > 16) throw new Error(`schema.json: $ref loop at ${String(node.$ref)}`);
    const match = /^#\/\$defs\/([^/]+)$/.exec(current.$ref);
    if (match === null) throw new Error(`schema.json: unsupported $ref ${current.$ref}`);
    current = defNode(match[1]!);
  }
  return current;
}

/** The JSON types a node allows (`type` as a string or a list); undefined when it does not say. */
export function typesOf(node: SchemaNode): readonly string[] | undefined {
  const type = node.type;
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? (type as string[]) : undefined;
}

export interface ObjectView {
  properties: ReadonlyMap<string, SchemaNode>;
  required: ReadonlySet<string>;
  /** `additionalProperties` as a schema (a map's values), if there is one. */
  additional?: SchemaNode;
  /** `anyOf` of `required` lists: at least one list must be present in full. */
  requireOneOf: readonly (readonly string[])[];
}

/** The properties of an object node, its `allOf` branches merged in (the list envelopes' paging fields). */
export function objectView(node: SchemaNode): ObjectView {
  const properties = new Map<string, SchemaNode>();
  const required = new Set<string>();
  const requireOneOf: string[][] = [];
  let additional: SchemaNode | undefined;
  const merge = (raw: SchemaNode) => {
    const n = resolveRef(raw);
    // The branches first: a node's own properties refine what it includes (a listing's entry marks its id acted on).
    for (const branch of (n.allOf ?? []) as SchemaNode[]) merge(branch);
    for (const [key, value] of Object.entries((n.properties ?? {}) as Record<string, SchemaNode>)) {
      properties.set(key, value);
    }
    for (const key of (n.required ?? []) as string[]) required.add(key);
    if (n.additionalProperties !== undefined && typeof n.additionalProperties === "object") {
      additional = n.additionalProperties as SchemaNode;
    }
    if (Array.isArray(n.anyOf)) {
      requireOneOf.push(...(n.anyOf as SchemaNode[]).map((b) => (b.required ?? []) as string[]));
    }
  };
  merge(node);
  return { properties, required, ...(additional && { additional }), requireOneOf };
}

/** Whether a property node (as written under `properties`, before its `$ref` is followed) is marked acted on. */
export function isActedOn(propertyNode: SchemaNode): boolean {
  return propertyNode[ACTED_ON] === true || resolveRef(propertyNode)[ACTED_ON] === true;
}

/** Throws for a keyword an answer shape must not use (see ANSWER_KEYWORDS). */
export function checkAnswerKeywords(node: SchemaNode, where: string): void {
  for (const key of Object.keys(node)) {
    if (!ANSWER_KEYWORDS.has(key)) {
      throw new Error(`schema.json ${where}: "${key}" is not read by the tolerant reader (see answerShapes.ts)`);
    }
  }
  if (node.additionalProperties === false) {
    throw new Error(`schema.json ${where}: an answer must tolerate unknown fields (additionalProperties: false)`);
  }
  for (const branch of (node.anyOf ?? []) as SchemaNode[]) {
    if (Object.keys(branch).some((k) => k !== "required")) {
      throw new Error(`schema.json ${where}: anyOf in an answer may only list required properties`);
    }
  }
}
