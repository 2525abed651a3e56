//go:build tools

// Package pulumicli only pins the Pulumi CLI command package so that `go mod tidy` keeps it (and all of
// its dependencies) in go.mod and go.sum. The CLI itself is built with
//
//	go build -o <bin> github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
//
// from this module (see scripts/get-pulumi.sh).
package pulumicli

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
