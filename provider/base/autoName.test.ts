import fc from "fast-check";
import { generateName, MAX_NAME_LENGTH } from "./autoName.js";

const SUFFIX = /-[a-z0-9]{7}$/;

describe("generateName", () => {
  test.each<[string, string | undefined, number, RegExp]>([
    ["dev", "seed", MAX_NAME_LENGTH, /^dev-[a-z0-9]{7}$/],
    ["team notebook/ü", "seed", MAX_NAME_LENGTH, /^team-notebook---[a-z0-9]{7}$/],
    ["", "seed", MAX_NAME_LENGTH, /^notebook-[a-z0-9]{7}$/],
    ["a".repeat(100), "seed", MAX_NAME_LENGTH, new RegExp(`^a{${MAX_NAME_LENGTH - 8}}-[a-z0-9]{7}$`)],
    ["a".repeat(200), undefined, 128, /^a{120}-[a-z0-9]{7}$/],
    ["under_score-dash", undefined, MAX_NAME_LENGTH, /^under_score-dash-[a-z0-9]{7}$/],
  ])("%j (seed %j, at most %d) gives %s", (prefix, seed, maxLength, pattern) => {
    expect(generateName(prefix, seed, maxLength)).toMatch(pattern);
  });

  test("a seed gives the same name every time (preview and the up that follows), another seed another one", () => {
    expect(generateName("dev", "proj/dev/nb")).toBe(generateName("dev", "proj/dev/nb"));
    expect(generateName("dev", "proj/dev/nb")).not.toBe(generateName("dev", "proj/dev/nb2"));
    // The suffix is the seed's alone: another prefix keeps it.
    expect(generateName("prod", "s").replace(/^prod/, "")).toBe(generateName("dev", "s").replace(/^dev/, ""));
  });

  test("without a seed the suffix is random", () => {
    const names = new Set(Array.from({ length: 20 }, () => generateName("dev")));
    expect(names.size).toBe(20);
  });

  test("any prefix gives a valid name within the length, ending in the suffix", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.string(), { nil: undefined }),
        fc.integer({ min: 16, max: 256 }),
        (prefix, seed, maxLength) => {
          const name = generateName(prefix, seed, maxLength);
          expect(name.length).toBeLessThanOrEqual(maxLength);
          expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(name).toMatch(SUFFIX);
        },
      ),
    );
  });

  test("a prefix of valid characters is kept as it is when it fits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,56}$/), fc.string(), (prefix, seed) => {
        expect(generateName(prefix, seed).slice(0, -8)).toBe(prefix);
      }),
    );
  });
});
