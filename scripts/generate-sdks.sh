#!/usr/bin/env bash
# `npm run sdks`: the SDKs of the native provider's package, generated into sdks/ (committed) from the package schema
# the build writes, with Pulumi's own generators: Go, Python and Node.js by tools/sdkgen (pkg/v3 at the CLI's
# version), .NET by tools/sdkgen-dotnet (pkg/v3 v3.206.0, the last with a .NET generator). The Node.js SDK is
# compiled into dist/ by the build (the `pulumi-modelarts/native` entry point), so the build runs again after it.
# CI fails when sdks/ differ from what this writes (tools/sdkgen/sdkgen_test.go, tools/sdkgen-dotnet/sdks_test.go).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
schema="$PWD/dist/provider/native/package-schema.json"
(cd tools && go run ./sdkgen -schema "$schema" -out ../sdks)
(cd tools/sdkgen-dotnet && go run . -schema "$schema" -out ../../sdks/dotnet)
npm run --silent build
echo "sdks/: go, python, nodejs, dotnet generated from $schema"
