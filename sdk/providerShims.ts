import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider objects Pulumi serializes into `__provider`, one per resource type. Each holds no code of its own:
 * every method loads the installed `pulumi-modelarts/host` and runs the same method of the real provider. So
 * state stays small (under 2 KB per copy), no credential or library object is ever captured, and refresh/destroy
 * run the installed version rather than a copy frozen in state (pulumi/pulumi#6490).
 *
 * The shapes are deliberate: arrow functions, one-letter names and no captured variable other than the loader
 * keep the serializer's output small (it wraps every function it writes), and the `import()` stays a real dynamic
 * import in the CommonJS build (`module: nodenext`), resolved from the program directory, which is the provider
 * host's working directory. Measured by the bench's state section.
 */
type Method = keyof pulumi.dynamic.ResourceProvider;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method has its own result type
const i = (m: Method, a: unknown[]): Promise<any> =>
  import("pulumi-modelarts/host" as string).then((p) => p.NotebookInstance[m](...a));

export const notebookInstanceShim: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => i("configure", a),
  check: (...a) => i("check", a),
  diff: (...a) => i("diff", a),
  create: (...a) => i("create", a),
  read: (...a) => i("read", a),
  update: (...a) => i("update", a),
  delete: (...a) => i("delete", a),
};

// One loader per resource type: a shared loader would need the type as a captured variable, which the serializer
// writes into every method.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method has its own result type
const n = (m: Method, a: unknown[]): Promise<any> =>
  import("pulumi-modelarts/host" as string).then((p) => p.Notebook[m](...a));

export const notebookShim: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => n("configure", a),
  check: (...a) => n("check", a),
  diff: (...a) => n("diff", a),
  create: (...a) => n("create", a),
  read: (...a) => n("read", a),
  update: (...a) => n("update", a),
  delete: (...a) => n("delete", a),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method has its own result type
const s = (m: Method, a: unknown[]): Promise<any> =>
  import("pulumi-modelarts/host" as string).then((p) => p.NotebookStorageMount[m](...a));

export const notebookStorageMountShim: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => s("configure", a),
  check: (...a) => s("check", a),
  diff: (...a) => s("diff", a),
  create: (...a) => s("create", a),
  read: (...a) => s("read", a),
  update: (...a) => s("update", a),
  delete: (...a) => s("delete", a),
};
