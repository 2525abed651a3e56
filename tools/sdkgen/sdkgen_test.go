package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The SDKs generated from the schema the build wrote (npm run build) are usable: the Python SDK byte-compiles, and
// examples/go-notebook builds against the Go SDK and github.com/pulumi/pulumi/sdk/v3 from the Go module proxy.
func TestGeneratedSDKs(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	schemaPath := filepath.Join(repo, "dist", "provider", "native", "package-schema.json")
	if _, err := os.Stat(schemaPath); err != nil {
		t.Fatalf("%s is missing: run npm run build first (%v)", schemaPath, err)
	}
	out := t.TempDir()
	if err := run(schemaPath, out, []string{"go", "python"}); err != nil {
		t.Fatal(err)
	}

	for _, file := range []string{"go/go.mod", "go/modelarts/notebook.go", "go/modelarts/getNotebookImages.go",
		"python/pyproject.toml", "python/pulumi_modelarts/notebook_storage_mount.py"} {
		if _, err := os.Stat(filepath.Join(out, file)); err != nil {
			t.Errorf("not generated: %s", file)
		}
	}

	if python, err := exec.LookPath("python3"); err != nil {
		t.Log("python3 is not on PATH: the Python SDK was generated but not byte-compiled")
	} else {
		runIn(t, out, python, "-m", "compileall", "-q", "python")
	}

	// The example as committed, with its replace directive pointed at the SDK generated here.
	example := filepath.Join(out, "go-notebook")
	if err := os.CopyFS(example, os.DirFS(filepath.Join(repo, "examples", "go-notebook"))); err != nil {
		t.Fatal(err)
	}
	modFile := filepath.Join(example, "go.mod")
	mod, err := os.ReadFile(modFile)
	if err != nil {
		t.Fatal(err)
	}
	replaced := strings.Replace(string(mod), "=> ../../sdks/go", "=> "+filepath.Join(out, "go"), 1)
	if replaced == string(mod) {
		t.Fatal("examples/go-notebook/go.mod has no replace of the SDK with ../../sdks/go")
	}
	if err := os.WriteFile(modFile, []byte(replaced), 0o644); err != nil {
		t.Fatal(err)
	}
	runIn(t, example, "go", "build", "-mod=readonly", "-o", filepath.Join(out, "go-notebook.bin"), ".")
}

func runIn(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, output)
	}
}
