/**
 * TypeScript interfaces as shapes, read with the TypeScript compiler at build time: the outputs each resource's
 * `types.ts` declares, and the lookups' arguments and results, with their doc comments. (The compiler is a
 * development dependency: this runs when the package is built, never in the provider.)
 */
import * as path from "node:path";
import * as ts from "typescript";
import { capitalize, typeNameOf, type ObjectShape, type PropertyShape, type Shape } from "./shapes.js";

export class TypeShapes {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly root: string,
    files: readonly string[],
  ) {
    this.program = ts.createProgram(
      files.map((f) => path.join(root, f)),
      {
        strict: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        noEmit: true,
      },
    );
    this.checker = this.program.getTypeChecker();
  }

  /** The interface `name` of `file`, with every property (inherited ones too) except the internal `__*` ones. */
  interfaceShape(file: string, name: string): ObjectShape {
    const source = this.program.getSourceFile(path.join(this.root, file));
    if (!source) throw new Error(`cannot read ${file}`);
    const declaration = source.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
    );
    if (!declaration) throw new Error(`${file} declares no interface ${name}`);
    const shape = this.shapeOf(this.checker.getTypeAtLocation(declaration), typeNameOf(name));
    if (shape.kind !== "object") throw new Error(`${file}: ${name} is not an object type`);
    return { ...shape, name: typeNameOf(name) };
  }

  /** The doc comment of the class or function `name` declared in `file`. */
  declarationDoc(file: string, name: string): string | undefined {
    const source = this.program.getSourceFile(path.join(this.root, file));
    if (!source) throw new Error(`cannot read ${file}`);
    const declaration = source.statements.find(
      (s): s is ts.ClassDeclaration | ts.FunctionDeclaration =>
        (ts.isClassDeclaration(s) || ts.isFunctionDeclaration(s)) && s.name?.text === name,
    );
    const symbol = declaration?.name && this.checker.getSymbolAtLocation(declaration.name);
    if (!symbol) throw new Error(`${file} declares no class or function ${name}`);
    return this.docOf(symbol);
  }

  private docOf(symbol: ts.Symbol): string | undefined {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim();
    return text === "" ? undefined : text;
  }

  /** `name`: what an object or enum is called when the type itself has no name (an inline `{ ... }`). */
  private shapeOf(type: ts.Type, name: string): Shape {
    const parts = type.isUnion() ? type.types : [type];
    const present = parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    if (present.length > 0 && present.every((t) => t.isStringLiteral())) {
      return { kind: "enum", name, values: present.map((t) => (t as ts.StringLiteralType).value) };
    }
    if (present.length > 0 && present.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { kind: "boolean" };
    if (present.length !== 1) return { kind: "any" };
    const single = present[0]!;
    if (single.flags & ts.TypeFlags.StringLike) return { kind: "string" };
    if (single.flags & ts.TypeFlags.NumberLike) return { kind: "number" };
    if (this.checker.isArrayType(single)) {
      const [items] = this.checker.getTypeArguments(single as ts.TypeReference);
      return { kind: "array", items: items ? this.shapeOf(items, name) : { kind: "any" } };
    }
    if (single.flags & ts.TypeFlags.Object) return this.objectOf(single, name);
    return { kind: "any" };
  }

  private objectOf(type: ts.Type, fallbackName: string): Shape {
    const properties = this.checker.getPropertiesOfType(type).filter((p) => !p.name.startsWith("__"));
    const index = type.getStringIndexType();
    if (properties.length === 0) {
      return { kind: "map", values: index ? this.shapeOf(index, fallbackName) : { kind: "any" } };
    }
    const symbolName = type.aliasSymbol?.name ?? type.getSymbol()?.name;
    const name = symbolName && !symbolName.startsWith("__") ? typeNameOf(symbolName) : fallbackName;
    const shaped: Record<string, PropertyShape> = {};
    for (const property of properties) {
      const propertyType = this.checker.getTypeOfSymbol(property);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const nullable = propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Null);
      shaped[property.name] = {
        shape: this.shapeOf(propertyType, `${name}${capitalize(property.name)}`),
        description: this.docOf(property),
        required: !optional && !nullable,
      };
    }
    return { kind: "object", name, properties: shaped };
  }
}
