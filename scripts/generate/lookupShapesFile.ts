/**
 * The lookups' arguments and results (`provider/lookups/lookupShapes.ts`): plain values, as the SDK's
 * `getNotebookFlavors` and the native provider's invokes take and give them.
 */
import { developerDoc } from "./docTexts.js";
import { header } from "./generatedFile.js";
import { namedShape } from "./namedShapes.js";
import { defOf, namedShapesUsedBy, requiredOf, type Defs } from "./schemaNodes.js";
import type { TypeStyle } from "./typeExpressions.js";

export function lookupShapesFile(defs: Defs, roots: readonly string[]): string {
  const names = namedShapesUsedBy(defs, roots);
  const style: TypeStyle = {
    defs,
    nameOf: (name) => name,
    nulls: "keep",
    wrap: (type) => type,
    isRequired: (parent, key) => requiredOf(parent).has(key),
    docOf: (property) => developerDoc(property),
  };
  const blocks = names.map((name) =>
    namedShape({ name, def: defOf(defs, name), doc: developerDoc(defOf(defs, name)) }, style),
  );
  return [header("schema.json"), "/** The lookups' arguments and results. */", "", blocks.join("\n\n"), ""].join("\n");
}
