#!/usr/bin/env bash
# Smoke test of the Pulumi CLI provisioned by scripts/get-pulumi.sh (the CLI built from the Go module proxy and this
# project's own tools/pulumi-language-nodejs): in a temporary directory outside the repository, a tiny Node.js
# program with one pulumi.dynamic.Resource goes through login (local file backend), stack init, config set (plain
# and secret), preview, up, stack output, preview --expect-no-changes, an update, refresh, stack export, about, a
# failing program, and destroy. No network is used. Exits non-zero on the first failed step, after printing
# the tail of its output.
#
#   scripts/smoke-pulumi-cli.sh            # PULUMI_SMOKE_KEEP=1 keeps the temporary directory
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
node_modules="${PULUMI_SMOKE_NODE_MODULES:-$repo_root/node_modules}"

say() { printf 'smoke: %s\n' "$*"; }
die() {
	printf 'smoke: FAILED: %s\n' "$*" >&2
	exit 1
}

[ -f "$node_modules/@pulumi/pulumi/package.json" ] \
	|| die "no @pulumi/pulumi in $node_modules (run npm ci in $repo_root first)"
command -v node >/dev/null || die "no node on PATH"

bin_dir=$("$script_dir/get-pulumi.sh" | tail -n1) || die "scripts/get-pulumi.sh failed (see its messages above)"
[ -x "$bin_dir/pulumi" ] || die "scripts/get-pulumi.sh printed '$bin_dir', which has no executable pulumi"
export PATH="$bin_dir:$PATH"

work=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-smoke.XXXXXX")
cleanup() {
	if [ "${PULUMI_SMOKE_KEEP:-}" = 1 ]; then
		say "kept $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
case "$work/" in "$repo_root/"*) die "temporary directory $work is inside the repository" ;; esac

proj="$work/project"
state="$work/state"
logs="$work/logs"
mkdir -p "$proj" "$state" "$logs" "$work/marker"

# Everything Pulumi writes stays in $work; no network, no prompts, no plugin downloads.
export PULUMI_HOME="$work/pulumi-home"
export PULUMI_CONFIG_PASSPHRASE="smoke-passphrase"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
export PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
export PULUMI_SKIP_CONFIRMATIONS=true
export NO_COLOR=1
unset PULUMI_BACKEND_URL PULUMI_ACCESS_TOKEN

ln -s "$node_modules" "$proj/node_modules"
cat >"$proj/Pulumi.yaml" <<'EOF'
name: smoke
runtime: nodejs
description: smoke test of the provisioned Pulumi CLI and Node.js language host
EOF
cat >"$proj/package.json" <<'EOF'
{
  "name": "pulumi-cli-smoke",
  "version": "0.0.0",
  "private": true,
  "main": "index.js",
  "dependencies": { "@pulumi/pulumi": "*" }
}
EOF
cat >"$proj/index.js" <<'EOF'
"use strict";
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();

// A trivial dynamic provider. create/delete touch a marker file, so the test can see that the provider
// really ran in the provider host (pulumi-resource-pulumi-nodejs).
const provider = {
  async create(inputs) {
    require("fs").writeFileSync(require("path").join(inputs.markerDir, "thing"), inputs.greeting);
    return { id: "thing-1", outs: { ...inputs, createdBy: "smoke-provider" } };
  },
  async read(id, props) {
    return { id, props };
  },
  async diff(id, olds, news) {
    return { changes: olds.greeting !== news.greeting };
  },
  async update(id, olds, news) {
    require("fs").writeFileSync(require("path").join(news.markerDir, "thing"), news.greeting);
    return { outs: { ...news, createdBy: "smoke-provider" } };
  },
  async delete(id, props) {
    require("fs").rmSync(require("path").join(props.markerDir, "thing"), { force: true });
  },
};

class Thing extends pulumi.dynamic.Resource {
  constructor(name, props, opts) {
    super(provider, name, { createdBy: undefined, ...props }, opts);
  }
}

if (config.getBoolean("fail")) {
  // RunError: reported without a stack (a plain Error's stack is formatted by util.inspect, which is very slow
  // on Node 20.20 for SDK frames; see the report of scripts/get-pulumi.sh).
  throw new pulumi.RunError("intentional failure requested by config smoke:fail");
}

const thing = new Thing("thing", {
  greeting: config.require("greeting"),
  markerDir: config.require("markerDir"),
});
console.log(`smoke program ran (dry run: ${pulumi.runtime.isDryRun()})`);

exports.thingId = thing.id;
exports.greeting = thing.greeting;
exports.createdBy = thing.createdBy;
exports.tokenLength = config.requireSecret("token").apply((t) => t.length);
EOF

