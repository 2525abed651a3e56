package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/types/known/structpb"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func TestConstructArguments(t *testing.T) {
	h := newLanguageHost("127.0.0.1:1000", "")
	req := &pulumirpc.RunRequest{
		MonitorAddress: "127.0.0.1:2000",
		Project:        "proj",
		Stack:          "dev",
		Pwd:            "/prog",
		DryRun:         true,
		Parallel:       16,
		Organization:   "org",
		Args:           []string{"a", "b"},
		Info:           &pulumirpc.ProgramInfo{RootDirectory: "/root-dir", ProgramDirectory: "/prog", EntryPoint: "."},
	}
	got := h.constructArguments(req, "/nm/@pulumi/pulumi/cmd/run/index.js", runtimeOptions{nodeargs: []string{"--inspect"}})
	want := []string{
		"--inspect", "/nm/@pulumi/pulumi/cmd/run/index.js",
		"--monitor", "127.0.0.1:2000", "--engine", "127.0.0.1:1000", "--organization", "org",
		"--project", "proj", "--root-directory", "/root-dir", "--stack", "dev", "--pwd", "/prog",
		"--dry-run", "--parallel", "16", ".", "a", "b",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("arguments\n got %q\nwant %q", got, want)
	}

	// No dry run, explicit program, engine address from Handshake.
	_, _ = h.Handshake(context.Background(), &pulumirpc.LanguageHandshakeRequest{EngineAddress: "127.0.0.1:3000"})
	got = h.constructArguments(&pulumirpc.RunRequest{MonitorAddress: "m", Program: "bin/index.js"}, "run", runtimeOptions{})
	want = []string{"run", "--monitor", "m", "--engine", "127.0.0.1:3000", "--parallel", "0", "bin/index.js"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("arguments\n got %q\nwant %q", got, want)
	}
}

func envValue(env []string, key string) (string, bool) {
	v, ok := "", false
	for _, kv := range env {
		if strings.HasPrefix(kv, key+"=") {
			v, ok = strings.TrimPrefix(kv, key+"="), true // the last one wins, as for exec
		}
	}
	return v, ok
}

func TestConstructEnv(t *testing.T) {
	env, err := constructEnv(&pulumirpc.RunRequest{
		Config:           map[string]string{"proj:greeting": "hello", "proj:token": "s"},
		ConfigSecretKeys: []string{"proj:token"},
	}, runtimeOptions{typescript: false, tsconfig: "tsconfig.pulumi.json"})
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := envValue(env, configEnvVar)
	var m map[string]string
	if err := json.Unmarshal([]byte(cfg), &m); err != nil || m["proj:greeting"] != "hello" || len(m) != 2 {
		t.Fatalf("PULUMI_CONFIG = %q (%v)", cfg, err)
	}
	if v, _ := envValue(env, configSecretKeysEnvVar); v != `["proj:token"]` {
		t.Fatalf("PULUMI_CONFIG_SECRET_KEYS = %q", v)
	}
	// typescript: false adds nothing: the variable is whatever the environment has (the real host does the same).
	if v, _ := envValue(env, "PULUMI_NODEJS_TYPESCRIPT"); v != os.Getenv("PULUMI_NODEJS_TYPESCRIPT") {
		t.Fatalf("typescript: false, but PULUMI_NODEJS_TYPESCRIPT = %q", v)
	}
	if v, _ := envValue(env, "PULUMI_NODEJS_TSCONFIG_PATH"); v != "tsconfig.pulumi.json" {
		t.Fatalf("PULUMI_NODEJS_TSCONFIG_PATH = %q", v)
	}

	env, err = constructEnv(&pulumirpc.RunRequest{}, runtimeOptions{typescript: true})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := envValue(env, configEnvVar); v != "{}" {
		t.Fatalf("empty PULUMI_CONFIG = %q", v)
	}
	if v, _ := envValue(env, configSecretKeysEnvVar); v != "[]" {
		t.Fatalf("empty PULUMI_CONFIG_SECRET_KEYS = %q", v)
	}
	if v, _ := envValue(env, "PULUMI_NODEJS_TYPESCRIPT"); v != "true" {
		t.Fatalf("typescript: true, but PULUMI_NODEJS_TYPESCRIPT = %q", v)
	}
}

