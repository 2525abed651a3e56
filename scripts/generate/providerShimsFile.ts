/**
 * The SDK's provider shims (`sdk/providerShims.ts`): one per resource of the registry, each the provider object
 * Pulumi serializes into a resource's `__provider`. The text of a shim is what state keeps for every resource, so
 * its shape is deliberate (below); a test of the serialized size holds it.
 */
import { header } from "./generatedFile.js";

/**
 * The one-letter name of a type's loader: the first letter of what follows `Notebook` (`NotebookInstance` -> `i`),
 * `n` for `Notebook`. One letter keeps the serialized text small; the letters of existing resources never change,
 * so neither does their `__provider` in state.
 */
export function loaderName(type: string): string {
  const rest = type.replace(/^Notebook/, "");
  return (rest === "" ? "n" : rest[0]!).toLowerCase();
}

/** `NotebookStorageMount` -> `notebookStorageMountShim`, what the SDK class passes to `pulumi.dynamic.Resource`. */
export const shimName = (type: string) => `${type[0]!.toLowerCase()}${type.slice(1)}Shim`;

export function providerShimsFile(types: readonly string[]): string {
  const loaders = new Map<string, string>();
  for (const type of types) {
    const letter = loaderName(type);
    if (letter === "a" || letter === "m" || loaders.has(letter)) {
      throw new Error(`sdk/providerShims.ts: the loader name "${letter}" of ${type} is taken; give it another rule`);
    }
    loaders.set(letter, type);
  }
  const shims = [...loaders].map(([letter, type]) =>
    [
      "// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method has its own result type",
      `const ${letter} = (m: Method, a: unknown[]): Promise<any> =>`,
      `  import("pulumi-modelarts/host" as string).then((p) => p.${type}[m](...a));`,
      "",
      `export const ${shimName(type)}: pulumi.dynamic.ResourceProvider = {`,
      ...["configure", "check", "diff", "create", "read", "update", "delete"].map(
        (method) => `  ${method}: (...a) => ${letter}("${method}", a),`,
      ),
      "};",
    ].join("\n"),
  );
  return [
    header("provider/host.ts (the registry)"),
    'import type * as pulumi from "@pulumi/pulumi";',
    "",
    "/**",
    " * The provider objects Pulumi serializes into `__provider`, one per resource type. Each holds no code of its own:",
    " * every method loads the installed `pulumi-modelarts/host` and runs the same method of the real provider. So",
    " * state stays small (under 2 KB per copy), no credential or library object is ever captured, and refresh/destroy",
    " * run the installed version rather than a copy frozen in state (pulumi/pulumi#6490).",
    " *",
    " * The shapes are deliberate: arrow functions, one-letter names and no captured variable other than the loader",
    " * keep the serializer's output small (it wraps every function it writes), and the `import()` stays a real dynamic",
    " * import in the CommonJS build (`module: nodenext`), resolved from the program directory, which is the provider",
    " * host's working directory. One loader per resource type: a shared loader would need the type as a captured",
    " * variable, which the serializer writes into every method. Measured by the bench's state section.",
    " */",
    "type Method = keyof pulumi.dynamic.ResourceProvider;",
    "",
    shims.join("\n\n"),
    "",
  ].join("\n");
}
