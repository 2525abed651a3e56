import { docComment, docLines, sentences } from "./docComments.js";

test("a short text is one line; a long one wraps at the line width, words whole", () => {
  expect(docComment("The id.", 2)).toEqual(["  /** The id. */"]);
  const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
  const lines = docComment(long, 2);
  expect(lines[0]).toBe("  /**");
  expect(lines.at(-1)).toBe("   */");
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
  expect(
    lines
      .slice(1, -1)
      .map((l) => l.slice("   * ".length))
      .join(" "),
  ).toBe(long);
});

test("paragraphs stay apart and a code block stays as written", () => {
  expect(docLines("One.\n\n```ts\nconst a = 1;\n  b();\n```", 80)).toEqual([
    "One.",
    "",
    "```ts",
    "const a = 1;",
    "  b();",
    "```",
  ]);
});

test("a text cannot end the comment early", () => {
  expect(() => docComment("a */ b", 0)).toThrow('cannot contain "*/"');
});

test("sentences end with a full stop and skip what is empty", () => {
  expect(sentences("One", undefined, " ", "Two.")).toBe("One. Two.");
});
