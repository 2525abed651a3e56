/**
 * The storage mount's mark: a tag the tag service takes, one per mount path, that names the uri it was written
 * for, and nothing else reads as one.
 */
import fc from "fast-check";
import schema from "../../schema.json";
import { isMarkedMount, isMountMarkKey, markNamesUri, mountMarkKey, mountMarkTag } from "./mountMark.js";

const tagShape = schema.$defs.NotebookTag.properties;
const keyPattern = new RegExp(tagShape.key.pattern, "u");
const valuePattern = new RegExp(tagShape.value.pattern, "u");

const PATH = "/data/datasets/";
const URI = "obs://bucket/datasets/";

test("the mark is a tag the tag service takes, whatever the path and the uri hold", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (path, uri) => {
      const { key, value } = mountMarkTag(path, uri);
      expect(key.length).toBeLessThanOrEqual(tagShape.key.maxLength);
      expect(key).toMatch(keyPattern);
      expect(value.length).toBeLessThanOrEqual(tagShape.value.maxLength);
      expect(value).toMatch(valuePattern);
    }),
  );
  expect(mountMarkTag(PATH, URI)).toEqual({
    key: expect.stringMatching(/^pulumi-modelarts\.mount\.[0-9a-f]{16}$/),
    value: expect.stringMatching(/^[0-9a-f]{16} \/data\/datasets\/$/),
  });
});

test("one key per mount path, a trailing slash or not; another path has another", () => {
  expect(mountMarkKey("/data/datasets/")).toBe(mountMarkKey("/data/datasets"));
  expect(mountMarkKey("/data/datasets/")).not.toBe(mountMarkKey("/data/models/"));
  expect(isMountMarkKey(mountMarkKey(PATH))).toBe(true);
  expect(isMountMarkKey("pulumi-modelarts.owner")).toBe(false);
  expect(isMountMarkKey("team")).toBe(false);
});

test.each([
  ["the mark of this path and uri", [mountMarkTag(PATH, URI)], PATH, URI, true],
  [
    "the uri without its trailing slash, as a service may echo it",
    [mountMarkTag(PATH, URI)],
    PATH,
    "obs://bucket/datasets",
    true,
  ],
  ["another uri mounted at the marked path", [mountMarkTag(PATH, URI)], PATH, "obs://bucket/other/", false],
  ["another path", [mountMarkTag(PATH, URI)], "/data/other/", URI, false],
  ["no tags", undefined, PATH, URI, false],
  ["the mark's value came back null", [{ key: mountMarkKey(PATH) }], PATH, URI, false],
  ["a value of another form under the key", [{ key: mountMarkKey(PATH), value: "mine" }], PATH, URI, false],
  ["a user's tag with the path", [{ key: "mount", value: PATH }], PATH, URI, false],
  ["a path the service did not report", [mountMarkTag(PATH, URI)], undefined, URI, false],
  ["a uri the service did not report", [mountMarkTag(PATH, URI)], PATH, undefined, false],
])("%s", (_what, tags, path, uri, marked) => {
  expect(isMarkedMount(tags, path, uri)).toBe(marked);
});

test("a mark's value names its uri by the hash before the space only", () => {
  const { value } = mountMarkTag(PATH, URI);
  expect(markNamesUri(value, URI)).toBe(true);
  expect(markNamesUri(value.slice(0, 16), URI)).toBe(true);
  expect(markNamesUri(`${value.slice(0, 16)}x`, URI)).toBe(false);
  expect(markNamesUri(undefined, URI)).toBe(false);
});
