import type { FieldChange } from "../frame/changePlan.js";
import { detailedDiff } from "./detailedDiff.js";
import { UNKNOWN_VALUE } from "./propertyValues.js";

/** The one diff's answer: `replaces` with kind replace, `updates` with kind update. */
const fields = (replaces: string[], updates: string[]): FieldChange[] => [
  ...replaces.map((path) => ({ path, change: "replace" as const, unknown: false })),
  ...updates.map((path) => ({ path, change: "update" as const, unknown: false })),
];

test("each path with its kind; top-level names for the CLI's diff and replace lists", () => {
  const olds = { description: "a", volume: { category: "EVS", capacityGb: 10 }, tags: { a: "1" } };
  const news = { description: "b", volume: { category: "OBS" }, ssh: { keyPairName: "k" } };
  const inputs = new Set(["description", "volume", "ssh", "tags"]);
  expect(
    detailedDiff(olds, news, fields(["volume.category"], ["description", "volume.capacityGb", "ssh", "tags"]), inputs),
  ).toEqual({
    diffs: ["volume", "description", "ssh", "tags"],
    replaces: ["volume"],
    detailedDiff: {
      description: "UPDATE",
      "volume.capacityGb": "DELETE",
      "volume.category": "UPDATE_REPLACE",
      ssh: "ADD",
      tags: "DELETE",
    },
  });
});

test("an unknown new value is listed with the kind its change would have, not compared as a value", () => {
  const result = detailedDiff(
    { notebookId: "x" },
    { notebookId: UNKNOWN_VALUE },
    fields(["notebookId"], []),
    new Set(["notebookId"]),
  );
  expect(result.detailedDiff).toEqual({ notebookId: "UPDATE_REPLACE" });
});

test("an output that forces a replacement (a failed create's status) is an update-replace, not a deletion", () => {
  const result = detailedDiff({ status: "CREATE_FAILED" }, {}, fields(["status"], []), new Set(["description"]));
  expect(result).toEqual({ diffs: ["status"], replaces: ["status"], detailedDiff: { status: "UPDATE_REPLACE" } });
});
