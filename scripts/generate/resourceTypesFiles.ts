/**
 * Each resource's plain shapes as the provider sees them (`provider/<resource>/types.ts`): its inputs after check
 * (a property with a `default` is always there: check fills it in) and its outputs (the inputs as applied plus what
 * the service reports, `null` for an output object the service reported nothing of). Definitions several resources
 * use (the timeouts, the internal inputs) are written once, in the shared file.
 */
import * as path from "node:path";
import { developerDoc } from "./docTexts.js";
import { header } from "./generatedFile.js";
import { namedShape } from "./namedShapes.js";
import { defOf, namedShapesUsedBy, propertiesOf, requiredOf, type Defs, type SchemaNode } from "./schemaNodes.js";
import type { TypeStyle } from "./typeExpressions.js";

export interface ResourceTarget {
  /** The resource's name: its SDK class; its `$defs` are `<name>Inputs` and `<name>Outputs`. */
  readonly name: string;
  /** Where its `types.ts` is written. */
  readonly folder: string;
  /** The TypeScript names of its inputs and outputs, when they are not the `$defs` names. */
  readonly typeNames?: { readonly inputs: string; readonly outputs: string };
}

export const inputsDefOf = (resource: ResourceTarget) => `${resource.name}Inputs`;
export const outputsDefOf = (resource: ResourceTarget) => `${resource.name}Outputs`;
export const typesFileOf = (resource: ResourceTarget) => path.posix.join(resource.folder, "types.ts");

/** The TypeScript name of one of a resource's definitions. */
export function typeNameOf(resource: ResourceTarget, defName: string): string {
  if (defName === inputsDefOf(resource)) return resource.typeNames?.inputs ?? defName;
  if (defName === outputsDefOf(resource)) return resource.typeNames?.outputs ?? defName;
  return defName;
}

/** Which named definitions each resource's inputs and outputs use, and which of them several resources share. */
export class ResourceShapes {
  readonly shared: ReadonlySet<string>;
  private readonly used: ReadonlyMap<string, readonly string[]>;

  constructor(
    readonly defs: Defs,
    readonly resources: readonly ResourceTarget[],
    /** Where the shared definitions are written. */
    readonly sharedFile: string,
  ) {
    this.used = new Map(resources.map((r) => [r.name, namedShapesUsedBy(defs, [inputsDefOf(r), outputsDefOf(r)])]));
    const users = new Map<string, number>();
    for (const names of this.used.values()) for (const name of names) users.set(name, (users.get(name) ?? 0) + 1);
    this.shared = new Set([...users].filter(([, count]) => count > 1).map(([name]) => name));
  }

  /** Every definition the resources use. */
  all(): Set<string> {
    return new Set([...this.used.values()].flat());
  }

  /** The definitions written in the resource's own `types.ts`, its inputs first. */
  ownOf(resource: ResourceTarget): string[] {
    return this.used.get(resource.name)!.filter((name) => !this.shared.has(name));
  }

  /** The file a definition of `resource` is written in, and its TypeScript name there. */
  whereIs(resource: ResourceTarget, defName: string): { file: string; name: string } {
    return this.shared.has(defName)
      ? { file: this.sharedFile, name: defName }
      : { file: typesFileOf(resource), name: typeNameOf(resource, defName) };
  }
}

/** The inputs after check and the outputs: a property check fills in is required, `null` is kept. */
export function appliedStyle(defs: Defs, nameOf: (defName: string) => string): TypeStyle {
  return {
    defs,
    nameOf,
    nulls: "keep",
    wrap: (type) => type,
    isRequired: (parent: SchemaNode, key: string) =>
      requiredOf(parent).has(key) || propertiesOf(parent)[key]?.default !== undefined,
    docOf: (property) => developerDoc(property),
  };
}

/** `import type { A, B } from "<from, relative to file>";`, the names sorted; nothing for no names. */
export function importLine(file: string, from: string, names: Iterable<string>): string[] {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return [];
  const relative = path.posix.relative(path.posix.dirname(file), from).replace(/\.ts$/, ".js");
  return [`import type { ${sorted.join(", ")} } from "${relative.startsWith(".") ? relative : `./${relative}`}";`];
}

export function resourceTypesFiles(shapes: ResourceShapes): Map<string, string> {
  const { defs } = shapes;
  const files = new Map<string, string>();
  const sharedStyle = appliedStyle(defs, (name) => name);
  files.set(
    shapes.sharedFile,
    [
      header("schema.json"),
      "/** The input shapes several resources share, as the provider sees them after check. */",
      "",
      [...shapes.shared]
        .map((name) => namedShape({ name, def: defOf(defs, name), doc: developerDoc(defOf(defs, name)) }, sharedStyle))
        .join("\n\n"),
      "",
    ].join("\n"),
  );
  for (const resource of shapes.resources) {
    const file = typesFileOf(resource);
    const imported = new Set<string>();
    const style = appliedStyle(defs, (name) => {
      if (shapes.shared.has(name)) imported.add(name);
      return typeNameOf(resource, name);
    });
    const blocks = shapes.ownOf(resource).map((name) => {
      const def = defOf(defs, name);
      const outputsExtend = name === outputsDefOf(resource) ? [typeNameOf(resource, inputsDefOf(resource))] : [];
      return namedShape(
        { name: typeNameOf(resource, name), def, doc: developerDoc(def), extends: outputsExtend },
        style,
      );
    });
    files.set(
      file,
      [
        header("schema.json"),
        `/** The plain shapes the provider sees for a ${resource.name}: its inputs after check, and its outputs. */`,
        ...importLine(file, shapes.sharedFile, imported),
        "",
        blocks.join("\n\n"),
        "",
      ].join("\n"),
    );
  }
  return files;
}
