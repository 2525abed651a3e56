import { checkNotebookInstance } from "./checkNotebookInstance.js";

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
