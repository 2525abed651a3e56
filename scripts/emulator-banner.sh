# shellcheck shell=bash
# Sourced, not run (by demo.sh and compat-check.sh): reads what a starting emulator (emulator/cli.ts) prints to
# its log, so that the scripts that start one in the background agree on how its banner reads.

# emulator_url <log> <pid>: waits (up to 10 s) for the emulator to listen and prints its URL; prints nothing when
# it exited or never got there.
emulator_url() {
	for _ in $(seq 1 100); do
		grep -q "listening on" "$1" 2>/dev/null && break
		kill -0 "$2" 2>/dev/null || break
		sleep 0.1
	done
	sed -n 's/^ModelArts emulator listening on //p' "$1"
}

# emulator_field <log> <name>: a value of the banner (`project id`, `access key`, `secret key`).
emulator_field() { sed -n "s/^$2: *//p" "$1" | head -n1; }
