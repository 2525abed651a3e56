#!/usr/bin/env bash
# Makes the Pulumi CLI (`pulumi`), the Node.js language host (`pulumi-language-nodejs`), the dynamic provider
# plugin shim (`pulumi-resource-pulumi-nodejs`) of the pinned version and Pulumi's YAML language host
# (`pulumi-language-yaml`, for YAML programs of the native provider) available, and prints the directory to put
# on PATH as the LAST line of stdout. Progress and errors go to stderr.
#
#   PATH="$(scripts/get-pulumi.sh | tail -n1):$PATH"
#
# 1. If `pulumi` on PATH has the pinned version and `pulumi-language-nodejs` is on PATH too (reporting the pinned
#    version, or sitting next to that `pulumi` as in a release archive), their directory is used.
#    PULUMI_MODELARTS_USE_PATH_CLI=1 uses the `pulumi` on PATH whatever its version.
#    A `pulumi-language-yaml` must be on PATH or next to that `pulumi` too (release archives ship one).
# 2. Otherwise they are built with Go (modules from the Go module proxy) from tools/ (tools/go.mod pins the
#    version; tools/pulumi-language-nodejs is this project's own language host, since the real one is not served
#    by the proxy; tools/pulumi-language-yaml/go.mod pins pulumi-yaml, a module of its own) into a cache outside
#    the clone, shared by later runs and other clones on the machine:
#      ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-modelarts/pulumi-cli/v<version>/bin
#    The build goes to a temporary directory that is renamed into place, with a stamp (hash of the version and of
#    tools/ sources), only after it succeeded, so an interrupted build never leaves a half-made cache. Go's own
#    module and build caches (GOMODCACHE, GOCACHE; `go env` tells where) make later rebuilds fast.
# 3. If neither works it says which command failed, with the tail of its output, and exits non-zero.
#
# Environment:
#   PULUMI_MODELARTS_USE_PATH_CLI=1   use the pulumi on PATH without the version check
#   PULUMI_MODELARTS_NO_PATH_CLI=1    ignore any pulumi on PATH, always use (or build) the cache
#   PULUMI_MODELARTS_CLI_CACHE=<dir>  cache root instead of ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-modelarts/pulumi-cli
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
tools_dir="$repo_root/tools"

log() { printf 'get-pulumi: %s\n' "$*" >&2; }

# fail <summary> [<log file>]: say what failed (and the tail of its output) and exit.
fail() {
	log "error: $1"
	if [ -n "${2:-}" ] && [ -s "$2" ]; then
		log "last lines of its output ($2):"
		tail -n 40 "$2" | sed 's/^/    /' >&2
	fi
	exit 1
}

# The pinned version is the one tools/go.mod requires; go.sum makes the build reproducible.
version=$(sed -n 's/^[[:space:]]*github\.com\/pulumi\/pulumi\/pkg\/v3 v\([0-9][^[:space:]]*\).*/\1/p' "$tools_dir/go.mod" | head -n1)
[ -n "$version" ] || fail "cannot read the pinned github.com/pulumi/pulumi/pkg/v3 version from $tools_dir/go.mod"
sdk_version=$(sed -n 's/^[[:space:]]*github\.com\/pulumi\/pulumi\/sdk\/v3 v\([0-9][^[:space:]]*\).*/\1/p' "$tools_dir/go.mod" | head -n1)
[ "$sdk_version" = "$version" ] \
	|| fail "$tools_dir/go.mod requires pulumi pkg/v3 v$version but sdk/v3 v${sdk_version:-?}; they must be the same version"

# Pulumi's YAML language host, pinned in its own module (it does not compile against the CLI's pkg/v3).
yaml_dir="$tools_dir/pulumi-language-yaml"
yaml_version=$(sed -n 's/^[[:space:]]*\(require[[:space:]]*\)\{0,1\}github\.com\/pulumi\/pulumi-yaml v\([0-9][^[:space:]]*\).*/\2/p' "$yaml_dir/go.mod" | head -n1)
[ -n "$yaml_version" ] || fail "cannot read the pinned github.com/pulumi/pulumi-yaml version from $yaml_dir/go.mod"

export PULUMI_SKIP_UPDATE_CHECK=true

cache_root="${PULUMI_MODELARTS_CLI_CACHE:-${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/pulumi-modelarts/pulumi-cli}"
version_dir="$cache_root/v$version"
bin_dir="$version_dir/bin"

