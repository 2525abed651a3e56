/**
 * The wire shapes of one API (`protocol/<api>/wireShapes.ts`): every named definition its requests and answers
 * use, snake_case as schema.json spells them. Answers are read by the tolerant reader, which gives a value of the
 * declared type or nothing, never `null`: so `null` is not written, and a property is optional unless required.
 */
import { docComment } from "./docComments.js";
import { developerDoc } from "./docTexts.js";
import { header } from "./generatedFile.js";
import { namedShape } from "./namedShapes.js";
import { defOf, namedShapesUsedBy, requiredOf, type Defs } from "./schemaNodes.js";
import type { TypeStyle } from "./typeExpressions.js";

export interface WireFile {
  readonly file: string;
  /** What the file holds, for its doc comment. */
  readonly title: string;
  /** The request bodies and answers of the API, and its enums: every named definition they use is written. */
  readonly roots: readonly string[];
}

export function wireShapesFile(defs: Defs, spec: WireFile): { names: string[]; text: string } {
  const names = namedShapesUsedBy(defs, spec.roots);
  const style: TypeStyle = {
    defs,
    nameOf: (name) => {
      if (!names.includes(name)) throw new Error(`${spec.file}: ${name} is not among the shapes of this API`);
      return name;
    },
    nulls: "drop",
    wrap: (type) => type,
    isRequired: (parent, key) => requiredOf(parent).has(key),
    docOf: (property) => developerDoc(property),
  };
  const blocks = names.map((name) => {
    const def = defOf(defs, name);
    return namedShape({ name, def, doc: developerDoc(def) }, style);
  });
  return { names, text: [header("schema.json"), ...docComment(spec.title, 0), "", blocks.join("\n\n"), ""].join("\n") };
}
