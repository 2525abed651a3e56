// Command sdkgen writes the Go, Python and Node.js SDKs of the `modelarts` Pulumi package from its package schema
// (the one the provider serves; `npm run build` writes it to dist/provider/native/package-schema.json), with
// Pulumi's own code generators at the version the CLI is built from (tools/go.mod). The .NET SDK comes from
// tools/sdkgen-dotnet (Pulumi's .NET generator is not in this version of pkg/v3). scripts/generate-sdks.sh
// (`npm run sdks`) runs both; sdkgen_test.go (and sdkgen-dotnet/sdks_test.go) fail when the committed sdks/ differ from what they generate.
//
//	go run ./sdkgen -schema ../dist/provider/native/package-schema.json -out ../sdks -lang go,python,nodejs
//
// Each language goes to <out>/<language>/, replacing what was there.
package main

import (
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodegen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"pulumi-modelarts/tools/sdkgenkit"
)

const tool = "pulumi-modelarts sdkgen"

func main() {
	schemaPath := flag.String("schema", "", "the Pulumi package schema (JSON)")
	out := flag.String("out", "", "the folder to write <language>/ into")
	langs := flag.String("lang", strings.Join(languages, ","), "comma-separated languages: "+strings.Join(languages, ", "))
	flag.Parse()
	if *schemaPath == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*schemaPath, *out, strings.Split(*langs, ",")); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

// languages this command generates, each into a folder of that name.
var languages = []string{"go", "python", "nodejs"}

func run(schemaPath, out string, langs []string) error {
	for _, lang := range langs {
		files, err := generate(schemaPath, lang)
		if err != nil {
			return err
		}
		if err := sdkgenkit.Write(filepath.Join(out, lang), files); err != nil {
			return err
		}
	}
	return nil
}

// generate returns one language's SDK files (paths relative to its folder). The schema is bound anew for each
// language: a generator records its own language's settings in the bound package.
func generate(schemaPath, lang string) (map[string][]byte, error) {
	pkg, err := sdkgenkit.Bind(schemaPath)
	if err != nil {
		return nil, err
	}
	var files map[string][]byte
	switch lang {
	case "go":
		files, err = gogen.GeneratePackage(tool, pkg, nil)
		if err == nil {
			files["go.mod"], err = goMod(pkg)
		}
	case "nodejs":
		files, err = nodegen.GeneratePackage(tool, pkg, nil, nil, false, sdkgenkit.NoOtherPackages{})
	case "python":
		files, err = pygen.GeneratePackage(tool, pkg, nil, sdkgenkit.NoOtherPackages{})
	default:
		return nil, fmt.Errorf("no generator for %q (%s)", lang, strings.Join(languages, ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("generating %s: %w", lang, err)
	}
	return files, nil
}

// goMod is the Go SDK's module file: the module is the folder above the package (importBasePath), and it requires
// the Pulumi Go SDK at the version this generator is built with, which is the CLI's (tools/go.mod).
func goMod(pkg *schema.Package) ([]byte, error) {
	if err := pkg.ImportLanguages(map[string]schema.Language{"go": gogen.Importer}); err != nil {
		return nil, err
	}
	info, ok := pkg.Language["go"].(gogen.GoPackageInfo)
	if !ok || info.ImportBasePath == "" {
		return nil, fmt.Errorf("the schema has no language.go.importBasePath")
	}
	version := ""
	if build, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range build.Deps {
			if dep.Path == "github.com/pulumi/pulumi/sdk/v3" {
				version = dep.Version
			}
		}
	}
	if version == "" {
		return nil, fmt.Errorf("cannot tell which github.com/pulumi/pulumi/sdk/v3 this generator is built with")
	}
	return []byte(fmt.Sprintf("module %s\n\ngo 1.25.11\n\nrequire github.com/pulumi/pulumi/sdk/v3 %s\n",
		path.Dir(info.ImportBasePath), version)), nil
}
