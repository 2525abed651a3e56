/**
 * The Pulumi package schema of `modelarts`, made from what the project keeps once: the registry (resources,
 * functions, field catalogues), schema.json's `$defs` (each resource's inputs and outputs, the lookups' arguments
 * and results: types, enums, descriptions), the SDK classes' doc comments, and the settings resolution (config keys,
 * secrets, environment variables). The build writes it (writePackageSchema.ts); the provider serves it (GetSchema);
 * SDKs are generated from it.
 */
import { ENV_NAMES, isCredentialSetting } from "../../settings/resolveSettings.js";
import { RATE_LIMIT_SETTINGS } from "../../settings/stackConfig.js";
import { dynamicTypeOf } from "../dynamicTypes.js";
import { FUNCTIONS, PACKAGE, RESOURCES, type NativeResource } from "../registry.js";
import { inputDoc } from "./inputDocs.js";
import { JsonSchemaShapes } from "./JsonSchemaShapes.js";
import type { ObjectShape, PropertyShape, Shape } from "./shapes.js";
import type { SourceDocs } from "./SourceDocs.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the package schema is JSON */
type Spec = Record<string, any>;

const token = (name: string) => `${PACKAGE}:index:${name}`;

/**
 * The Go SDK's package path. Its module, `pulumi-modelarts/sdks/go`, is named after where it ships: the folder
 * `sdks/go` of the npm package `pulumi-modelarts` (and of this repository). No Go module proxy serves it, and a
 * path whose first element has no dot is one the go command never tries to download: a program requires it and
 * `replace`s it with that folder (README, examples/go-notebook).
 */
export const GO_IMPORT_BASE_PATH = "pulumi-modelarts/sdks/go/modelarts";

/** Named object and enum types, each defined once; a second, different definition under one name is an error. */
class TypeTable {
  readonly types: Record<string, Spec> = {};
  /** Per object type: its properties whose change replaces the resource that holds it. */
  readonly replacingParts = new Map<string, ReadonlySet<string>>();

  /** The property spec (type, items, $ref, ...) of `shape`, defining the named types it uses. */
  typeOf(shape: Shape): Spec {
    switch (shape.kind) {
      case "any":
        return { $ref: "pulumi.json#/Any" };
      case "array":
        return { type: "array", items: this.typeOf(shape.items) };
      case "map":
        return { type: "object", additionalProperties: this.typeOf(shape.values) };
      case "enum":
        this.define(shape.name, { type: "string", enum: shape.values.map((value) => ({ value })) });
        return { $ref: `#/types/${token(shape.name)}` };
      case "object": {
        const properties = this.properties(shape.properties, this.replacingParts.get(shape.name));
        const required = requiredOf(shape.properties);
        this.define(shape.name, { type: "object", properties, ...(required.length > 0 && { required }) });
        return { $ref: `#/types/${token(shape.name)}` };
      }
      default:
        return { type: shape.kind };
    }
  }

  /** `replaceOn`: the properties whose change replaces the resource (they are marked replace-on-change). */
  properties(properties: Record<string, PropertyShape>, replaceOn?: ReadonlySet<string>): Record<string, Spec> {
    return Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [
        key,
        {
          ...this.typeOf(property.shape),
          ...(property.description !== undefined && { description: property.description }),
          ...(replaceOn?.has(key) && { replaceOnChanges: true }),
        },
      ]),
    );
  }

  private define(name: string, spec: Spec): void {
    const existing = this.types[token(name)];
    if (existing && JSON.stringify(existing) !== JSON.stringify(spec)) {
      throw new Error(`two different types would be named ${token(name)}: rename one in its source`);
    }
    this.types[token(name)] = spec;
  }
}

function requiredOf(properties: Record<string, PropertyShape>): string[] {
  return Object.entries(properties)
    .filter(([, p]) => p.required)
    .map(([key]) => key);
}

/**
 * Replace-on-change from the catalogue: the `replace` fields, except a field with in-place parts, whose other parts
 * are marked instead (on its object type, registered in the table before any type is written).
 */
function replacingFields(table: TypeTable, resource: NativeResource, inputs: ObjectShape): Set<string> {
  const replaceOn = new Set<string>();
  for (const [field, rule] of Object.entries(resource.inputFields)) {
    if (rule.change !== "replace") continue;
    const inPlace = resource.inPlaceParts[field];
    const shape = inputs.properties[field]?.shape;
    if (inPlace && shape?.kind === "object") {
      table.replacingParts.set(shape.name, new Set(Object.keys(shape.properties).filter((p) => !inPlace.includes(p))));
    } else {
      replaceOn.add(field);
    }
  }
  return replaceOn;
}

