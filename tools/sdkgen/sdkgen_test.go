package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
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
	schemaPath := filepath.Join(repo, "dist", "provider", "native", "package-schema.json")
	if _, err := os.Stat(schemaPath); err != nil {
		t.Fatalf("%s is missing: run npm run build first (%v)", schemaPath, err)
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
		if diffs := differences(files, filepath.Join(repo, "sdks", lang)); len(diffs) > 0 {
			t.Errorf("sdks/%s is not what the package schema generates (run npm run sdks and commit sdks/): %s",
				lang, strings.Join(diffs, "; "))
		}
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
