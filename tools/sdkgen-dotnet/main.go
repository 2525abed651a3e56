// Command sdkgen-dotnet writes the .NET SDK of the `modelarts` Pulumi package from its package schema, with
// Pulumi's own .NET generator. That generator left github.com/pulumi/pulumi/pkg/v3 (its last version with
// codegen/dotnet here is v3.206.0) for github.com/pulumi/pulumi-dotnet, whose module the Go module proxy does not
// serve (403 "This module version is not available"), so this is a module of its own pinned to pkg/v3 v3.206.0, as
// tools/pulumi-language-yaml is. The SDK is C# source only: no .NET runtime can be installed on this machine.
//
//	go run . -schema ../../dist/provider/native/package-schema.json -out ../../sdks/dotnet
//
// The folder given as -out is replaced.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	dotnetgen "github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-modelarts sdkgen"

func main() {
	schemaPath := flag.String("schema", "", "the Pulumi package schema (JSON)")
	out := flag.String("out", "", "the folder to write the .NET SDK into (replaced)")
	flag.Parse()
	if *schemaPath == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	files, err := generate(*schemaPath)
	if err == nil {
		err = write(*out, files)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen-dotnet: %v\n", err)
		os.Exit(1)
	}
}

// generate returns the .NET SDK's files (paths relative to its folder).
func generate(schemaPath string) (map[string][]byte, error) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noOtherPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding %s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("binding %s: %s", schemaPath, diags.Error())
	}
	// The generator downloads the NuGet package's icon from the schema's logoUrl (by default an image on GitHub):
	// it gets one made here instead, so generating needs no network and gives the same bytes every time.
	pkg.LogoURL = logoScheme + "://logo.png"
	http.DefaultTransport.(*http.Transport).RegisterProtocol(logoScheme, logoTransport{})
	files, err := dotnetgen.GeneratePackage(tool, pkg, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("generating dotnet: %w", err)
	}
	return files, nil
}

const logoScheme = "sdkgen-logo"

// logoTransport answers the generator's download of the package icon with a plain 64x64 PNG.
type logoTransport struct{}

func (logoTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	img := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			img.Set(x, y, color.NRGBA{R: 0xc7, G: 0x00, B: 0x0b, A: 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"image/png"}},
		Body:       io.NopCloser(&buf),
		Request:    req,
	}, nil
}

// noOtherPackages is the schema loader: the modelarts schema refers to no other package, so any lookup is an error.
type noOtherPackages struct{}

func (noOtherPackages) fail(name string) error {
	return fmt.Errorf("the modelarts schema refers to package %q; sdkgen loads no other package", name)
}

func (l noOtherPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.fail(name)
}

func (l noOtherPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.fail(d.Name)
}

// write replaces dir with files (paths relative to dir), in a stable order.
func write(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