function resourceSpec(table: TypeTable, defs: JsonSchemaShapes, docs: SourceDocs, resource: NativeResource): Spec {
  // The inputs' descriptions are the TypeScript SDK's: with the default and what a change does.
  const source = {
    resourceName: resource.name,
    catalogue: resource.inputFields,
    defaultTimeouts: resource.defaultTimeouts,
    host: "native" as const,
  };
  const describe = (node: Record<string, unknown>, path: readonly string[]) => inputDoc(node, path, source);
  const inputs = defs.objectShape(resource.inputsDef, { describe });
  const applied = defs.objectShape(resource.inputsDef, { afterCheck: true });
  const reported = defs.objectShape(resource.outputsDef);
  // Every input is an output (as applied), with the type the input has (one type per name: the object types
  // are the inputs'), required when check always fills it in; the outputs def adds what the service reports, and
  // may require an input that check can leave out (a generated `name`).
  const replaceOn = replacingFields(table, resource, inputs);
  const inputProperties = table.properties(inputs.properties, replaceOn);
  const outputProperties: Record<string, PropertyShape> = {};
  for (const [key, property] of Object.entries(inputs.properties)) {
    outputProperties[key] = {
      ...property,
      required: reported.properties[key]?.required ?? applied.properties[key]!.required,
    };
  }
  for (const [key, property] of Object.entries(reported.properties)) outputProperties[key] ??= property;
  const properties = table.properties(outputProperties, replaceOn);
  return {
    description: docs.declarationDoc(resource.documentedBy.file, resource.documentedBy.name),
    // A stack made with the dynamic class moves to this type without a replacement (README, "Moving a stack").
    aliases: [{ type: dynamicTypeOf(resource.name) }],
    inputProperties,
    requiredInputs: requiredOf(inputs.properties),
    properties,
    required: requiredOf(outputProperties),
  };
}

function configVariables(): Record<string, Spec> {
  const variables: Record<string, Spec> = {};
  for (const [key, names] of Object.entries(ENV_NAMES)) {
    const secret = isCredentialSetting(key as keyof typeof ENV_NAMES);
    variables[key] = {
      type: "string",
      description:
        `Stack config ${PACKAGE}:${key}${secret ? " (set it with --secret)" : ""}; when not set, the environment ` +
        `variable ${names.join(", then ")}.`,
      ...(secret && { secret: true }),
    };
  }
  for (const [key, name] of Object.entries(RATE_LIMIT_SETTINGS)) {
    variables[key] = {
      type: "string",
      description: `Stack config ${PACKAGE}:${key}; when not set, the environment variable ${name}.`,
    };
  }
  return variables;
}

export interface SchemaSources {
  version: string;
  description: string;
  /** schema.json's `$defs`. */
  defs: Record<string, Record<string, unknown>>;
  docs: SourceDocs;
}

export function buildPackageSchema(sources: SchemaSources): Spec {
  const table = new TypeTable();
  const defs = new JsonSchemaShapes(sources.defs);
  const resources: Record<string, Spec> = {};
  for (const [tok, resource] of RESOURCES) resources[tok] = resourceSpec(table, defs, sources.docs, resource);
  const functions: Record<string, Spec> = {};
  for (const [tok, fn] of FUNCTIONS) {
    const args = defs.objectShape(fn.argsDef);
    const result = defs.objectShape(fn.resultDef);
    functions[tok] = {
      description: fn.description,
      inputs: { properties: table.properties(args.properties), required: requiredOf(args.properties) },
      outputs: { properties: table.properties(result.properties), required: requiredOf(result.properties) },
    };
  }
  const variables = configVariables();
  return {
    name: PACKAGE,
    displayName: "Huawei Cloud ModelArts",
    version: sources.version,
    description: sources.description,
    license: "Apache-2.0",
    publisher: "The pulumi-modelarts authors",
    keywords: ["pulumi", "huaweicloud", "modelarts", "category/cloud"],
    config: { variables },
    provider: {
      description: `The ${PACKAGE} provider: the settings of one ModelArts project and region.`,
      inputProperties: variables,
    },
    resources,
    functions,
    types: table.types,
    // The SDKs' names and module paths (`npm run sdks` generates them into sdks/, which ships in the npm package);
    // each carries this package's version, so a program asks the engine for the plugin it came with.
    supportPack: true,
    language: {
      go: { importBasePath: GO_IMPORT_BASE_PATH, respectSchemaVersion: true },
      python: { packageName: "pulumi_modelarts", pyproject: { enabled: true }, respectSchemaVersion: true },
      csharp: { rootNamespace: "Pulumi", respectSchemaVersion: true },
      nodejs: { packageName: "pulumi-modelarts", respectSchemaVersion: true },
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
