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
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"

	dotnetgen "github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"

	"pulumi-modelarts/tools/sdkgenkit"
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
		err = sdkgenkit.Write(*out, files)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen-dotnet: %v\n", err)
		os.Exit(1)
	}
}

// generate returns the .NET SDK's files (paths relative to its folder).
func generate(schemaPath string) (map[string][]byte, error) {
	pkg, err := sdkgenkit.Bind(schemaPath)
	if err != nil {
		return nil, err
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
