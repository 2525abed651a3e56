import fc from "fast-check";
import { inputsWith, withDefaults, type ChangeRule, type InputField } from "./fieldCatalogue.js";

const RULES: ChangeRule[] = ["replace", "update", "restart", "action", "record", "none"];

const CATALOGUE = {
  name: { change: "update" },
  flavor: { change: "restart" },
  volume: { change: "replace", default: { category: "EVS", capacityGb: 5 } },
  description: { change: "update", default: "" },
  tags: { change: "action" },
  timeouts: { change: "none" },
  workspaceId: { change: "replace", default: "0" },
} as const satisfies Record<string, InputField>;

const catalogue = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.record(
    { change: fc.constantFrom(...RULES), default: fc.jsonValue({ maxDepth: 2 }) },
    { requiredKeys: ["change"] },
  ),
  { maxKeys: 8 },
);

describe("inputsWith", () => {
  test.each<[ChangeRule[], string[]]>([
    [["replace"], ["volume", "workspaceId"]],
    [["update"], ["name", "description"]],
    [
      ["restart", "update"],
      ["name", "flavor", "description"],
    ],
    [
      ["action", "none"],
      ["tags", "timeouts"],
    ],
    [[], []],
  ])("%j: the inputs of those rules, in catalogue order", (rules, keys) => {
    expect(inputsWith(CATALOGUE, ...rules)).toEqual(keys);
  });

  test("the rules part a catalogue: every input under exactly one, in catalogue order", () => {
    fc.assert(
      fc.property(catalogue, (c) => {
        const parts = RULES.map((rule) => inputsWith(c, rule));
        expect(parts.flat().sort()).toEqual(Object.keys(c).sort());
        expect(inputsWith(c, ...RULES)).toEqual(Object.keys(c));
      }),
    );
  });
});

describe("withDefaults", () => {
  test('fills absent inputs with their defaults, keeps declared ones (null and "" included)', () => {
    expect(withDefaults(CATALOGUE, { name: "nb", description: null, workspaceId: "" })).toEqual({
      name: "nb",
      description: null,
      workspaceId: "",
      volume: { category: "EVS", capacityGb: 5 },
    });
  });

  test("a copy: neither the inputs nor the catalogue's defaults change", () => {
    const inputs = { name: "nb" };
    const filled = withDefaults(CATALOGUE, inputs);
    (filled.volume as { capacityGb: number }).capacityGb = 100;
    expect(inputs).toEqual({ name: "nb" });
    expect(CATALOGUE.volume.default.capacityGb).toBe(5);
    expect(withDefaults(CATALOGUE, {}).volume).toEqual({ category: "EVS", capacityGb: 5 });
  });

  test("every input keeps its value, and an input left undefined gets its default if it has one", () => {
    const value = fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined });
    const inputs = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), value);
    fc.assert(
      fc.property(catalogue, inputs, (c, given) => {
        const filled = withDefaults(c, given);
        for (const key of new Set([...Object.keys(c), ...Object.keys(given)])) {
          if (given[key] !== undefined) expect(filled[key]).toEqual(given[key]);
          else if (c[key]?.default !== undefined) expect(filled[key]).toEqual(c[key].default);
          else expect(filled[key]).toBeUndefined();
        }
      }),
    );
  });
});
