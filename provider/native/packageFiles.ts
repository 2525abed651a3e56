/**
 * Files of the installed package the native provider serves from: its package.json (the plugin's version) and the
 * Pulumi package schema the build writes beside the compiled provider (`npm run build`, scripts/build.js).
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

/** The generated Pulumi package schema, beside this module in dist/. */
export const SCHEMA_FILE_NAME = "package-schema.json";

export function schemaFile(): string {
  const file = path.join(__dirname, SCHEMA_FILE_NAME);
  if (!existsSync(file)) {
    throw new Error(`the Pulumi package schema ${file} is missing: run npm run build (it writes the schema)`);
  }
  return file;
}

let version: string | undefined;

/** pulumi-modelarts's version, from the nearest package.json up from this module (dist/ or the sources). */
export function packageVersion(): string {
  if (version !== undefined) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.name === "pulumi-modelarts" && typeof manifest.version === "string") {
        return (version = manifest.version);
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json of pulumi-modelarts above ${__dirname}`);
  }
}
