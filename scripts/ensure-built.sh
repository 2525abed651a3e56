#!/usr/bin/env bash
# Makes node_modules/ and dist/ current, doing only what is needed, so that the demo and the test command work on a
# fresh clone and cost next to nothing when nothing changed (used by scripts/demo.sh, scripts/test.sh and
# scripts/compat-check.sh):
#   1. `npm ci` when node_modules/ is missing or older than package-lock.json. npm ci also runs the `prepare`
#      script, which builds dist/.
#   2. `npm run build` (scripts/build.js: removes dist/, runs tsc, writes dist/.build-stamp with the build's start
#      time) when the stamp is missing or a build input is newer than it: a .ts file (tests and test data excluded)
#      or a directory under protocol/, provider/, sdk/, emulator/ (a directory's time changes when a file in it is
#      added, renamed or deleted), sdks/nodejs (the generated Node.js SDK), schema.json, tsconfig.json,
#      tsconfig.build.json, tsconfig.native.json, package.json or scripts/build.js.
# Says on stderr what it did and why. FORCE_BUILD=1 builds anyway.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "==> npm ci (installing the pinned dependencies; its prepare script builds dist/)" >&2
	npm ci --no-audit --no-fund >&2
fi

stamp=dist/.build-stamp
reason=""
if [ "${FORCE_BUILD:-}" = 1 ]; then
	reason="FORCE_BUILD=1"
elif [ ! -f "$stamp" ]; then
	reason="no $stamp"
else
	for f in schema.json tsconfig.json tsconfig.build.json tsconfig.native.json package.json scripts/build.js; do
		if [ "$f" -nt "$stamp" ]; then
			reason="$f is newer than the last build"
			break
		fi
	done
	if [ -z "$reason" ]; then
		newer=$(find protocol provider sdk sdks/nodejs emulator -newer "$stamp" \
			\( -type d -o -type f -name '*.ts' ! -name '*.test.ts' ! -path '*/testdata/*' ! -name testkit.ts \) \
			-print -quit)
		[ -z "$newer" ] || reason="$newer is newer than the last build"
	fi
fi

if [ -n "$reason" ]; then
	echo "==> npm run build ($reason)" >&2
	npm run --silent build >&2
else
	echo "==> dist/ is up to date (built $(date -r "$stamp" '+%Y-%m-%d %H:%M:%S'); no source changed since)" >&2
fi
