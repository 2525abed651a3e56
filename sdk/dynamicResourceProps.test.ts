import * as pulumi from "@pulumi/pulumi";
import { dynamicResourceProps, type DynamicResourceSpec } from "./dynamicResourceProps.js";

const SPEC: DynamicResourceSpec = {
  type: "Notebook",
  outputNames: [],
  deleteFirstBecause: "test",
  ownerKey: true,
  generatedName: true,
};

function ownerProps(preview: boolean): Record<string, unknown> {
  pulumi.runtime.setMocks({ newResource: () => ({ id: "x", state: {} }), call: () => ({}) }, "proj", "dev", preview);
  return dynamicResourceProps(SPEC, "nb", { flavor: "f" }, undefined).props;
}

test("`pulumi up`: the owner mark is the readable project/stack/resource and a fresh random part", () => {
  const first = ownerProps(false);
  const second = ownerProps(false);
  expect(first.__ownerKey).toBe("proj/dev/nb");
  expect(first.__ownerNonce).toMatch(/^[0-9a-f]{16}$/);
  // Fresh in every run: check keeps the recorded one of a resource that has one (provider/frame/ownerMark.ts).
  expect(second.__ownerNonce).not.toBe(first.__ownerNonce);
});

test("`pulumi preview`: the random part is unknown, so no generated name is shown that `up` would not use", () => {
  const props = ownerProps(true);
  expect(props.__ownerKey).toBe("proj/dev/nb");
  expect(pulumi.isUnknown(props.__ownerNonce)).toBe(true);
});

test("resources without an owner mark (NotebookStorageMount) get none", () => {
  pulumi.runtime.setMocks({ newResource: () => ({ id: "x", state: {} }), call: () => ({}) }, "proj", "dev", false);
  const { props } = dynamicResourceProps({ ...SPEC, ownerKey: false }, "m", { uri: "u" }, undefined);
  expect(props.__ownerKey).toBeUndefined();
  expect(props.__ownerNonce).toBeUndefined();
});
