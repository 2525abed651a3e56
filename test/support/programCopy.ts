/**
 * A copy of a program folder under test/.work whose `modelarts` plugin path (Pulumi.yaml `plugins.providers[].path`)
 * is this repository's bin/, for the native provider's end-to-end tests: a copy, so that a test may add to the
 * program (imported resources) without touching the committed one.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../../devkit/pulumiCli.js";

export function programCopy(template: string, pluginPath: string): string {
  mkdirSync(path.join(REPO_ROOT, "test/.work"), { recursive: true });
  const dir = mkdtempSync(path.join(REPO_ROOT, `test/.work/${path.basename(template)}-`));
  cpSync(template, dir, { recursive: true });
  const manifest = path.join(dir, "Pulumi.yaml");
  const text = readFileSync(manifest, "utf8");
  if (!text.includes(`path: ${pluginPath}`)) throw new Error(`${manifest} names no plugin path ${pluginPath}`);
  writeFileSync(manifest, text.replace(`path: ${pluginPath}`, `path: ${path.join(REPO_ROOT, "bin")}`));
  return dir;
}
