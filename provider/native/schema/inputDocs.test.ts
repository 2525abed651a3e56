import { changeOf, changeSentence, inputDoc, literalText, type InputDocSource } from "./inputDocs.js";

const source: InputDocSource = {
  resourceName: "NotebookInstance",
  catalogue: {
    flavor: { change: "replace" },
    volume: { change: "replace", parts: { capacityGb: "update" } },
    autoStop: { change: "action" },
    timeouts: { change: "none" },
  },
  defaultTimeouts: { create: "30m", update: "20m", delete: "20m" },
  host: "native",
};

test("a part's own change kind wins over its field's", () => {
  expect(changeOf(source.catalogue, ["volume", "capacityGb"])).toBe("update");
  expect(changeOf(source.catalogue, ["volume", "category"])).toBe("replace");
  expect(changeOf(source.catalogue, ["unknown"])).toBeUndefined();
});

test("each change kind in words, naming the resource", () => {
  expect(changeSentence("replace", "NotebookInstance")).toBe("Changing it replaces the notebook instance.");
  expect(changeSentence("restart", "Notebook")).toBe(
    "Changed in place: a running notebook is stopped, changed and started again.",
  );
  expect(changeSentence("update", "Notebook")).toBe("Changed in place.");
  expect(changeSentence("none", "Notebook")).toBe("Changing it never calls the API.");
});

test("the description, then the default, then what a change does", () => {
  expect(inputDoc({ description: "API field `flavor`", default: "x" }, ["flavor"], source)).toBe(
    'API field `flavor`. Default `"x"`. Changing it replaces the notebook instance.',
  );
  expect(inputDoc({ description: "GB." }, ["volume", "capacityGb"], source)).toBe("GB. Changed in place.");
});

test("the timeouts say their defaults and how customTimeouts meet them; their parts say nothing of changes", () => {
  expect(inputDoc({ description: "Timeouts." }, ["timeouts"], source)).toBe(
    "Timeouts. Defaults: create 30m, update 20m, delete 20m. Pulumi's `customTimeouts` resource option, when set " +
      "for an operation, wins over it. Changing it never calls the API.",
  );
  expect(inputDoc({ description: "Timeouts." }, ["timeouts"], { ...source, host: "dynamic" })).toBe(
    "Timeouts. Defaults: create 30m, update 20m, delete 20m. Pulumi's `customTimeouts` resource option has no " +
      "effect on these classes: set this instead. Changing it never calls the API.",
  );
  expect(inputDoc({ description: "The longest a create may take." }, ["timeouts", "create"], source)).toBe(
    "The longest a create may take.",
  );
});

test("defaults read as a program writes them", () => {
  expect(literalText({ enabled: false, prompt: true })).toBe("{ enabled: false, prompt: true }");
  expect(literalText("0")).toBe('"0"');
  expect(literalText([1, "a"])).toBe('[1, "a"]');
});
