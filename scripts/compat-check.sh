#!/usr/bin/env bash
# Compatibility check: the end-to-end lifecycle of the PACKED package (what a user installs from npm) with a given
# Node.js and @pulumi/pulumi version, through the real Pulumi CLI (scripts/get-pulumi.sh) against the local emulator.
#
#   scripts/compat-check.sh [node-version] [pulumi-version]
#
#   node-version     an npm `node` package spec (default 24: `npm install node@24` ships a Node binary in
#                    node_modules/.bin/node), or `system` for the `node` already on PATH
#   pulumi-version   an @pulumi/pulumi spec (default latest)
#
# In a scratch directory outside the repository (${TMPDIR:-/tmp}/pulumi-modelarts-compat-XXXXXX, removed at the end
# unless KEEP=1; a failed run keeps it, with its logs, unless KEEP=0) it:
#   1. builds dist/ when a source is newer than the last build (scripts/ensure-built.sh), and `npm pack`s the
#      repository there;
#   2. makes a Pulumi project: installs node@<node-version> into it, then (with that Node first on PATH, so npm's
#      engine checks see it) the packed tarball and @pulumi/pulumi@<pulumi-version>; prints what npm installed;
#   3. writes Pulumi.yaml (main: index.js) and index.js (require("pulumi-modelarts").NotebookInstance, inputs from
#      stack config);
#   4. starts the emulator from the packed package (node_modules/pulumi-modelarts/dist/emulator/cli.js) with that Node;
#   5. runs, with a local file backend and that Node first on PATH for everything Pulumi starts (the program and
#      the dynamic provider host): up (RUNNING) -> preview --expect-no-changes -> description change + up (updated in
#      place) -> refresh --yes (no drift) -> destroy --yes (emulator empty), asserting each step;
#   6. prints one summary line: node version, @pulumi/pulumi version, PASS/FAIL, step durations.
#
# Environment: KEEP=1 keeps the scratch directory; RESULTS_FILE=<file> appends the summary as a markdown table row;
# COMPAT_TIME_SCALE (default 0.02) is the emulator's time scale. Exit status 0 only when every step passed.
set -euo pipefail

node_spec=${1:-24}
pulumi_spec=${2:-latest}
time_scale=${COMPAT_TIME_SCALE:-0.02}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
source "$script_dir/emulator-banner.sh"

say() { printf 'compat: %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1fs", ms / 1000 }'; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-modelarts-compat-XXXXXX")
case "$scratch/" in "$repo_root/"*)
	echo "compat: the scratch directory $scratch is inside the repository; set TMPDIR elsewhere" >&2
	exit 2
	;;
esac
proj="$scratch/project"
logs="$scratch/logs"
mkdir -p "$proj" "$logs" "$scratch/bin" "$scratch/backend" "$scratch/home"

# --- result bookkeeping: the summary is printed whatever happens ------------------------------------------------
node_version="?"
pulumi_installed="?"
cli_version="?"
tree_state="?"
current_step="setup"
failure=""
timings=()
emulator_pid=""
started_all=$(now_ms)

