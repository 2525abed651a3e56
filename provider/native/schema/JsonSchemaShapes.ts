/**
 * schema.json's input `$defs` (JSON Schema 2020-12) as shapes: objects, enums, maps, arrays and primitives, with
 * the descriptions written there. Rules a Pulumi schema cannot state (patterns, ranges, cross-field rules) stay in
 * schema.json and are checked by the provider at preview.
 */
import { capitalize, typeNameOf, type PropertyShape, type Shape } from "./shapes.js";

type JsonSchema = Record<string, unknown>;

const REF_PREFIX = "#/$defs/";

export class JsonSchemaShapes {
  constructor(private readonly defs: Record<string, JsonSchema>) {}

  /** The object def's properties; enums and inline objects are named after the def and the property. */
  objectShape(defName: string): Extract<Shape, { kind: "object" }> {
    const shape = this.shapeOf(this.def(defName), defName);
    if (shape.kind !== "object") throw new Error(`schema.json $defs.${defName} is not an object`);
    return shape;
  }

  private def(name: string): JsonSchema {
    const def = this.defs[name];
    if (!def) throw new Error(`schema.json has no $defs.${name}`);
    return def;
  }

  /** `name`: the def's own name when it is one (named types keep it), else one made from its parent and property. */
  private shapeOf(schema: JsonSchema, name: string): Shape {
    const description = typeof schema.description === "string" ? schema.description : undefined;
    if (typeof schema.$ref === "string") {
      const defName = schema.$ref.slice(REF_PREFIX.length);
      const shape = this.shapeOf(this.def(defName), defName);
      return description ? { ...shape, description } : shape;
    }
    if (Array.isArray(schema.enum)) {
      return { kind: "enum", name: typeNameOf(name), values: schema.enum.map(String), description };
    }
    if (schema.const !== undefined) {
      return { kind: "string", description: description ?? `Always ${JSON.stringify(schema.const)}.` };
    }
    switch (schema.type) {
      case "string":
      case "number":
      case "integer":
      case "boolean":
        return { kind: schema.type, description };
      case "array":
        return { kind: "array", items: this.shapeOf((schema.items ?? {}) as JsonSchema, name), description };
      case "object":
        return this.objectOf(schema, name, description);
      default:
        return { kind: "any", description };
    }
  }

  private objectOf(schema: JsonSchema, name: string, description: string | undefined): Shape {
    const declared = (schema.properties ?? {}) as Record<string, JsonSchema>;
    if (Object.keys(declared).length === 0) {
      const values = typeof schema.additionalProperties === "object" ? schema.additionalProperties : {};
      return { kind: "map", values: this.shapeOf(values as JsonSchema, name), description };
    }
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const typeName = typeNameOf(name);
    const properties: Record<string, PropertyShape> = {};
    for (const [key, property] of Object.entries(declared)) {
      const shape = this.shapeOf(property, `${typeName}${capitalize(key)}`);
      properties[key] = { shape, description: shape.description, required: required.has(key) };
    }
    return { kind: "object", name: typeName, properties, description };
  }
}