# --- 1. a CLI already on PATH ----------------------------------------------------------------------------------
path_reason=""
try_path_cli() {
	local pulumi_bin pulumi_dir have lh lh_version
	if ! pulumi_bin=$(command -v pulumi 2>/dev/null); then
		path_reason="no pulumi on PATH"
		return 1
	fi
	pulumi_dir=$(cd "$(dirname "$pulumi_bin")" && pwd -P)
	if [ "${PULUMI_MODELARTS_USE_PATH_CLI:-}" = 1 ]; then
		log "using $pulumi_bin (PULUMI_MODELARTS_USE_PATH_CLI=1, version not checked)"
		if ! command -v pulumi-language-nodejs >/dev/null 2>&1 && [ ! -x "$pulumi_dir/pulumi-language-nodejs" ]; then
			log "warning: no pulumi-language-nodejs on PATH or next to $pulumi_bin"
		fi
		printf '%s\n' "$pulumi_dir"
		return 0
	fi
	# Our own cache on PATH is checked (and rebuilt when tools/ changed) by step 2, not trusted here.
	case "$pulumi_dir/" in "$(cd "$cache_root" 2>/dev/null && pwd -P || echo "$cache_root")/"*)
		path_reason="the pulumi on PATH is this script's cache ($pulumi_dir)"
		return 1
		;;
	esac
	have=$(timeout 60 pulumi version 2>/dev/null </dev/null | tail -n1 || true)
	if [ "$have" != "v$version" ]; then
		path_reason="$pulumi_bin is version '${have:-unknown}', not v$version"
		return 1
	fi
	if ! lh=$(command -v pulumi-language-nodejs 2>/dev/null); then
		path_reason="$pulumi_bin is v$version but there is no pulumi-language-nodejs on PATH"
		return 1
	fi
	# (a host that does not know -version exits with a usage error; the timeout guards against one that serves)
	lh_version=$(timeout 20 pulumi-language-nodejs -version 2>/dev/null </dev/null | tail -n1 || true)
	if [ "$lh_version" != "v$version" ] && [ "$lh_version" != "$version" ] \
		&& [ "$(cd "$(dirname "$lh")" && pwd -P)" != "$pulumi_dir" ]; then
		path_reason="$lh is neither v$version nor next to $pulumi_bin"
		return 1
	fi
	if ! command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1 \
		&& [ ! -x "$pulumi_dir/pulumi-resource-pulumi-nodejs" ]; then
		path_reason="$pulumi_bin is v$version but pulumi-resource-pulumi-nodejs (for dynamic providers) is neither on PATH nor next to it"
		return 1
	fi
	if ! command -v pulumi-language-yaml >/dev/null 2>&1 && [ ! -x "$pulumi_dir/pulumi-language-yaml" ]; then
		path_reason="$pulumi_bin is v$version but pulumi-language-yaml (for YAML programs) is neither on PATH nor next to it"
		return 1
	fi
	log "using pulumi v$version from PATH ($pulumi_dir)"
	printf '%s\n' "$pulumi_dir"
	return 0
}

if [ "${PULUMI_MODELARTS_NO_PATH_CLI:-}" != 1 ]; then
	if try_path_cli; then
		exit 0
	fi
	if [ "${PULUMI_MODELARTS_USE_PATH_CLI:-}" = 1 ]; then
		fail "PULUMI_MODELARTS_USE_PATH_CLI=1 but the PATH cannot be used: $path_reason"
	fi
	log "not using a CLI from PATH: $path_reason"
fi

# --- 2. the cache, built from source with Go ------------------------------------------------------------------
# The dynamic provider plugin the engine starts for pulumi.dynamic.Resource. The engine looks for
# pulumi-resource-pulumi-nodejs on PATH, then next to the running `pulumi` (it is a "bundled" plugin); release
# archives ship this script there. It runs the provider host of the @pulumi/pulumi that the program directory (the
# plugin's working directory) resolves, like the copy inside @pulumi/pulumi, but fails loudly when there is none.
shim_contents='#!/bin/sh
# pulumi-resource-pulumi-nodejs, written by pulumi-modelarts scripts/get-pulumi.sh.
# Starts the Node.js dynamic provider host of the @pulumi/pulumi installed for the program (the current directory).
script=$(node -e "console.log(require.resolve(\"@pulumi/pulumi/cmd/dynamic-provider\"))") || {
	echo "pulumi-resource-pulumi-nodejs: cannot resolve @pulumi/pulumi/cmd/dynamic-provider from $(pwd); is @pulumi/pulumi installed?" >&2
	exit 1
}
exec node "$script" "$@"
'

# Cache key: the version, the shim and every non-test source under tools/ but sdkgen/, sdkgen-dotnet/ and sdkgenkit/ (not built here). Bump stamp_format when the build recipe
# below (flags, files written) changes, so that existing caches are rebuilt.
stamp_format=2
cache_key() {
	{
		printf 'format %s\nversion %s\nyaml %s\n' "$stamp_format" "$version" "$yaml_version"
		printf '%s' "$shim_contents"
		(cd "$tools_dir" && find . \( -path ./sdkgen -o -path ./sdkgen-dotnet -o -path ./sdkgenkit \) -prune -o -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) -print | LC_ALL=C sort \
			| while IFS= read -r f; do
				printf '%s\n' "$f"
				cat "$f"
			done)
	} | sha256sum | cut -d' ' -f1
}
key=$(cache_key)

cache_ok() {
	[ -f "$bin_dir/.stamp" ] && [ "$(cat "$bin_dir/.stamp")" = "$key" ] \
		&& [ -x "$bin_dir/pulumi" ] && [ -x "$bin_dir/pulumi-language-nodejs" ] \
		&& [ -x "$bin_dir/pulumi-resource-pulumi-nodejs" ] && [ -x "$bin_dir/pulumi-language-yaml" ]
}

