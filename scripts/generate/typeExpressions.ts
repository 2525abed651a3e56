/**
 * A schema.json node as a TypeScript type: objects become interfaces or type literals, enums and consts literal
 * unions, `allOf` of `$ref`s an extension. How `null`, required properties, wrapping and documentation are written
 * depends on who reads the type (a wire answer, the inputs after check, an SDK argument): the caller says.
 */
import { docComment } from "./docComments.js";
import {
  defOf,
  includedDefs,
  isNamedShape,
  isObject,
  propertiesOf,
  refName,
  typesOf,
  type Defs,
  type SchemaNode,
} from "./schemaNodes.js";

export interface TypeStyle {
  readonly defs: Defs;
  /** The TypeScript name of a named definition (written in this file or imported into it). */
  nameOf(defName: string): string;
  /**
   * `keep`: `null` in a type list is written (outputs: the service reported nothing); `drop`: it is not (answers,
   * which the tolerant reader gives without nulls).
   */
  readonly nulls: "keep" | "drop";
  /** Wraps every value (SDK arguments: `pulumi.Input<T>` at each level); identity for plain shapes. */
  wrap(type: string): string;
  /** Whether `key` of the object `parent` is a required property. */
  isRequired(parent: SchemaNode, key: string): boolean;
  /** The documentation of a property, or undefined for none. */
  docOf(property: SchemaNode, key: string, parent: SchemaNode): string | undefined;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

export function literal(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
    return JSON.stringify(value);
  }
  throw new Error(`schema.json: no TypeScript literal for ${JSON.stringify(value)}`);
}

/** The TypeScript type of a value node. */
export function typeOf(node: SchemaNode, style: TypeStyle, indent = 0): string {
  if (typeof node["x-ts-type"] === "string") return node["x-ts-type"];
  const ref = refName(node);
  if (ref !== undefined) {
    const def = defOf(style.defs, ref);
    if (!isNamedShape(def)) return typeOf(def, style, indent);
    return withNull(style.nameOf(ref), def, style);
  }
  if (node.const !== undefined) return literal(node.const);
  if (Array.isArray(node.enum)) return withNull(node.enum.map(literal).join(" | "), node, style);
  const parts = new Set<string>();
  for (const type of typesOf(node)) {
    if (type === "string") parts.add("string");
    else if (type === "integer" || type === "number") parts.add("number");
    else if (type === "boolean") parts.add("boolean");
    else if (type === "array") parts.add(arrayOf(node, style, indent));
    else if (type === "object") parts.add(objectOf(node, style, indent));
  }
  if (parts.size === 0 && isObject(node)) parts.add(objectOf(node, style, indent));
  if (parts.size === 0) parts.add("unknown");
  return withNull([...parts].join(" | "), node, style);
}

function withNull(type: string, node: SchemaNode, style: TypeStyle): string {
  return style.nulls === "keep" && typesOf(node).includes("null") ? `${type} | null` : type;
}

function arrayOf(node: SchemaNode, style: TypeStyle, indent: number): string {
  const items = typeof node.items === "object" && node.items !== null ? (node.items as SchemaNode) : {};
  const item = style.wrap(typeOf(items, style, indent));
  return `${isCompound(item) ? `(${item})` : item}[]`;
}

/** Whether a type is a union or intersection at its top level (it needs parentheses before `[]`). */
function isCompound(type: string): boolean {
  let depth = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if ("<{([".includes(c)) depth++;
    else if (">})]".includes(c)) depth--;
    else if (depth === 0 && (c === "|" || c === "&")) return true;
  }
  return false;
}

function objectOf(node: SchemaNode, style: TypeStyle, indent: number): string {
  const included = includedDefs(node).map((name) => style.nameOf(name));
  const properties = propertiesOf(node);
  const additional =
    typeof node.additionalProperties === "object" && node.additionalProperties !== null
      ? (node.additionalProperties as SchemaNode)
      : undefined;
  if (Object.keys(properties).length === 0 && included.length === 0) {
    return `Record<string, ${additional ? style.wrap(typeOf(additional, style, indent)) : "unknown"}>`;
  }
  if (Object.keys(properties).length === 0 && additional === undefined) return included.join(" & ");
  const body = memberLines(node, style, indent + 2);
  const literalType = `{\n${body.join("\n")}\n${" ".repeat(indent)}}`;
  return [...included, literalType].join(" & ");
}

/** The members of an object node, each line indented by `indent`: its properties, then its map values if any. */
export function memberLines(node: SchemaNode, style: TypeStyle, indent: number): string[] {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  for (const [key, property] of Object.entries(propertiesOf(node))) {
    const doc = style.docOf(property, key, node);
    if (doc !== undefined) lines.push(...docComment(doc, indent));
    const optional = style.isRequired(node, key) ? "" : "?";
    lines.push(`${pad}${propertyKey(key)}${optional}: ${style.wrap(typeOf(property, style, indent))};`);
  }
  const additional = node.additionalProperties;
  if (typeof additional === "object" && additional !== null && Object.keys(propertiesOf(node)).length > 0) {
    // A property that may be absent reads as undefined, which the map's values must then allow.
    const values = style.wrap(typeOf(additional as SchemaNode, style, indent));
    const optional = Object.keys(propertiesOf(node)).some((key) => !style.isRequired(node, key));
    lines.push(`${pad}[key: string]: ${values}${optional ? " | undefined" : ""};`);
  }
  return lines;
}
