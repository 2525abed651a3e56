//go:build tools

// Package pulumilanguageyaml pins Pulumi's YAML language host, so that `pulumi` can run a YAML program (the
// native provider's end-to-end tests and examples). It is a module of its own: pulumi-yaml v1.25.0 is built
// against github.com/pulumi/pulumi/pkg/v3 v3.206.0 and does not compile against the CLI's v3.248.0 (the engine
// and the language host talk over gRPC, so they need not share Go packages). Built by scripts/get-pulumi.sh.
package pulumilanguageyaml

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
