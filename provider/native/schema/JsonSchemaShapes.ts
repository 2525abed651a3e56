/**
 * schema.json's `$defs` (JSON Schema 2020-12) as shapes: objects, enums, maps, arrays and primitives, with their
 * descriptions. It is the one source of the package schema's types: each resource's inputs and outputs, and the
 * lookups' arguments and results. Rules a Pulumi schema cannot state (patterns, ranges, cross-field rules) stay in
 * schema.json and are checked by the provider at preview.
 */
import { capitalize, typeNameOf, type PropertyShape, type Shape } from "./shapes.js";

type JsonSchema = Record<string, unknown>;

const REF_PREFIX = "#/$defs/";

export interface ShapeOptions {
  /**
   * The inputs after check, as outputs: a property with a `default` (which check fills in) is always there.
   * Otherwise a property is required when schema.json requires it and does not allow `null`.
   */
  readonly afterCheck?: boolean;
  /** A property's description, from its node and its path from the def; default: the node's `description`. */
  readonly describe?: (node: JsonSchema, path: readonly string[]) => string | undefined;
}

export class JsonSchemaShapes {
  constructor(private readonly defs: Record<string, JsonSchema>) {}

  /** The object def's properties; enums and inline objects are named after the def and the property. */
  objectShape(defName: string, options: ShapeOptions = {}): Extract<Shape, { kind: "object" }> {
    const shape = this.shapeOf(this.def(defName), defName, [], options);
    if (shape.kind !== "object") throw new Error(`schema.json $defs.${defName} is not an object`);
    return shape;
  }

  private def(name: string): JsonSchema {
    const def = this.defs[name];
    if (!def) throw new Error(`schema.json has no $defs.${name}`);
    return def;
  }

  /** `name`: the def's own name when it is one (named types keep it), else one made from its parent and property. */
  private shapeOf(schema: JsonSchema, name: string, path: readonly string[], options: ShapeOptions): Shape {
    const description = path.length === 0 ? describedBy(schema) : undefined;
    if (typeof schema.$ref === "string") {
      const defName = schema.$ref.slice(REF_PREFIX.length);
      return this.shapeOf(this.def(defName), defName, path, options);
    }
    if (Array.isArray(schema.enum)) {
      return { kind: "enum", name: typeNameOf(name), values: schema.enum.map(String), description };
    }
    if (schema.const !== undefined) {
      return { kind: "string", description: description ?? `Always ${JSON.stringify(schema.const)}.` };
    }
    switch (typesOf(schema)[0]) {
      case "string":
      case "number":
      case "integer":
      case "boolean":
        return { kind: typesOf(schema)[0] as "string", description };
      case "array":
        return { kind: "array", items: this.shapeOf((schema.items ?? {}) as JsonSchema, name, path, options) };
      case "object":
        return this.objectOf(schema, name, path, options, description);
      default:
        return { kind: "any", description };
    }
  }

  private objectOf(
    schema: JsonSchema,
    name: string,
    path: readonly string[],
    options: ShapeOptions,
    description: string | undefined,
  ): Shape {
    const declared = (schema.properties ?? {}) as Record<string, JsonSchema>;
    if (Object.keys(declared).length === 0) {
      const values = typeof schema.additionalProperties === "object" ? schema.additionalProperties : {};
      return { kind: "map", values: this.shapeOf(values as JsonSchema, name, path, options), description };
    }
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const typeName = typeNameOf(name);
    const properties: Record<string, PropertyShape> = {};
    for (const [key, property] of Object.entries(declared)) {
      const at = [...path, key];
      const shape = this.shapeOf(property, `${typeName}${capitalize(key)}`, at, options);
      const filled = options.afterCheck === true && property.default !== undefined;
      properties[key] = {
        shape,
        description: options.describe ? options.describe(property, at) : describedBy(property),
        required: filled || (required.has(key) && !this.allowsNull(property)),
      };
    }
    return { kind: "object", name: typeName, properties, description };
  }

  /** Whether a property's value may be `null` (an output the service reported nothing of). */
  private allowsNull(schema: JsonSchema): boolean {
    if (Array.isArray(schema.type) && schema.type.includes("null")) return true;
    return typeof schema.$ref === "string" && this.allowsNull(this.def(schema.$ref.slice(REF_PREFIX.length)));
  }
}

function describedBy(schema: JsonSchema): string | undefined {
  return typeof schema.description === "string" ? schema.description : undefined;
}

/** The JSON types a node allows, `null` aside. */
function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === "string") return [schema.type];
  return Array.isArray(schema.type) ? (schema.type as string[]).filter((t) => t !== "null") : [];
}
