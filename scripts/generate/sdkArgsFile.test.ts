import { sdkArgsFile, sdkArgsName, type SdkResource } from "./sdkArgsFile.js";
import type { Defs } from "./schemaNodes.js";

const timeouts = { type: "object", properties: { create: { description: "Create.", type: "string" } } };

function resource(name: string, catalogue: SdkResource["docs"]["catalogue"]): SdkResource {
  return {
    name,
    folder: "x",
    docs: { resourceName: name, catalogue, defaultTimeouts: { create: "1m" }, host: "dynamic" },
  };
}

test("SDK names: Args for Input(s), the Notebook prefix, and the names that were public before the rule", () => {
  expect(sdkArgsName("NotebookInputs")).toBe("NotebookArgs");
  expect(sdkArgsName("NotebookVolumeInput")).toBe("NotebookVolumeArgs");
  expect(sdkArgsName("StorageInput")).toBe("NotebookStorageArgs");
  expect(sdkArgsName("NotebookAutoStopInput")).toBe("NotebookLeaseArgs");
});

test("arguments leave the internal inputs out and say the default and what a change does", () => {
  const defs: Defs = {
    Internal: { type: "object", properties: { __urn: { type: "string" } } },
    TimeoutsInput: timeouts,
    ThingInputs: {
      type: "object",
      required: ["size"],
      allOf: [{ $ref: "#/$defs/Internal" }],
      properties: {
        size: { description: "The size.", type: "integer" },
        zone: { description: "The zone.", type: "string", default: "a" },
        timeouts: { description: "Timeouts.", $ref: "#/$defs/TimeoutsInput" },
      },
    },
  };
  const text = sdkArgsFile(defs, [
    resource("Thing", { size: { change: "replace" }, zone: { change: "update" }, timeouts: { change: "none" } }),
  ]);
  expect(text).toContain("export interface NotebookThingArgs {");
  expect(text).toContain("/** The size. Changing it replaces the thing. */\n  size: pulumi.Input<number>;");
  expect(text).toContain('/** The zone. Default `"a"`. Changed in place. */\n  zone?: pulumi.Input<string>;');
  expect(text).toContain("timeouts?: pulumi.Input<NotebookTimeoutsArgs>;");
  expect(text).toContain("/** Create. */\n  create?: pulumi.Input<string>;");
  expect(text).not.toContain("__urn");
  expect(text).not.toContain("Internal");
});

test("an input without a description is refused: users would read nothing", () => {
  const defs: Defs = { ThingInputs: { type: "object", properties: { size: { type: "integer" } } } };
  expect(() => sdkArgsFile(defs, [resource("Thing", { size: { change: "replace" } })])).toThrow(
    "the input size of Thing has no description",
  );
});

test("a shape two resources share must read the same for both", () => {
  const defs: Defs = {
    PartInput: { type: "object", properties: { a: { description: "A.", type: "string" } } },
    OneInputs: { type: "object", properties: { part: { description: "P.", $ref: "#/$defs/PartInput" } } },
    TwoInputs: { type: "object", properties: { part: { description: "P.", $ref: "#/$defs/PartInput" } } },
  };
  expect(() =>
    sdkArgsFile(defs, [
      resource("One", { part: { change: "replace" } }),
      resource("Two", { part: { change: "update" } }),
    ]),
  ).toThrow("PartInput would be documented differently for Two");
});
