#!/usr/bin/env bash
# Installs the pinned dependencies when they are missing or older than the lock file, then builds dist/.
# Used by the demo and the test command so each works on a fresh clone by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (installing the pinned dependencies)" >&2
  npm ci --no-audit --no-fund >&2
fi
echo "==> npm run build" >&2
npm run --silent build >&2
