#!/usr/bin/env node
// `npm run build`, and so `prepare` (which npm runs for `npm install` from git, `npm pack` and `npm publish`):
// a clean build of dist/ with tsconfig.build.json. dist/ is removed first, so a file whose source was deleted or
// moved never lingers in dist/ (nor in a packed tarball). On success it writes dist/.build-stamp with the time the
// build started; scripts/ensure-built.sh rebuilds only when a source is newer than that stamp.
"use strict";
const { spawnSync } = require("node:child_process");
const { copyFileSync, rmSync, utimesSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const started = new Date();

rmSync(dist, { recursive: true, force: true });
const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (result.status !== 0) {
  console.error(`build: tsc failed (${result.error ?? `exit ${result.status ?? result.signal}`}); dist/ is incomplete`);
  process.exit(result.status || 1);
}
// The validators a check uses, precompiled by Ajv's standalone code generation (protocol/validation/validatorCode.ts):
// the provider host's first check then neither loads Ajv nor compiles.
const validators = spawnSync(process.execPath, [path.join(dist, "protocol/validation/writeInputValidators.js")], {
  stdio: "inherit",
});
if (validators.status !== 0) {
  console.error(`build: writing the precompiled validators failed (exit ${validators.status ?? validators.signal})`);
  process.exit(validators.status || 1);
}
// The native provider's Pulumi package schema, generated from the compiled registry and the sources' types.
const schema = spawnSync(process.execPath, [path.join(dist, "provider/native/schema/writePackageSchema.js")], {
  stdio: "inherit",
});
if (schema.status !== 0) {
  console.error(`build: writing the Pulumi package schema failed (exit ${schema.status ?? schema.signal})`);
  process.exit(schema.status || 1);
}
// The Node.js SDK generated from that schema (sdks/nodejs, committed; `npm run sdks` regenerates it), compiled with
// its generator's options into dist/native (`pulumi-modelarts/native`). Its package.json goes beside it: the SDK
// reads its version there and asks the engine for that version of the plugin.
const native = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.native.json")], { stdio: "inherit" });
if (native.status !== 0) {
  console.error(`build: compiling sdks/nodejs failed (exit ${native.status ?? native.signal}); dist/ is incomplete`);
  process.exit(native.status || 1);
}
copyFileSync(path.join(root, "sdks/nodejs/package.json"), path.join(dist, "native/package.json"));
const stamp = path.join(dist, ".build-stamp");
writeFileSync(stamp, `dist/ built by scripts/build.js; the build started at ${started.toISOString()}\n`);
// The stamp carries the start time: a source saved while tsc ran is newer than it, so the next check rebuilds.
utimesSync(stamp, started, started);
