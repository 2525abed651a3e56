#!/usr/bin/env bash
# One shell style for the project's scripts: shfmt (pinned in tools/shfmt/go.mod), built once with Go into the
# user cache. `--check` (CI) lists the differences and fails on any; without it the files are rewritten.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/.*mvdan\.cc\/sh\/v3 \(v[0-9.]*\).*/\1/p' tools/shfmt/go.mod | head -n1)
bin="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-modelarts/shfmt-$version/shfmt"
if [ ! -x "$bin" ]; then
	echo "==> building shfmt $version" >&2
	mkdir -p "$(dirname "$bin")"
	(cd tools/shfmt && go build -o "$bin" mvdan.cc/sh/v3/cmd/shfmt)
fi

# Tabs (shfmt's default, and what most of the scripts already used), switch cases indented, binary operators may
# start a line.
flags=(-ci -bn)
files=(scripts/*.sh .ci/run)
if [ "${1:-}" = "--check" ]; then
	"$bin" "${flags[@]}" -d "${files[@]}"
else
	"$bin" "${flags[@]}" -w "${files[@]}"
fi
