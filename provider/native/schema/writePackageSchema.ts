/**
 * `node dist/provider/native/schema/writePackageSchema.js [<file>]`: writes the Pulumi package schema (by default
 * beside the compiled provider, where GetSchema reads it). Run by `npm run build` (scripts/build.js) after tsc.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { SCHEMA_FILE_NAME } from "../packageFiles.js";
import { buildPackageSchema } from "./packageSchema.js";
import { SourceDocs } from "./SourceDocs.js";

function repositoryRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      if (manifest.name === "pulumi-modelarts") return dir;
    } catch {
      // not here: look further up
    }
  }
  throw new Error(`no pulumi-modelarts package.json above ${__dirname}`);
}

export function packageSchemaOf(root: string): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
    description: string;
  };
  const jsonSchema = JSON.parse(readFileSync(path.join(root, "schema.json"), "utf8")) as {
    $defs: Record<string, Record<string, unknown>>;
  };
  return buildPackageSchema({
    version: manifest.version,
    description:
      "Huawei Cloud ModelArts notebooks (the notebooks API and the DevEnviron v1 API), with lookups of flavors and images.",
    defs: jsonSchema.$defs,
    docs: new SourceDocs(root),
  });
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(__dirname, "..", SCHEMA_FILE_NAME);
  writeFileSync(out, `${JSON.stringify(packageSchemaOf(repositoryRoot()), null, 2)}\n`);
}
