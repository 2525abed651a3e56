import * as host from "../../provider/host.js";
import { loaderName, providerShimsFile, shimName } from "./providerShimsFile.js";

test("one shim per resource of the registry, under the name its SDK class imports", () => {
  const text = providerShimsFile(Object.keys(host));
  for (const type of Object.keys(host)) {
    expect(text).toContain(`export const ${shimName(type)}: pulumi.dynamic.ResourceProvider = {`);
    expect(text).toContain(`.then((p) => p.${type}[m](...a));`);
  }
  expect(shimName("NotebookStorageMount")).toBe("notebookStorageMountShim");
});

test("the loaders of the resources in users' state keep their letters, so their __provider text never changes", () => {
  expect(["NotebookInstance", "Notebook", "NotebookStorageMount"].map(loaderName)).toEqual(["i", "n", "s"]);
});

test("two resources whose loaders would share a letter fail the generation, naming it", () => {
  expect(() => providerShimsFile(["NotebookStorageMount", "NotebookSnapshot"])).toThrow(
    'the loader name "s" of NotebookSnapshot is taken',
  );
  // `a` and `m` are the loaders' own parameters.
  expect(() => providerShimsFile(["NotebookAlarm"])).toThrow('the loader name "a" of NotebookAlarm is taken');
});
