/**
 * `npm run generate`: writes every file generated from schema.json (and the field catalogues); `--check` writes
 * nothing and fails, naming the files, when one differs from what would be written (CI runs it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { generatedFiles } from "./targets.js";

export async function main(args: readonly string[]): Promise<number> {
  const root = path.resolve(__dirname, "../..");
  const check = args.includes("--check");
  const options = { ...((await prettier.resolveConfig(path.join(root, "schema.json"))) ?? {}), parser: "typescript" };
  const stale: string[] = [];
  for (const [file, text] of generatedFiles(root)) {
    const formatted = await prettier.format(text, options);
    const full = path.join(root, file);
    let current: string | undefined;
    try {
      current = readFileSync(full, "utf8");
    } catch {
      current = undefined;
    }
    if (current === formatted) continue;
    stale.push(file);
    if (!check) writeFileSync(full, formatted);
  }
  if (check && stale.length > 0) {
    console.error(`generated files differ from schema.json and the catalogues; run \`npm run generate\`:`);
    for (const file of stale) console.error(`  ${file}`);
    return 1;
  }
  console.log(
    check ? "generated files are current" : `wrote ${stale.length} file(s)${stale.map((f) => `\n  ${f}`).join("")}`,
  );
  return 0;
}
