/**
 * schema.json as the generator reads it: its `$defs`, the definition a `$ref` names, and which definitions a shape
 * uses. Only the keywords that say what a value is (type, properties, required, items, additionalProperties, enum,
 * const, allOf of `$ref`s) matter here; the rules (patterns, ranges, if/then, not) are Ajv's, at run time.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

export type SchemaNode = Readonly<Record<string, unknown>>;
export type Defs = Readonly<Record<string, SchemaNode>>;

const REF = /^#\/\$defs\/([^/]+)$/;

export function readDefs(root: string): Defs {
  const document = JSON.parse(readFileSync(path.join(root, "schema.json"), "utf8")) as { $defs: Defs };
  return document.$defs;
}

/** The name of the definition a node's `$ref` points to; undefined for a node without one. */
export function refName(node: SchemaNode): string | undefined {
  if (typeof node.$ref !== "string") return undefined;
  const match = REF.exec(node.$ref);
  if (match === null) throw new Error(`schema.json: unsupported $ref ${node.$ref}`);
  return match[1];
}

export function defOf(defs: Defs, name: string): SchemaNode {
  const def = defs[name];
  if (def === undefined) throw new Error(`schema.json has no $defs entry named "${name}"`);
  return def;
}

/** The JSON types a node allows, `null` included; empty when it does not say. */
export function typesOf(node: SchemaNode): string[] {
  if (typeof node.type === "string") return [node.type];
  return Array.isArray(node.type) ? (node.type as string[]) : [];
}

export function propertiesOf(node: SchemaNode): Record<string, SchemaNode> {
  return (node.properties ?? {}) as Record<string, SchemaNode>;
}

export function requiredOf(node: SchemaNode): ReadonlySet<string> {
  return new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
}

/** The `$ref` branches of an `allOf`: what an object includes (the list envelopes' paging fields). */
export function includedDefs(node: SchemaNode): string[] {
  const branches = Array.isArray(node.allOf) ? (node.allOf as SchemaNode[]) : [];
  return branches.map(refName).filter((name): name is string => name !== undefined);
}

/** An object shape: it says `type: object`, or it has properties. */
export function isObject(node: SchemaNode): boolean {
  return typesOf(node).includes("object") || node.properties !== undefined;
}

/** A definition is written as a named type when it is an object with properties (or inclusions) or an enum. */
export function isNamedShape(def: SchemaNode): boolean {
  if (Array.isArray(def.enum)) return true;
  return isObject(def) && (Object.keys(propertiesOf(def)).length > 0 || includedDefs(def).length > 0);
}

/** The value nodes below a node that contribute to its TypeScript type (`withIncluded`: its `allOf` inclusions). */
function typeChildren(node: SchemaNode, withIncluded: boolean): SchemaNode[] {
  const children: SchemaNode[] = [...Object.values(propertiesOf(node))];
  if (typeof node.items === "object" && node.items !== null) children.push(node.items as SchemaNode);
  if (typeof node.additionalProperties === "object" && node.additionalProperties !== null) {
    children.push(node.additionalProperties as SchemaNode);
  }
  if (withIncluded && isObject(node) && Array.isArray(node.allOf)) children.push(...(node.allOf as SchemaNode[]));
  return children;
}

/**
 * The named definitions `roots` use for their types, the roots first, each once, in the order met. `withIncluded`
 * false: not those only an `allOf` includes (the internal inputs, which SDK arguments leave out).
 */
export function namedShapesUsedBy(defs: Defs, roots: readonly string[], withIncluded = true): string[] {
  const seen = new Set<string>();
  const visit = (node: SchemaNode) => {
    const name = refName(node);
    if (name !== undefined) {
      if (seen.has(name)) return;
      const def = defOf(defs, name);
      if (isNamedShape(def)) seen.add(name);
      visit(def);
      return;
    }
    for (const child of typeChildren(node, withIncluded)) visit(child);
  };
  for (const root of roots) {
    seen.add(root);
    visit(defOf(defs, root));
  }
  return [...seen];
}
