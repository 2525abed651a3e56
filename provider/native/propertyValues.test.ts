import { containsUnknown, isSecret, markSecrets, secret, structSafe, unwrap, UNKNOWN_VALUE } from "./propertyValues.js";

test("unwrap reveals secrets at any depth, remembers their top-level keys, and drops top-level nulls", () => {
  const { plain, secretKeys } = unwrap({
    a: secret("s"),
    b: { inner: [secret(1), 2] },
    c: "plain",
    d: null,
  });
  expect(plain).toEqual({ a: "s", b: { inner: [1, 2] }, c: "plain" });
  expect([...secretKeys]).toEqual(["a", "b"]);
});

test("markSecrets wraps the named keys once, and leaves absent keys absent", () => {
  const marked = markSecrets({ a: "s", b: { inner: 1 }, c: 3 }, ["a", "b", "missing"]);
  expect(isSecret(marked.a) && marked.a.value).toBe("s");
  expect(isSecret(marked.b)).toBe(true);
  expect(marked.c).toBe(3);
  expect("missing" in marked).toBe(false);
  expect(markSecrets(marked, ["a"]).a).toEqual(marked.a);
});

test("unknowns are found at any depth; undefined never reaches a Struct", () => {
  expect(containsUnknown({ a: [{ b: UNKNOWN_VALUE }] })).toBe(true);
  expect(containsUnknown({ a: "x" })).toBe(false);
  expect(structSafe({ a: undefined, b: [undefined, { c: undefined, d: 1 }] })).toEqual({ b: [null, { d: 1 }] });
});
