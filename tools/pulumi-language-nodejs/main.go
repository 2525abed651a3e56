// Command pulumi-language-nodejs is a minimal Pulumi language host for Node.js programs.
//
// The real host (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by the Go
// module proxy, so this project builds its own from the served github.com/pulumi/pulumi/sdk/v3 packages. It
// implements what the engine needs for `pulumi preview/up/refresh/destroy/stack export/about` of a CommonJS
// JavaScript program: Run starts `node <@pulumi/pulumi>/cmd/run ...` exactly like the real host does (same
// flags, same PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS environment), and the informational RPCs
// (GetPluginInfo, GetRequiredPackages, About, GetProgramDependencies, ...) return what the engine expects.
// Program generation, SDK generation, packing, linking and RunPlugin are not implemented.
//
// The engine starts it as `pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] <engine address>`;
// it prints the port of its gRPC server on the first stdout line and serves until it is killed.
package main

import (
	"flag"
	"fmt"
	"os"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// hostVersion is the version reported by GetPluginInfo and -version. It is the Pulumi release this host is built
// against: the build sets github.com/pulumi/pulumi/sdk/v3/go/common/version.Version with -ldflags -X (the same
// setting makes `pulumi version` print the pinned version); fallbackVersion is used when it is not set.
const fallbackVersion = "3.248.0"

func hostVersion() string {
	if version.Version != "" {
		return version.Version
	}
	return fallbackVersion
}

func main() {
	var tracing, root, tsconfig, nodeargs, packagemanager string
	var typescript, showVersion bool
	// -v and -logtostderr are registered on flag.CommandLine by glog (imported by the logging package).
	flag.StringVar(&tracing, "tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint")
	flag.BoolVar(&showVersion, "version", false, "Print the version and exit")
	// Accepted for command-line compatibility with the real host; runtime options now arrive in ProgramInfo.
	flag.StringVar(&root, "root", "", "Project root path to use (ignored)")
	flag.BoolVar(&typescript, "typescript", true, "Use ts-node at runtime (ignored; see runtime option 'typescript')")
	flag.StringVar(&tsconfig, "tsconfig", "", "Path to tsconfig.json (ignored; see runtime option 'tsconfig')")
	flag.StringVar(&nodeargs, "nodeargs", "", "Arguments for node (ignored; see runtime option 'nodeargs')")
	flag.StringVar(&packagemanager, "packagemanager", "", "Package manager (ignored; see runtime option)")
	flag.Parse()

	if showVersion {
		fmt.Println(hostVersion())
		return
	}

	logging.InitLogging(false, 0, false)
	cmdutil.InitTracing("pulumi-language-nodejs", "pulumi-language-nodejs", tracing)

	// The engine passes its own gRPC address as the last positional argument.
	var engineAddress string
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[len(args)-1]
	}

	host := newLanguageHost(engineAddress, tracing)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
		Options: rpcutil.OpenTracingServerInterceptorOptions(nil),
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}

	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC stopped serving: %w", err))
	}
	os.Exit(0)
}
