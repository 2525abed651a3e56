package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The committed .NET SDK (sdks/dotnet) is what the current package schema generates: a change of the schema
// without `npm run sdks` fails here, naming the files that differ. (Only generated: no .NET runtime or NuGet
// here to compile it.)
func TestCommittedDotnetSDKMatchesTheSchema(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	schemaPath := filepath.Join(repo, "dist", "provider", "native", "package-schema.json")
	if _, err := os.Stat(schemaPath); err != nil {
		t.Fatalf("%s is missing: run npm run build first (%v)", schemaPath, err)
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
	if diffs := differences(files, filepath.Join(repo, "sdks", "dotnet")); len(diffs) > 0 {
		t.Errorf("sdks/dotnet is not what the package schema generates (run npm run sdks and commit sdks/): %s",
			strings.Join(diffs, "; "))
	}
}

// differences lists how dir differs from files (paths relative to dir): missing, extra and changed files.
func differences(files map[string][]byte, dir string) []string {
	var diffs []string
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		seen[name] = true
		want, ok := files[name]
		if !ok {
			diffs = append(diffs, name+" is not generated")
			return nil
		}
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			diffs = append(diffs, name+" differs")
		}
		return nil
	})
	if err != nil {
		return []string{err.Error()}
	}
	for name := range files {
		if !seen[name] {
			diffs = append(diffs, name+" is missing")
		}
	}
	sort.Strings(diffs)
	return diffs
}
