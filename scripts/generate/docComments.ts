/**
 * TSDoc blocks for generated files, wrapped to the project's line width (Prettier does not wrap comments).
 * Paragraphs are separated by a blank line; a fenced code block is kept as written.
 */
const WIDTH = 120;

export function docComment(text: string, indent: number): string[] {
  if (text.includes("*/")) throw new Error(`a description cannot contain "*/": ${text}`);
  const pad = " ".repeat(indent);
  const lines = docLines(text, WIDTH - indent - 3);
  if (lines.length === 1 && indent + 7 + lines[0]!.length <= WIDTH) return [`${pad}/** ${lines[0]} */`];
  return [`${pad}/**`, ...lines.map((line) => (line === "" ? `${pad} *` : `${pad} * ${line}`)), `${pad} */`];
}

/** The text as lines of at most `width` characters (a longer word stays whole), paragraphs and code kept. */
export function docLines(text: string, width: number): string[] {
  const lines: string[] = [];
  const blocks = text.trim().split(/\n\s*\n/);
  for (const [i, block] of blocks.entries()) {
    if (i > 0) lines.push("");
    if (block.trimStart().startsWith("```")) {
      lines.push(...block.split("\n").map((line) => line.trimEnd()));
      continue;
    }
    let line = "";
    for (const word of block.split(/\s+/).filter((w) => w !== "")) {
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    if (line !== "") lines.push(line);
  }
  return lines;
}

/** Sentences joined into one paragraph, each ending with a full stop; empty parts are left out. */
export function sentences(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => part !== undefined && part !== "")
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`))
    .join(" ");
}