func TestParseRuntimeOptions(t *testing.T) {
	def := parseRuntimeOptions(nil)
	if !def.typescript || def.packagemanager != "npm" || def.nodeargs != nil {
		t.Fatalf("defaults: %+v", def)
	}
	s, err := structpb.NewStruct(map[string]any{
		"typescript": false, "nodeargs": "--max-old-space-size=4096 --trace-warnings", "packagemanager": "pnpm",
	})
	if err != nil {
		t.Fatal(err)
	}
	got := parseRuntimeOptions(s)
	if got.typescript || got.packagemanager != "pnpm" ||
		!reflect.DeepEqual(got.nodeargs, []string{"--max-old-space-size=4096", "--trace-warnings"}) {
		t.Fatalf("parsed: %+v", got)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRequiredPluginsAndDependencies(t *testing.T) {
	root := t.TempDir()
	prog := filepath.Join(root, "app")
	writeFile(t, filepath.Join(prog, "package.json"),
		`{"name":"app","dependencies":{"@pulumi/pulumi":"^3.0.0","@pulumi/random":"4.0.0"},"devDependencies":{"x":"1"}}`)
	writeFile(t, filepath.Join(prog, "node_modules/@pulumi/pulumi/package.json"),
		`{"name":"@pulumi/pulumi","version":"3.248.0","pulumi":{"comment":"not a plugin"}}`)
	writeFile(t, filepath.Join(prog, "node_modules/@pulumi/random/package.json"),
		`{"name":"@pulumi/random","version":"4.16.0","pulumi":{"resource":true}}`)
	// Hoisted into a parent node_modules, as in a workspace.
	writeFile(t, filepath.Join(root, "node_modules/@acme/thing/package.json"),
		`{"name":"@acme/thing","version":"1.2.3","pulumi":{"resource":true,"name":"acme","server":"https://example.com"}}`)
	writeFile(t, filepath.Join(root, "node_modules/x/package.json"), `{"name":"x","version":"1.0.1"}`)

	h := newLanguageHost("", "")
	resp, err := h.GetRequiredPackages(context.Background(), &pulumirpc.GetRequiredPackagesRequest{
		Info: &pulumirpc.ProgramInfo{ProgramDirectory: prog},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range resp.GetPackages() {
		got = append(got, p.GetKind()+":"+p.GetName()+"@"+p.GetVersion()+" "+p.GetServer())
	}
	want := []string{"resource:acme@v1.2.3 https://example.com", "resource:random@v4.16.0 "}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("packages\n got %q\nwant %q", got, want)
	}

	deps, err := h.GetProgramDependencies(context.Background(), &pulumirpc.GetProgramDependenciesRequest{
		Info: &pulumirpc.ProgramInfo{ProgramDirectory: prog},
	})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, d := range deps.GetDependencies() {
		got = append(got, d.GetName()+"@"+d.GetVersion())
	}
	want = []string{"@pulumi/pulumi@3.248.0", "@pulumi/random@4.16.0", "x@1.0.1"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("dependencies\n got %q\nwant %q", got, want)
	}
}

// TestRunExitCodes runs a stand-in for @pulumi/pulumi/cmd/run that records its arguments and environment and exits
// with the code it is asked for.
func TestRunExitCodes(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not on PATH")
	}
	dir := t.TempDir()
	run := filepath.Join(dir, "fake-run.js")
	writeFile(t, run, `
const fs = require("fs");
fs.writeFileSync(process.env.FAKE_RUN_OUT, JSON.stringify({
  argv: process.argv.slice(2), cwd: process.cwd(),
  config: process.env.PULUMI_CONFIG, secretKeys: process.env.PULUMI_CONFIG_SECRET_KEYS,
}));
process.exit(Number(process.env.FAKE_RUN_EXIT));
`)
	out := filepath.Join(dir, "out.json")
	t.Setenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH", run)
	t.Setenv("FAKE_RUN_OUT", out)

	h := newLanguageHost("127.0.0.1:1", "")
	req := &pulumirpc.RunRequest{
		MonitorAddress: "127.0.0.1:2", Project: "p", Stack: "s", Pwd: dir,
		Config: map[string]string{"p:k": "v"}, ConfigSecretKeys: []string{"p:k"},
		Info: &pulumirpc.ProgramInfo{ProgramDirectory: dir, RootDirectory: dir, EntryPoint: "."},
	}
	for _, tc := range []struct {
		exit      string
		wantError string
		wantBail  bool
	}{
		{"0", "", false},
		{"32", "", true},
		{"3", "Program exited with non-zero exit code: 3", false},
	} {
		t.Setenv("FAKE_RUN_EXIT", tc.exit)
		resp, err := h.Run(context.Background(), req)
		if err != nil {
			t.Fatalf("exit %s: Run returned an RPC error: %v", tc.exit, err)
		}
		if resp.GetError() != tc.wantError || resp.GetBail() != tc.wantBail {
			t.Fatalf("exit %s: got error %q bail %v", tc.exit, resp.GetError(), resp.GetBail())
		}
	}

	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Argv       []string `json:"argv"`
		Cwd        string   `json:"cwd"`
		Config     string   `json:"config"`
		SecretKeys string   `json:"secretKeys"`
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Config != `{"p:k":"v"}` || rec.SecretKeys != `["p:k"]` {
		t.Fatalf("program environment: %+v", rec)
	}
	if want, _ := filepath.EvalSymlinks(dir); rec.Cwd != want && rec.Cwd != dir {
		t.Fatalf("program cwd %q, want %q", rec.Cwd, dir)
	}
	if len(rec.Argv) == 0 || rec.Argv[len(rec.Argv)-1] != "." || !contains(rec.Argv, "--monitor") {
		t.Fatalf("program arguments: %q", rec.Argv)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestRunWithoutSDK(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not on PATH")
	}
	t.Setenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH", "")
	dir := t.TempDir()
	if p, err := resolveRunPath(context.Background(), "node", dir); err == nil {
		t.Skipf("@pulumi/pulumi resolves from %s anyway (%s)", dir, p)
	}
	resp, err := newLanguageHost("", "").Run(context.Background(), &pulumirpc.RunRequest{
		Info: &pulumirpc.ProgramInfo{ProgramDirectory: dir},
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetError() != sdkNotInstalledMessage {
		t.Fatalf("error %q", resp.GetError())
	}
}
