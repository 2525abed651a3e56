#!/usr/bin/env bash
# Runs every test: unit and emulator tests (jest), the provider-host tests, and the end-to-end tests through
# the real Pulumi CLI. Works on a fresh clone: installs and builds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-built.sh

mkdir -p test/.work
report=test/.work/jest-report.json
status=0
node --experimental-vm-modules node_modules/jest/bin/jest.js --ci --json --outputFile="$report" "$@" || status=$?

# jest's own summary is not a line CI reads; print the plain "N passed, N failed" line from its report.
node -e '
  const r = require(require("node:path").resolve(process.argv[1]));
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed, ${r.numPendingTests} skipped`);
' "$report" | tee test/.work/summary.txt
exit "$status"
