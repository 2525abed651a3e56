/** A named definition as TypeScript: an enum as the list of its values and their union, an object as an interface. */
import { docComment } from "./docComments.js";
import { screamingCase } from "./generatedFile.js";
import { includedDefs, type SchemaNode } from "./schemaNodes.js";
import { literal, memberLines, type TypeStyle } from "./typeExpressions.js";

export interface NamedShape {
  /** The TypeScript name. */
  readonly name: string;
  readonly def: SchemaNode;
  readonly doc?: string;
  /** Interfaces it extends besides the definitions its `allOf` includes (the outputs extend the inputs). */
  readonly extends?: readonly string[];
  /** Whether the definitions its `allOf` includes are extended (not for SDK arguments: those are internal inputs). */
  readonly withIncluded?: boolean;
}

export function namedShape(shape: NamedShape, style: TypeStyle): string {
  const lines = shape.doc === undefined || shape.doc === "" ? [] : docComment(shape.doc, 0);
  const { def, name } = shape;
  if (Array.isArray(def.enum)) {
    const values = `${screamingCase(name)}_VALUES`;
    lines.push(`export const ${values} = [${def.enum.map(literal).join(", ")}] as const;`);
    lines.push(`export type ${name} = (typeof ${values})[number];`);
    return lines.join("\n");
  }
  const included = shape.withIncluded === false ? [] : includedDefs(def).map((n) => style.nameOf(n));
  const bases = [...(shape.extends ?? []), ...included];
  const extendsClause = bases.length > 0 ? ` extends ${bases.join(", ")}` : "";
  lines.push(`export interface ${name}${extendsClause} {`, ...memberLines(def, style, 2), "}");
  return lines.join("\n");
}