step_no=0
last_log=""
# step <name> <command...>: run in the project directory, log its output, stop on failure.
step() {
	local name=$1 start rc
	shift
	step_no=$((step_no + 1))
	last_log="$logs/$(printf '%02d' "$step_no")-${name// /-}.log"
	start=$(date +%s)
	set +e
	(cd "$proj" && "$@") >"$last_log" 2>&1
	rc=$?
	set -e
	if [ "$rc" -ne 0 ]; then
		printf 'smoke: step "%s" failed (exit %s): %s\n' "$name" "$rc" "$*" >&2
		tail -n 40 "$last_log" | sed 's/^/    /' >&2
		exit 1
	fi
	say "ok  $(printf '%-28s' "$name") ($(($(date +%s) - start))s)  $*"
}
# expect <description> <grep -E pattern>: the last step's output must match.
expect() {
	grep -Eq -- "$2" "$last_log" || {
		printf 'smoke: check failed after step %s: %s (pattern: %s)\n' "$step_no" "$1" "$2" >&2
		tail -n 40 "$last_log" | sed 's/^/    /' >&2
		exit 1
	}
}
# equal <description> <actual> <expected>
equal() {
	[ "$2" = "$3" ] || die "$1: got '$2', expected '$3'"
}

say "pulumi $(pulumi version) from $bin_dir; node $(node --version); project in $proj"

step "login" pulumi login "file://$state"
step "stack init" pulumi stack init dev
step "config set" pulumi config set greeting hello
step "config set marker" pulumi config set markerDir "$work/marker"
step "config set secret" pulumi config set --secret token s3cr3t-value

step "preview" pulumi preview --non-interactive
expect "preview plans the dynamic resource" 'pulumi-nodejs:dynamic:Resource +thing +create'
expect "preview runs the program as a dry run" 'smoke program ran \(dry run: true\)'
expect "preview counts the creates" '\+ 2 to create'
[ ! -e "$work/marker/thing" ] || die "preview ran the provider's create"

step "up" pulumi up --yes --non-interactive
expect "up creates the dynamic resource" 'pulumi-nodejs:dynamic:Resource +thing +created'
expect "up runs the program for real" 'smoke program ran \(dry run: false\)'
equal "marker written by the provider's create" "$(cat "$work/marker/thing" 2>/dev/null)" hello

step "stack output" pulumi stack output thingId
equal "stack output thingId" "$(tail -n1 "$last_log")" thing-1
step "stack output json" pulumi stack output --json --show-secrets
equal "outputs" "$(node -e 'const o=JSON.parse(require("fs").readFileSync(0,"utf8"));
	console.log([o.thingId,o.greeting,o.createdBy,o.tokenLength].join(","))' <"$last_log")" \
	"thing-1,hello,smoke-provider,12"

step "preview no changes" pulumi preview --expect-no-changes --non-interactive
expect "nothing to change" '2 unchanged'

step "update" pulumi config set greeting bye
step "up (update)" pulumi up --yes --non-interactive
expect "up updates in place" 'thing +updated'
equal "marker rewritten by the provider's update" "$(cat "$work/marker/thing" 2>/dev/null)" bye

step "refresh" pulumi refresh --yes --non-interactive
expect "refresh finds no drift" '2 unchanged'

step "stack export" pulumi stack export --file "$work/export.json"
node -e '
	const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
	const r = d.deployment.resources.find((x) => x.type === "pulumi-nodejs:dynamic:Resource");
	if (!r || r.id !== "thing-1" || r.outputs.greeting !== "bye" || typeof r.outputs.__provider !== "string") {
		console.error("unexpected state:", JSON.stringify(r)); process.exit(1);
	}' "$work/export.json" || die "stack export does not hold the dynamic resource as expected"
if grep -q 's3cr3t-value' "$work/export.json"; then die "the secret config value is in plaintext in the exported state"; fi
say "ok  state holds pulumi-nodejs:dynamic:Resource thing-1 with __provider; the secret is encrypted"

step "about" pulumi about
expect "about reports the language host" 'language +nodejs +[0-9]'
expect "about reports node" "executable='[^']*node' version='[0-9]"

step "config fail" pulumi config set fail true
set +e
(cd "$proj" && pulumi preview --non-interactive) >"$logs/failing-preview.log" 2>&1
rc=$?
set -e
last_log="$logs/failing-preview.log"
[ "$rc" -ne 0 ] || die "a failing program did not make pulumi preview fail"
expect "the program's error is reported" 'intentional failure requested by config smoke:fail'
if grep -q 'Program exited with non-zero exit code' "$last_log"; then
	die "the language host did not bail quietly after the program reported its error"
fi
say "ok  $(printf '%-28s' "failing program") (exit $rc)  pulumi preview reports the program's error once"
step "config rm fail" pulumi config rm fail

step "destroy" pulumi destroy --yes --non-interactive
expect "destroy deletes the dynamic resource" 'thing +deleted'
[ ! -e "$work/marker/thing" ] || die "the provider's delete did not run (marker still there)"
step "stack rm" pulumi stack rm --yes dev

say "PASSED: pulumi $(pulumi version) with $(command -v pulumi-language-nodejs)"
