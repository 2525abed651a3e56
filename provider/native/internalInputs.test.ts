import { notebookProvider } from "../notebook/notebookProvider.js";
import { ownerKeyOf, ownerNonceOf, parseUrn, withInternalInputs, withoutInternalKeys } from "./internalInputs.js";
import { RESOURCES } from "./registry.js";

const URN = "urn:pulumi:dev::proj::modelarts:index:Notebook::my::name";

test("a URN's parts; the name may contain '::'", () => {
  expect(parseUrn(URN)).toEqual({ stack: "dev", project: "proj", type: "modelarts:index:Notebook", name: "my::name" });
  expect(() => parseUrn("dev::proj")).toThrow(/not a Pulumi URN/);
});

test("the owner key is the SDK class's (<project>/<stack>/<name>), so both hosts mark a notebook alike", () => {
  expect(ownerKeyOf(URN)).toBe("proj/dev/my::name");
});

test("a generated name's prefix defaults to the resource name, as the SDK class does; internal keys go back out", async () => {
  const notebook = RESOURCES.get("modelarts:index:Notebook")!;
  expect(notebook.definition).toBe(notebookProvider.definition);
  const inputs = withInternalInputs(notebook, URN, { flavor: "f" });
  expect(inputs).toEqual({ flavor: "f", namePrefix: "my::name", __urn: URN, __ownerKey: "proj/dev/my::name" });
  expect(withInternalInputs(notebook, URN, { name: "declared" }).namePrefix).toBeUndefined();
  expect(withoutInternalKeys(inputs)).toEqual({ flavor: "f", namePrefix: "my::name" });
  const mount = RESOURCES.get("modelarts:index:NotebookStorageMount")!;
  expect(withInternalInputs(mount, URN, { uri: "u" })).toEqual({ uri: "u", __urn: URN });
});

test("the engine's random seed gives the owner mark's random part: 16 hex digits, as the SDK class makes it", () => {
  expect(ownerNonceOf(Uint8Array.from({ length: 32 }, (_, i) => i * 7))).toBe("00070e151c232a31");
  // An engine that sends no seed: 64 random bits all the same.
  expect(ownerNonceOf(new Uint8Array())).toMatch(/^[0-9a-f]{16}$/);
  expect(ownerNonceOf(new Uint8Array())).not.toBe(ownerNonceOf(new Uint8Array()));
});
