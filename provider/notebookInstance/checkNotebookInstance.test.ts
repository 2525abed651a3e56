import { checkInputs } from "../frame/resourceVerbs.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";

const checkNotebookInstance = (olds: object | undefined, news: object) =>
  checkInputs(notebookInstanceProvider.definition, olds, news);

const base = {
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storage: { path: "/bucket/dev/" },
};

describe("rules check enforces beyond the schema's shapes", () => {
  test("a timeout longer than a day is refused at check, naming the field", () => {
    const { failures } = checkNotebookInstance(undefined, { ...base, timeouts: { create: "9".repeat(400) + "h" } });
    expect(failures).toEqual([
      { property: "timeouts.create", reason: `timeouts.create must be at most 24h (got "${"9".repeat(24)}…")` },
    ]);
    expect(checkNotebookInstance(undefined, { ...base, timeouts: { delete: "25h" } }).failures).toEqual([
      { property: "timeouts.delete", reason: 'timeouts.delete must be at most 24h (got "25h")' },
    ]);
    expect(checkNotebookInstance(undefined, { ...base, timeouts: { update: "24h" } }).failures).toEqual([]);
  });

  test("a __proto__ input is refused and changes no prototype", () => {
    const own = JSON.parse(`{"__proto__": {"polluted": true}, "profileId": "p"}`) as object;
    const result = checkNotebookInstance(undefined, own);
    expect(result.failures).toEqual([{ property: "__proto__", reason: "__proto__ is not an input" }]);
    // An object whose prototype was already replaced on the way in (assignment of a "__proto__" key).
    const assigned: Record<string, unknown> = { ...base };
    assigned["__proto__"] = { polluted: true };
    expect(checkNotebookInstance(undefined, assigned).failures).toEqual([
      { property: "__proto__", reason: "__proto__ is not an input" },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("internal keys (Pulumi's __provider, our __ownerKey) pass check", () => {
    const { failures } = checkNotebookInstance(undefined, { ...base, __other: 1, __ownerKey: "p/s/n" });
    expect(failures).toEqual([]);
  });
});

describe("the caps and forms shared with Notebook (schema.json $defs)", () => {
  const CONTROL = "must not contain control or invisible formatting characters";
  const DOT_SEGMENTS = 'must not contain a "." or ".." segment, a backslash, or a percent-encoded';
  test.each<[string, Record<string, unknown>, string, string]>([
    ["a flavor with ESC", { flavor: "modelarts.vm.cpu.2u\u001b[2J" }, "flavor", 'flavor must be a flavor id such as "'],
    ["a 1 MB flavor", { flavor: "f".repeat(1 << 20) }, "flavor", "flavor must be at most 128 characters"],
    ["a 1 MB namePrefix", { namePrefix: "n".repeat(1 << 20) }, "namePrefix", "namePrefix must be at most 64"],
    ["a namePrefix with a newline", { namePrefix: "dev\nx" }, "namePrefix", `namePrefix ${CONTROL}`],
    ["a description with NUL", { description: "a\u0000" }, "description", `description ${CONTROL}`],
    ["a description with an RTL override", { description: "a\u202Eb" }, "description", `description ${CONTROL}`],
    ["a storage path that climbs out", { storage: { path: "/bucket/../x/" } }, "storage.path", DOT_SEGMENTS],
    ["an encoded climb", { storage: { path: "/bucket/%2E%2E/x/" } }, "storage.path", DOT_SEGMENTS],
    [
      "an extend storage path that climbs out",
      { extendStorage: [{ type: "obsfs", path: "../fs" }] },
      "extendStorage[0].path",
      DOT_SEGMENTS,
    ],
    ["a millisecond timeout", { timeouts: { delete: "0.001s" } }, "timeouts.delete", "must be at least 1s"],
  ])("%s fails check, naming the field and the rule", (_name, patch, property, reason) => {
    const { failures } = checkNotebookInstance(undefined, { ...base, ...patch });
    expect(failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringContaining(reason) })]),
    );
  });
});
