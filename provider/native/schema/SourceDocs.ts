/**
 * The doc comments of the SDK's resource classes: what the package schema says a resource is. Each file is parsed
 * on its own with the TypeScript compiler at build time (a development dependency: this runs when the package is
 * built, never in the provider). Every shape comes from schema.json (JsonSchemaShapes.ts).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

export class SourceDocs {
  constructor(private readonly root: string) {}

  /** The doc comment of the class or function `name` declared in `file`. */
  declarationDoc(file: string, name: string): string | undefined {
    const text = readFileSync(path.join(this.root, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const declaration = source.statements.find(
      (s): s is ts.ClassDeclaration | ts.FunctionDeclaration =>
        (ts.isClassDeclaration(s) || ts.isFunctionDeclaration(s)) && s.name?.text === name,
    );
    if (!declaration) throw new Error(`${file} declares no class or function ${name}`);
    const comment = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).at(-1)?.comment;
    const doc = (typeof comment === "string" ? comment : ts.getTextOfJSDocComment(comment)) ?? "";
    return doc.trim() === "" ? undefined : doc.trim();
  }
}
