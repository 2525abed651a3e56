package main

import (
	"path/filepath"
	"strings"
	"testing"

	"pulumi-modelarts/tools/sdkgenkit"
)

// The committed .NET SDK (sdks/dotnet) is what the current package schema generates: a change of the schema
// without `npm run sdks` fails here, naming the files that differ. (Only generated: no .NET runtime or NuGet
// here to compile it.)
func TestCommittedDotnetSDKMatchesTheSchema(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	schemaPath, err := sdkgenkit.BuiltSchema(repo)
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Pulumi.Modelarts.csproj", "Notebook.cs", "NotebookStorageMount.cs",
		"NotebookInstance.cs", "Provider.cs", "GetNotebookImages.cs", "version.txt", "pulumi-plugin.json"} {
		if _, ok := files[name]; !ok {
			t.Errorf("not generated: %s", name)
		}
	}
	if diffs := sdkgenkit.Differences(files, filepath.Join(repo, "sdks", "dotnet")); len(diffs) > 0 {
		t.Errorf("sdks/dotnet is not what the package schema generates (run npm run sdks and commit sdks/): %s",
			strings.Join(diffs, "; "))
	}
}
