/**
 * The import arrows of a tree's production files, for the layer rules of `provider/layers.test.ts` and
 * `emulator/layers.test.ts`: each `import … from`, `export … from` and `import(…)`, resolved to a path when
 * relative, and the layer a path lies in.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

export interface Arrow {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** The `.ts` files under `dir` that are not tests (`isTest` names the others, e.g. a testkit). */
export function productionFiles(dir: string, isTest: (name: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testdata" ? [] : productionFiles(full, isTest);
    const test = entry.name.endsWith(".test.ts") || isTest(entry.name);
    return entry.name.endsWith(".ts") && !test ? [full] : [];
  });
}

/** Every arrow of a file (`source`: its text, read from disk when not given). */
export function arrowsOf(file: string, source = readFileSync(file, "utf8")): Arrow[] {
  const arrows: Arrow[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"/gms;
  for (const match of source.matchAll(statement)) {
    const specifier = match[2] ?? match[3]!;
    const to = specifier.startsWith(".") ? path.resolve(path.dirname(file), specifier) : specifier;
    arrows.push({ from: file, to, typeOnly: match[1] !== undefined });
  }
  return arrows;
}

/**
 * The layer of `target` in the tree at `root`: its first folder there, `root` for the tree's own files, `protocol`
 * for protocol/, `outside` for anything else of this repository, `node` for node's modules, and `package <name>`
 * for a package.
 */
export function layerOf(root: string, target: string): string {
  if (!path.isAbsolute(target)) return target.startsWith("node:") ? "node" : `package ${target}`;
  const protocol = path.resolve(root, "../protocol");
  if (target.startsWith(protocol + path.sep)) return "protocol";
  const inside = path.relative(root, target);
  if (inside.startsWith("..")) return "outside";
  const [first, ...rest] = inside.split(path.sep);
  return rest.length > 0 ? first! : "root";
}
