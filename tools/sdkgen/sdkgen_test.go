package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"pulumi-modelarts/tools/sdkgenkit"
)

// repoRoot is the repository, two folders up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

// builtSchema is the package schema `npm run build` wrote.
func builtSchema(t *testing.T, repo string) string {
	t.Helper()
	schemaPath, err := sdkgenkit.BuiltSchema(repo)
	if err != nil {
		t.Fatal(err)
	}
	return schemaPath
}

// The committed SDKs are what the current package schema generates: a change of the schema (a field, a
// description, the version) without `npm run sdks` fails here, naming the files that differ.
func TestCommittedSDKsMatchTheSchema(t *testing.T) {
	repo := repoRoot(t)
	schemaPath := builtSchema(t, repo)
	for _, lang := range languages {
		files, err := generate(schemaPath, lang)
		if err != nil {
			t.Fatal(err)
		}
		if diffs := sdkgenkit.Differences(files, filepath.Join(repo, "sdks", lang)); len(diffs) > 0 {
			t.Errorf("sdks/%s is not what the package schema generates (run npm run sdks and commit sdks/): %s",
				lang, strings.Join(diffs, "; "))
		}
	}
}

// The committed SDKs are usable as far as this machine allows: the Python SDK byte-compiles, and
// examples/go-notebook builds against the Go SDK and github.com/pulumi/pulumi/sdk/v3 from the Go module proxy.
// (The Node.js SDK is compiled by npm run build; no .NET SDK can be compiled here.)
func TestCommittedSDKsBuild(t *testing.T) {
	repo := repoRoot(t)
	out := t.TempDir()

	// The README says the Python SDK is byte-compiled in CI, so a machine without python3 fails rather than skips.
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed to byte-compile sdks/python: %v", err)
	}
	// The bytecode goes to the temporary folder, not beside the committed sources.
	runIn(t, repo, []string{"PYTHONPYCACHEPREFIX=" + out}, python, "-m", "compileall", "-q", "sdks/python")

	runIn(t, filepath.Join(repo, "examples", "go-notebook"), nil,
		"go", "build", "-mod=readonly", "-o", filepath.Join(out, "go-notebook.bin"), ".")
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOFLAGS="), env...)
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, output)
	}
}
