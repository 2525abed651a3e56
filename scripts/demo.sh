#!/usr/bin/env bash
# The demo: `pulumi up` of the quickstart (Pulumi.yaml at the root) against the local ModelArts emulator, with a
# local state backend. Works on a fresh clone: installs and builds what is missing and gets the Pulumi CLI.
#
#   bash scripts/demo.sh                  create (or update) the notebook and print id, status and URL
#   bash scripts/demo.sh pulumi <args>    any pulumi command on the demo stack, with the emulator running
#   bash scripts/demo.sh destroy          delete the notebook and the demo stack
#
# Everything the demo keeps lives in .pulumi-local/ (state backend, emulator state file, logs); the emulator only
# runs while a demo command runs, and finds its notebooks again in its state file.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/emulator-banner.sh
command=${1:-up}

# Progress goes to stderr, so `demo.sh pulumi stack export > state.json` gets clean output.
say() { printf '\n==> %s\n' "$*" >&2; }

say "Installing and building what is missing"
bash scripts/ensure-built.sh

say "Getting the Pulumi CLI"
bin=$(bash scripts/get-pulumi.sh | tail -n1)
export PATH="$bin:$PATH"
pulumi version >&2

work="$root/.pulumi-local"
mkdir -p "$work/backend" "$work/home"
export PULUMI_BACKEND_URL="file://$work/backend"
export PULUMI_HOME="$work/home"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-demo-passphrase}"
export PULUMI_SKIP_UPDATE_CHECK=true
# Timestamps in this demo's state come from the emulator; a time scale of 0.2 turns its 30 s create into 6 s.
time_scale=${DEMO_TIME_SCALE:-0.2}

say "Starting the ModelArts emulator (time scale $time_scale, state in .pulumi-local/emulator-state.json)"
# A fixed port: Pulumi keeps the provider configuration (the endpoint included) in the state and uses that copy
# for refresh and destroy, so the endpoint must stay the same from one demo command to the next.
port=${DEMO_EMULATOR_PORT:-8787}
# Empty the log first: the background job truncates it only once it runs, and the wait below must not read the
# previous run's "listening on" line (the emulator then seemed not to start on a quick second run).
: >"$work/emulator.log"
node dist/emulator/cli.js --port "$port" --state-file "$work/emulator-state.json" --time-scale "$time_scale" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
url=$(emulator_url "$work/emulator.log" "$emulator_pid")
[ -n "$url" ] || {
	cat "$work/emulator.log" >&2
	echo "the emulator did not start on port $port (set DEMO_EMULATOR_PORT to use another)" >&2
	exit 1
}
field() { emulator_field "$work/emulator.log" "$1"; }
echo "emulator at $url" >&2

{
	pulumi stack select demo 2>/dev/null || pulumi stack init demo
	# The emulator's port changes from run to run; its project id and fake keys do not.
	pulumi config set modelarts:endpoint "$url"
	pulumi config set modelarts:projectId "$(field 'project id')"
	pulumi config set --secret modelarts:accessKey "$(field 'access key')"
	pulumi config set --secret modelarts:secretKey "$(field 'secret key')"
} >&2

case "$command" in
	up)
		say "pulumi up (the provider prints each status change of the notebook)"
		pulumi up --yes
		say "The notebook"
		echo "id:     $(pulumi stack output id)"
		echo "status: $(pulumi stack output status)"
		echo "url:    $(pulumi stack output url)"
		cat <<HELP

Look around:
  bash scripts/demo.sh pulumi stack export        the state (no credential in it)
  bash scripts/demo.sh pulumi preview --diff      nothing to change
  bash scripts/demo.sh pulumi config set description "changed"; bash scripts/demo.sh    an update in place
  bash scripts/demo.sh pulumi refresh --yes       compare the state with the emulator
Destroy:
  bash scripts/demo.sh destroy
HELP
		;;
	destroy)
		say "pulumi destroy"
		pulumi destroy --yes
		pulumi stack rm demo --yes
		;;
	pulumi)
		shift
		pulumi "$@"
		;;
	*)
		echo "usage: bash scripts/demo.sh [up | destroy | pulumi <args>]" >&2
		exit 2
		;;
esac
