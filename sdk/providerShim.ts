import type * as pulumi from "@pulumi/pulumi";

type ProviderMethod = keyof pulumi.dynamic.ResourceProvider;

/**
 * Loads the installed `pulumi-modelarts/provider` and runs one of its methods. The `import()` stays a real
 * dynamic import in the CommonJS build (`module: nodenext`), and it resolves from the program directory, which
 * is the provider host's working directory.
 */
// A short name on purpose: the closure serializer repeats it in every method of every resource's state.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method has its own result type
async function run(method: ProviderMethod, args: unknown[]): Promise<any> {
  return (await import("pulumi-modelarts/provider" as string)).notebookInstanceProvider[method](...args);
}

/**
 * The provider object Pulumi serializes into `__provider`. It holds no code of its own and captures nothing but
 * the small loader above: so state stays small (about 2 KB per resource), no credential or library object is
 * ever captured, and refresh/destroy run the installed version rather than a copy frozen in state
 * (pulumi/pulumi#6490).
 */
export const notebookInstanceProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => run("configure", a),
  check: (...a) => run("check", a),
  diff: (...a) => run("diff", a),
  create: (...a) => run("create", a),
  read: (...a) => run("read", a),
  update: (...a) => run("update", a),
  delete: (...a) => run("delete", a),
};
