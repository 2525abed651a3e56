//go:build tools

// Package shfmt pins the shell formatter the project's scripts are checked with (scripts/format-shell.sh).
package shfmt

import _ "mvdan.cc/sh/v3/cmd/shfmt"
