#!/usr/bin/env node
// `npm run generate` (and `npm run generate -- --check`, which CI runs): the files generated from schema.json, by
// the TypeScript generator in scripts/generate/. It runs from source: each .ts file is transpiled as it is loaded,
// without type checking (`npm run typecheck` checks it), so the generator runs even while the files it writes are
// stale or broken, which a build of the project would not.
"use strict";
const { readFileSync } = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const ts = require("typescript");

const root = path.resolve(__dirname, "..");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(outputText, filename);
};

// The sources import "./x.js" (nodenext): from a .ts file of this repository, that names "./x.ts".
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (/^\.\.?\//.test(request) && request.endsWith(".js") && parent?.filename?.endsWith(".ts")) {
    const source = path.resolve(path.dirname(parent.filename), `${request.slice(0, -3)}.ts`);
    if (source.startsWith(root) && require("node:fs").existsSync(source)) return source;
  }
  return resolve.call(this, request, parent, ...rest);
};

require("./generate/main.ts")
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