if cache_ok; then
	log "using cached pulumi v$version ($bin_dir)"
	printf '%s\n' "$bin_dir"
	exit 0
fi

mkdir -p "$version_dir" || fail "cannot create the cache directory $version_dir"

# One build at a time per version; a second run waits and then finds the cache made.
if command -v flock >/dev/null 2>&1; then
	exec 9>"$version_dir/.lock"
	if ! flock -n 9; then
		log "another get-pulumi build is running; waiting for its lock ($version_dir/.lock)"
		flock 9
	fi
	if cache_ok; then
		log "using cached pulumi v$version ($bin_dir), built by the other run"
		printf '%s\n' "$bin_dir"
		exit 0
	fi
	# Holding the lock: whatever temporary directories are left are from interrupted runs.
	rm -rf "$version_dir"/.bin.tmp.* "$version_dir"/.bin.old.* 2>/dev/null || true
fi

go_bin=$(command -v go 2>/dev/null || true)
if [ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ]; then
	go_bin=/usr/local/go/bin/go
fi
[ -n "$go_bin" ] || fail "pulumi v$version is not on PATH ($path_reason) and cannot be built: no 'go' on PATH (Go >= 1.25.11 is needed; https://go.dev/dl)"

tmp_dir=$(mktemp -d "$version_dir/.bin.tmp.XXXXXX") || fail "cannot create a temporary directory in $version_dir"
build_log="$tmp_dir.log"
cleanup() { rm -rf "$tmp_dir" "$build_log"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"
build_cmd=("$go_bin" build -o "$tmp_dir/" -ldflags "$ldflags"
	github.com/pulumi/pulumi/pkg/v3/cmd/pulumi ./pulumi-language-nodejs)
yaml_build_cmd=("$go_bin" build -o "$tmp_dir/"
	-ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$yaml_version"
	github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml)

log "building pulumi v$version, pulumi-language-nodejs and pulumi-language-yaml v$yaml_version with $("$go_bin" env GOVERSION) into $bin_dir"
log "  (the first build downloads ~1.3 GB of modules and compiles for ~7 minutes on 2 cores; later builds reuse"
log "   GOMODCACHE=$("$go_bin" env GOMODCACHE) and GOCACHE=$("$go_bin" env GOCACHE))"
start=$(date +%s)
# run_build <dir> <command...>: Go prints module downloads and errors on stderr: shown as progress and kept for the
# error report.
run_build() {
	local dir=$1 step_start
	shift
	step_start=$(date +%s)
	if ! (cd "$dir" \
		&& GOWORK=off GOFLAGS="${GOFLAGS:-} -mod=readonly -buildvcs=false" "$@") 2>&1 | tee "$build_log" >&2; then
		cp "$build_log" "$version_dir/last-build-failure.log" 2>/dev/null || true
		rm -f "$build_log"
		fail "no usable pulumi on PATH (${path_reason:-not looked for}) and building it failed: command failed (in $dir): $*" "$version_dir/last-build-failure.log"
	fi
	rm -f "$build_log"
	log "  $(basename "$dir"): $(($(date +%s) - step_start))s"
}
run_build "$tools_dir" "${build_cmd[@]}"
run_build "$yaml_dir" "${yaml_build_cmd[@]}"

printf '%s' "$shim_contents" >"$tmp_dir/pulumi-resource-pulumi-nodejs"
chmod 755 "$tmp_dir/pulumi-resource-pulumi-nodejs"

# Check what was built before it becomes the cache.
got=$("$tmp_dir/pulumi" version 2>&1 | tail -n1) || fail "the built CLI does not run: $tmp_dir/pulumi version: $got"
[ "$got" = "v$version" ] || fail "the built CLI reports version '$got', expected v$version"
got=$("$tmp_dir/pulumi-language-nodejs" -version 2>&1 | tail -n1) \
	|| fail "the built language host does not run: $tmp_dir/pulumi-language-nodejs -version: $got"
[ "$got" = "v$version" ] || fail "the built language host reports version '$got', expected v$version"
# (the YAML host has no version flag: it must at least start and print its usage)
"$tmp_dir/pulumi-language-yaml" -help >/dev/null 2>&1 \
	|| fail "the built YAML language host does not run: $tmp_dir/pulumi-language-yaml -help"

printf '%s\n' "$key" >"$tmp_dir/.stamp"
chmod 755 "$tmp_dir"
if [ -e "$bin_dir" ]; then
	old_dir="$version_dir/.bin.old.$$"
	mv "$bin_dir" "$old_dir"
	mv "$tmp_dir" "$bin_dir"
	rm -rf "$old_dir"
else
	mv "$tmp_dir" "$bin_dir"
fi
trap - EXIT

log "built pulumi v$version in $(($(date +%s) - start))s: $bin_dir"
printf '%s\n' "$bin_dir"
