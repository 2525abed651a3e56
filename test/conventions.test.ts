/**
 * Naming rules a linter cannot check: a file whose namesake export is a class carries the class's exact name
 * (`RequestExecutor.ts`), and a PascalCase file exports the class or type it is named after. Import specifiers
 * (`.js` everywhere) are checked by ESLint; shell style by `scripts/format-shell.sh --check`.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const FOLDERS = ["protocol", "provider", "sdk", "emulator", "devkit", "bench", "test"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : sources(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".d.ts")
      ? [full]
      : [];
  });
}

const files = FOLDERS.flatMap((folder) => sources(path.join(ROOT, folder)));

test("a file named after a class carries the class's exact name", () => {
  const wrong: string[] = [];
  for (const file of files) {
    const base = path.basename(file, ".ts");
    for (const [, name] of readFileSync(file, "utf8").matchAll(/^export (?:abstract )?class (\w+)/gm)) {
      if (name!.toLowerCase() === base.toLowerCase() && name !== base)
        wrong.push(`${path.relative(ROOT, file)}: ${name}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("a PascalCase file exports the class or type it is named after", () => {
  const wrong = files
    .filter((file) => /^[A-Z]/.test(path.basename(file)))
    .filter((file) => {
      const base = path.basename(file, ".ts");
      return !new RegExp(`^export (?:abstract )?(?:class|interface|type) ${base}\\b`, "m").test(
        readFileSync(file, "utf8"),
      );
    })
    .map((file) => path.relative(ROOT, file));
  expect(wrong).toEqual([]);
});