finish() {
	local rc=$? result row notes
	if [ -n "$emulator_pid" ]; then
		kill "$emulator_pid" 2>/dev/null || true
		wait "$emulator_pid" 2>/dev/null || true
	fi
	if [ "$rc" -eq 0 ] && [ -z "$failure" ]; then
		result=PASS
	else
		result=FAIL
		[ -n "$failure" ] || failure="exit $rc during $current_step"
	fi
	notes="total $(secs $(($(now_ms) - started_all))); tree: $tree_state"
	[ "$result" = PASS ] || notes="$notes; failed at $current_step: $failure"
	printf '\ncompat: node %s + @pulumi/pulumi %s (requested node@%s, @pulumi/pulumi@%s; CLI %s): %s  [%s]  %s\n' \
		"$node_version" "$pulumi_installed" "$node_spec" "$pulumi_spec" "$cli_version" "$result" \
		"${timings[*]:-no step passed}" "$notes"
	if [ -n "${RESULTS_FILE:-}" ]; then
		row="| $node_version (node@$node_spec) | $pulumi_installed (@$pulumi_spec) | $cli_version | $result | ${timings[*]:-} | $notes |"
		printf '%s\n' "$row" >>"$RESULTS_FILE"
	fi
	if [ "${KEEP:-}" = 1 ] || [ "$result" = FAIL ] && [ "${KEEP:-}" != 0 ]; then
		# A failed run keeps its logs unless KEEP=0.
		say "kept $scratch (logs in $logs)"
	else
		rm -rf "$scratch"
	fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

fail() {
	failure=$1
	# The first error line of the step's output goes into the summary.
	if [ -n "${2:-}" ] && [ -s "$2" ]; then
		local first
		first=$(grep -m1 -E '(^|[[:space:]])error:' "$2" | sed 's/^[[:space:]]*//' | cut -c1-200 || true)
		[ -z "$first" ] || failure="$failure: $first"
	fi
	say "FAILED ($current_step): $1"
	if [ -n "${2:-}" ] && [ -s "$2" ]; then
		tail -n 40 "$2" | sed 's/^/    /' >&2
	fi
	exit 1
}

# --- 1. build and pack --------------------------------------------------------------------------------------------
current_step="build+pack"
# scripts/ensure-built.sh builds only when a source is newer than the last build; packing then skips `prepare`
# (which would build once more).
bash "$repo_root/scripts/ensure-built.sh" 2>"$logs/build.log" || fail "scripts/ensure-built.sh failed" "$logs/build.log"
say "$(tail -n1 "$logs/build.log" | sed 's/^==> //')"
tarball_name=$(cd "$repo_root" && npm pack --ignore-scripts --silent --pack-destination "$scratch" 2>"$logs/pack.log" | tail -n1) \
	|| fail "npm pack failed" "$logs/pack.log"
tarball="$scratch/$tarball_name"
[ -f "$tarball" ] || fail "npm pack did not write $tarball" "$logs/pack.log"
tar tzf "$tarball" >"$logs/tarball-files.txt" || fail "cannot list $tarball"
for f in package/package.json package/LICENSE package/dist/schema.json package/dist/sdk/index.js package/dist/provider/index.js package/dist/emulator/cli.js; do
	grep -qx "$f" "$logs/tarball-files.txt" || fail "the packed tarball has no $f"
done
if grep -Eq '\.test\.|/testdata/|signingVectors\.|/testkit\.|\.map$|\.build-stamp$|^package/(test|node_modules)/' "$logs/tarball-files.txt"; then
	fail "the packed tarball contains tests, test data, source maps, the build stamp or node_modules"
fi
tree_state="commit $(git -C "$repo_root" rev-parse --short HEAD 2>/dev/null || echo '?')"
dirty=$(git -C "$repo_root" status --porcelain 2>/dev/null | wc -l)
[ "$dirty" -eq 0 ] || tree_state="$tree_state + $dirty uncommitted path(s)"
say "packed $tarball_name ($(du -k "$tarball" | cut -f1) KB, $(wc -l <"$logs/tarball-files.txt") files) from the working tree ($tree_state)"

# --- 2. the project and its dependencies ----------------------------------------------------------------------------
current_step="install"
cat >"$proj/package.json" <<'EOF'
{
  "name": "pulumi-modelarts-compat-check",
  "version": "0.0.0",
  "private": true,
  "main": "index.js"
}
EOF
npm_flags=(--no-audit --no-fund --save-exact --loglevel=warn)
if [ "$node_spec" = system ]; then
	real_node=$(command -v node) || fail "no node on PATH"
	real_node=$(readlink -f "$real_node")
else
	say "npm install node@$node_spec (the Node binary from the npm registry)"
	(cd "$proj" && npm install "${npm_flags[@]}" "node@$node_spec") >"$logs/install-node.log" 2>&1 \
		|| fail "npm install node@$node_spec failed" "$logs/install-node.log"
	real_node=$(readlink -f "$proj/node_modules/.bin/node")
	[ -x "$real_node" ] || fail "node@$node_spec put no executable node in node_modules/.bin" "$logs/install-node.log"
fi
node_version=$("$real_node" --version) || fail "$real_node --version failed"
say "node $node_version ($real_node)"

# A `node` on PATH that logs every start (cwd and arguments) and runs the chosen binary: it proves which Node ran the
# Pulumi program and the dynamic provider host.
cat >"$scratch/bin/node" <<EOF
#!/bin/sh
printf '%s\t%s\n' "\$(pwd)" "\$*" >>"$logs/node-starts.log"
exec "$real_node" "\$@"
EOF
chmod 755 "$scratch/bin/node"
export PATH="$scratch/bin:$PATH"
[ "$(node --version)" = "$node_version" ] || fail "node on PATH is $(node --version), not $node_version"

say "npm install $tarball_name @pulumi/pulumi@$pulumi_spec (npm $(npm --version) on node $(node --version))"
(cd "$proj" && npm install "${npm_flags[@]}" "$tarball" "@pulumi/pulumi@$pulumi_spec") >"$logs/install.log" 2>&1 \
	|| fail "npm install of the packed package and @pulumi/pulumi@$pulumi_spec failed" "$logs/install.log"
pkg_version() { "$real_node" -p "require(process.argv[1]).version" "$1/package.json"; }
pulumi_installed=$(pkg_version "$proj/node_modules/@pulumi/pulumi")
modelarts_installed=$(pkg_version "$proj/node_modules/pulumi-modelarts")
[ ! -e "$proj/node_modules/pulumi-modelarts/node_modules/@pulumi/pulumi" ] \
	|| fail "npm installed a second @pulumi/pulumi under pulumi-modelarts/node_modules (the peer dependency was not shared)"
# got and ajv as pulumi-modelarts resolves them (a nested copy when @pulumi/pulumi hoists another version)
dep_version() {
	local dir="$proj/node_modules/pulumi-modelarts/node_modules/$1"
	[ -d "$dir" ] || dir="$proj/node_modules/$1"
	pkg_version "$dir"
}
say "installed: pulumi-modelarts $modelarts_installed, @pulumi/pulumi $pulumi_installed," \
	"got $(dep_version got), ajv $(dep_version ajv) (as pulumi-modelarts resolves them)," \
	"$(find "$proj/node_modules" -name package.json -path '*/node_modules/*/package.json' -not -path '*/node_modules/*/node_modules/*/*/package.json' | wc -l) package.json files"
if grep -q EBADENGINE "$logs/install.log"; then
	say "npm warned about engines:"
	grep -A4 EBADENGINE "$logs/install.log" | sed 's/^/    /' >&2
fi
if grep -qi 'peer' "$logs/install.log"; then
	say "npm said about peer dependencies:"
	grep -i -A3 'peer' "$logs/install.log" | head -20 | sed 's/^/    /' >&2
fi

# --- 3. the program ----------------------------------------------------------------------------------------------------
cat >"$proj/Pulumi.yaml" <<'EOF'
name: modelarts-compat
runtime: nodejs
main: index.js
description: compatibility check of the packed pulumi-modelarts (scripts/compat-check.sh)
EOF
cat >"$proj/index.js" <<'EOF'
"use strict";
const path = require("path");
const pulumi = require("@pulumi/pulumi");
const { NotebookInstance } = require("pulumi-modelarts");

const config = new pulumi.Config();
const notebook = new NotebookInstance("compat", {
  profileId: config.require("profileId"),
  flavor: config.require("flavor"),
  description: config.require("description"),
  storage: { path: config.require("storagePath") },
  autoStop: { enabled: true, durationSeconds: config.requireNumber("autoStopSeconds") },
  timeouts: { create: "5m", update: "5m", delete: "5m" },
});

exports.id = notebook.id;
exports.status = notebook.status;
exports.url = notebook.url;
exports.description = notebook.description;
exports.programNode = process.version;
exports.programPulumi = require(path.join(__dirname, "node_modules/@pulumi/pulumi/package.json")).version;
EOF

# --- 4. the emulator, from the packed package, on the chosen Node ---------------------------------------------------
current_step="emulator"
(cd "$scratch" && exec node "$proj/node_modules/pulumi-modelarts/dist/emulator/cli.js" --port 0 --time-scale "$time_scale" --quiet) \
	>"$logs/emulator.log" 2>&1 &
emulator_pid=$!
emulator_url=$(emulator_url "$logs/emulator.log" "$emulator_pid")
[ -n "$emulator_url" ] || fail "the emulator did not start" "$logs/emulator.log"
field() { emulator_field "$logs/emulator.log" "$1"; }
say "emulator (packed package, node $node_version) at $emulator_url, time scale $time_scale"

# instances: "<id> <status> <description>" per instance the emulator holds (DELETING included)
instances() {
	curl -fsS "$emulator_url/_admin/instances" | "$real_node" -e '
		const { instances } = JSON.parse(require("fs").readFileSync(0, "utf8"));
		for (const i of instances) console.log([i.id, i.status, i.description].join(" "));'
}

# --- 5. the lifecycle through the real CLI --------------------------------------------------------------------------
current_step="pulumi CLI"
cli_bin=$(bash "$repo_root/scripts/get-pulumi.sh" 2>"$logs/get-pulumi.log" | tail -n1) \
	|| fail "scripts/get-pulumi.sh failed" "$logs/get-pulumi.log"
[ -x "$cli_bin/pulumi" ] || fail "scripts/get-pulumi.sh printed '$cli_bin', which has no pulumi" "$logs/get-pulumi.log"
# The chosen Node stays first on PATH: the language host and pulumi-resource-pulumi-nodejs both run `node` from PATH.
export PATH="$scratch/bin:$cli_bin:$PATH"
cli_version=$(pulumi version)

export PULUMI_HOME="$scratch/home"
export PULUMI_BACKEND_URL="file://$scratch/backend"
export PULUMI_CONFIG_PASSPHRASE=compat-passphrase
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
export PULUMI_SKIP_CONFIRMATIONS=true
export NO_COLOR=1
# Poll fast: the emulator runs at a time scale of $time_scale.
export MODELARTS_POLL_MIN_DELAY_MS=20 MODELARTS_POLL_MAX_DELAY_MS=100
export MODELARTS_PROGRESS_EVERY_MS=60000
unset PULUMI_ACCESS_TOKEN
# Only stack config points the provider somewhere.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(HW_[A-Z_]*\|HUAWEICLOUD_SDK_[A-Z_]*\)=.*/\1/p')

step_no=0
last_log=""
# run <name> <pulumi args...>: run pulumi in the project with the stack, log, fail with the output tail on error.
run() {
	local name=$1 start rc
	shift
	current_step=$name
	step_no=$((step_no + 1))
	last_log="$logs/$(printf '%02d' "$step_no")-${name// /-}.log"
	start=$(now_ms)
	set +e
	local stack_flag=(--stack compat)
	[ "$1 ${2:-}" != "stack init" ] || stack_flag=() # the stack name is its argument
	(cd "$proj" && pulumi "$@" "${stack_flag[@]}" --non-interactive) >"$last_log" 2>&1
	rc=$?
	set -e
	step_ms=$(($(now_ms) - start))
	[ "$rc" -eq 0 ] || fail "pulumi $* exited with $rc" "$last_log"
}
# timed: record the last step's duration in the summary
timed() {
	timings+=("$1 $(secs "$step_ms")")
	say "ok  $(printf '%-34s' "$1") $(secs "$step_ms")"
}
expect() { grep -Eq -- "$2" "$last_log" || fail "$1 (no match for /$2/ in the output of $current_step)" "$last_log"; }
refuse() { if grep -Eq -- "$2" "$last_log"; then fail "$1 (/$2/ in the output of $current_step)" "$last_log"; fi; }
equal() { [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"; }
output() { (cd "$proj" && pulumi stack output "$1" --stack compat --non-interactive); }

say "pulumi $cli_version ($cli_bin); stack compat on $PULUMI_BACKEND_URL"
run "stack init" stack init compat
cfg() { run "config set $1" config set "${@:2}"; }
cfg endpoint modelarts:endpoint "$emulator_url"
cfg projectId modelarts:projectId "$(field 'project id')"
cfg accessKey --secret modelarts:accessKey "$(field 'access key')"
cfg secretKey --secret modelarts:secretKey "$(field 'secret key')"
cfg profileId profileId "Multi-Engine 1.0 (python3)-cpu"
cfg flavor flavor modelarts.vm.cpu.2u
cfg description description "compat check"
cfg storagePath storagePath /compat-bucket/notebooks/compat/
cfg autoStopSeconds autoStopSeconds 3600

run "up" up --yes
expect "up creates the notebook instance" 'compat +created'
timed "up (create)"
id=$(output id)
equal "stack output status" "$(output status)" RUNNING
equal "stack output programNode (the program's Node)" "$(output programNode)" "$node_version"
equal "stack output programPulumi (the program's @pulumi/pulumi)" "$(output programPulumi)" "$pulumi_installed"
equal "emulator instances after up" "$(instances)" "$id RUNNING compat check"
grep -q 'cmd/dynamic-provider/index.js' "$logs/node-starts.log" \
	|| fail "the dynamic provider host was not started with the node on PATH ($node_version)" "$logs/node-starts.log"
grep -q 'cmd/run/index.js' "$logs/node-starts.log" \
	|| fail "the program was not started with the node on PATH ($node_version)" "$logs/node-starts.log"

run "preview --expect-no-changes" preview --expect-no-changes
expect "preview finds nothing to change" '[0-9]+ unchanged'
refuse "preview plans no change" '(to create|to update|to replace|to delete)'
timed "preview --expect-no-changes"

cfg description2 description "compat check, changed"
run "up (update description)" up --yes
expect "up updates in place" 'compat +updated'
refuse "up replaces nothing" '(replaced|created|deleted)'
timed "up (update description)"
equal "stack output id after the update (in place)" "$(output id)" "$id"
equal "stack output description" "$(output description)" "compat check, changed"
equal "emulator instances after the update" "$(instances)" "$id RUNNING compat check, changed"

run "refresh" refresh --yes
expect "refresh reads the instance" '[0-9]+ unchanged'
refuse "refresh finds no drift" '(updated|deleted)'
timed "refresh --yes"
run "preview after refresh" preview --expect-no-changes
timed "preview after refresh"

run "destroy" destroy --yes
expect "destroy deletes the notebook instance" 'compat +deleted'
timed "destroy --yes"
left=$(instances) || fail "cannot list the emulator's instances"
[ -z "$left" ] || fail "the emulator still holds instances after destroy: $left"

current_step="done"
starts=$(wc -l <"$logs/node-starts.log")
say "node $node_version ran $starts processes (program runs, provider hosts, emulator, npm): $(grep -c 'cmd/dynamic-provider/index.js' "$logs/node-starts.log") dynamic-provider host(s)"
say "PASSED"
