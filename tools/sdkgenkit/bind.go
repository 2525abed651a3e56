// Package sdkgenkit is what the two SDK generators share (tools/sdkgen at the CLI's pkg/v3, tools/sdkgen-dotnet
// pinned to pkg/v3 v3.206.0): binding the package schema, writing a generated SDK, and comparing one with the
// committed sdks/. A module of its own, so that each generator keeps its own pin: it asks for the lower of the two
// pkg/v3 versions, and a generator's own requirement wins.
package sdkgenkit

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// Bind reads the package schema at schemaPath and binds it, failing on any error the binder reports.
func Bind(schemaPath string) (*schema.Package, error) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, NoOtherPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding %s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("binding %s: %s", schemaPath, diags.Error())
	}
	return pkg, nil
}

// NoOtherPackages is the schema loader (and the generators' reference loader): the modelarts schema refers to no
// other package, so any lookup is an error.
type NoOtherPackages struct{}

func (NoOtherPackages) fail(name string) error {
	return fmt.Errorf("the modelarts schema refers to package %q; sdkgen loads no other package", name)
}

func (l NoOtherPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.fail(name)
}

func (l NoOtherPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.fail(d.Name)
}

func (l NoOtherPackages) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, l.fail(name)
}

func (l NoOtherPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, l.fail(d.Name)
}
