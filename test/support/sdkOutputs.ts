/**
 * The outputs an SDK resource class offers its users, read two ways: what its source declares
 * (`declare public readonly x: pulumi.Output<…>`, read with the TypeScript compiler) and what a constructed
 * resource really has (Pulumi makes an Output only of what the class registered, pulumi/pulumi#5174).
 */
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "node:fs";
import ts from "typescript";

/** The names of the properties `className` in `file` declares with the type `pulumi.Output<…>`. */
export function declaredOutputs(file: string, className: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found = source.statements.find(
    (statement): statement is ts.ClassDeclaration =>
      ts.isClassDeclaration(statement) && statement.name?.text === className,
  );
  if (found === undefined) throw new Error(`${file} declares no class ${className}`);
  return found.members
    .filter(ts.isPropertyDeclaration)
    .filter((member) => member.type !== undefined && ts.isTypeReferenceNode(member.type))
    .filter((member) => (member.type as ts.TypeReferenceNode).typeName.getText(source) === "pulumi.Output")
    .map((member) => member.name.getText(source));
}

/** Of `names`, those `resource` has no Output for (constructed under `pulumi.runtime.setMocks`). */
export function missingOutputs(resource: pulumi.Resource, names: readonly string[]): string[] {
  return names.filter((name) => !pulumi.Output.isInstance((resource as unknown as Record<string, unknown>)[name]));
}
