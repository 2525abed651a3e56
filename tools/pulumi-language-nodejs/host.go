package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const (
	// The module that runs a program; resolved with node's own resolution from the program directory.
	// PULUMI_LANGUAGE_NODEJS_RUN_PATH overrides it (as in the real host).
	runModule = "@pulumi/pulumi/cmd/run"

	// Environment the Node.js SDK reads its configuration from (runtime/config.js).
	configEnvVar           = "PULUMI_CONFIG"
	configSecretKeysEnvVar = "PULUMI_CONFIG_SECRET_KEYS"

	// cmd/run exits with this code after it has already reported the error to the engine
	// (nodeJSProcessExitedAfterLoggingUserActionableMessage); the engine is then told to bail quietly.
	exitCodeErrorAlreadyReported = 32

	sdkNotInstalledMessage = "It looks like the Pulumi SDK has not been installed. " +
		"Have you run npm install or yarn install?"
)

// nodeLanguageHost implements pulumirpc.LanguageRuntimeServer.
type nodeLanguageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	tracing       string
	running       map[*exec.Cmd]struct{}
}

func newLanguageHost(engineAddress, tracing string) *nodeLanguageHost {
	return &nodeLanguageHost{
		engineAddress: engineAddress,
		tracing:       tracing,
		running:       map[*exec.Cmd]struct{}{},
	}
}

// Handshake is only used by the engine when it attaches to an already running host (PULUMI_DEBUG_LANGUAGES);
// it carries the engine address that is otherwise passed on the command line.
func (h *nodeLanguageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if req.GetEngineAddress() != "" {
		h.engineAddress = req.GetEngineAddress()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *nodeLanguageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: hostVersion()}, nil
}

// runtimeOptions are the `runtime.options` of Pulumi.yaml that this host understands.
type runtimeOptions struct {
	typescript     bool
	tsconfig       string
	nodeargs       []string
	packagemanager string
}

func parseRuntimeOptions(opts *structpb.Struct) runtimeOptions {
	ro := runtimeOptions{typescript: true, packagemanager: "npm"}
	if opts == nil {
		return ro
	}
	m := opts.AsMap()
	if v, ok := m["typescript"]; ok {
		switch t := v.(type) {
		case bool:
			ro.typescript = t
		case string:
			ro.typescript = t != "false"
		}
	}
	if v, ok := m["tsconfig"].(string); ok {
		ro.tsconfig = v
	}
	if v, ok := m["nodeargs"].(string); ok {
		ro.nodeargs = strings.Fields(v)
	}
	if v, ok := m["packagemanager"].(string); ok && v != "" {
		ro.packagemanager = v
	}
	return ro
}

func programDirectory(info *pulumirpc.ProgramInfo, pwd string) string {
	if info != nil && info.GetProgramDirectory() != "" {
		return info.GetProgramDirectory()
	}
	if pwd != "" {
		return pwd
	}
	wd, _ := os.Getwd()
	return wd
}

// resolveRunPath finds @pulumi/pulumi/cmd/run the way node would from the program directory.
func resolveRunPath(ctx context.Context, nodeBin, dir string) (string, error) {
	if p := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH"); p != "" {
		return p, nil
	}
	cmd := exec.CommandContext(ctx, nodeBin, "-e", "console.log(require.resolve('"+runModule+"'))")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		logging.V(3).Infof("resolving %s from %s failed: %v: %s", runModule, dir, err, stderr.String())
		return "", errors.New(sdkNotInstalledMessage)
	}
	return strings.TrimSpace(string(out)), nil
}

// constructArguments builds the command line of `node <run> ...` as the real host does. cmd/run parses it with
// minimist and stopEarly, so every flag must precede the program.
func (h *nodeLanguageHost) constructArguments(
	req *pulumirpc.RunRequest, runPath string, opts runtimeOptions,
) []string {
	h.mu.Lock()
	engineAddress := h.engineAddress
	h.mu.Unlock()

	args := append([]string{}, opts.nodeargs...)
	args = append(args, runPath)
	add := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	add("monitor", req.GetMonitorAddress())
	add("engine", engineAddress)
	add("organization", req.GetOrganization())
	add("project", req.GetProject())
	if req.GetInfo() != nil {
		add("root-directory", req.GetInfo().GetRootDirectory())
	}
	add("stack", req.GetStack())
	add("pwd", req.GetPwd())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	add("parallel", fmt.Sprint(req.GetParallel()))
	add("tracing", h.tracing)

	program := req.GetProgram()
	if program == "" {
		// "." makes cmd/run use package.json's exports/main, or ./index.js.
		program = "."
	}
	args = append(args, program)
	return append(args, req.GetArgs()...)
}

// constructEnv returns the environment of the program: ours plus the stack configuration.
func constructEnv(req *pulumirpc.RunRequest, opts runtimeOptions) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize secret configuration keys: %w", err)
	}

	env := os.Environ()
	env = append(env,
		configEnvVar+"="+string(configJSON),
		configSecretKeysEnvVar+"="+string(secretKeysJSON),
	)
	// As the real host: set only when true (cmd/run then registers ts-node for a .ts main), so `typescript: false`
	// leaves whatever the environment says.
	if opts.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if opts.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfig)
	}
	return env, nil
}

// Run executes the program and reports whether it failed. A program error is returned in RunResponse.Error (not as
// an RPC error); Bail means the program has already reported its error through the engine.
func (h *nodeLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	opts := parseRuntimeOptions(req.GetInfo().GetOptions())
	dir := programDirectory(req.GetInfo(), req.GetPwd())

	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	runPath, err := resolveRunPath(ctx, nodeBin, dir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	args := h.constructArguments(req, runPath, opts)
	env, err := constructEnv(req, opts)
	if err != nil {
		return nil, err
	}

	logging.V(5).Infof("Language host launching process: %s %s", nodeBin, strings.Join(args, " "))

	cmd := exec.Command(nodeBin, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err),
		}, nil
	}
	h.track(cmd, true)
	err = cmd.Wait()
	h.track(cmd, false)

	if err == nil {
		return &pulumirpc.RunResponse{}, nil
	}
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err),
		}, nil
	}
	if status, ok := exitErr.Sys().(syscall.WaitStatus); ok {
		switch {
		case status.Signaled():
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited due to a signal: %v", status.Signal()),
			}, nil
		case status.ExitStatus() == exitCodeErrorAlreadyReported:
			return &pulumirpc.RunResponse{Bail: true}, nil
		default:
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", status.ExitStatus()),
			}, nil
		}
	}
	return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited unexpectedly: %v", exitErr)}, nil
}

func (h *nodeLanguageHost) track(cmd *exec.Cmd, add bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if add {
		h.running[cmd] = struct{}{}
	} else {
		delete(h.running, cmd)
	}
}

// Cancel asks a still running program to stop (SIGINT, as a terminal would). The engine calls it when it shuts the
// host down; acknowledging it also tells the engine that the host exiting afterwards is expected.
func (h *nodeLanguageHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for cmd := range h.running {
		if cmd.Process != nil {
			_ = cmd.Process.Signal(os.Interrupt)
		}
	}
	return &emptypb.Empty{}, nil
}

// packageJSON is the part of a package.json this host reads.
type packageJSON struct {
	Name                 string            `json:"name"`
	Version              string            `json:"version"`
	Dependencies         map[string]string `json:"dependencies"`
	DevDependencies      map[string]string `json:"devDependencies"`
	OptionalDependencies map[string]string `json:"optionalDependencies"`
	Pulumi               struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

func readPackageJSON(path string) (*packageJSON, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p packageJSON
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return &p, nil
}

// installedPackages lists the packages installed in node_modules folders visible from dir (dir and its
// ancestors, as node resolves them; the nearest wins), keyed by package name.
func installedPackages(dir string) map[string]string {
	found := map[string]string{}
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		nm := filepath.Join(d, "node_modules")
		entries, err := os.ReadDir(nm)
		if err == nil {
			for _, e := range entries {
				name := e.Name()
				if strings.HasPrefix(name, ".") {
					continue
				}
				if strings.HasPrefix(name, "@") {
					scoped, err := os.ReadDir(filepath.Join(nm, name))
					if err != nil {
						continue
					}
					for _, s := range scoped {
						full := name + "/" + s.Name()
						if _, seen := found[full]; !seen {
							found[full] = filepath.Join(nm, name, s.Name())
						}
					}
					continue
				}
				if _, seen := found[name]; !seen {
					found[name] = filepath.Join(nm, name)
				}
			}
		}
		if parent := filepath.Dir(d); parent == d {
			break
		}
	}
	return found
}

// requiredPlugins returns the resource plugins declared by installed packages (`"pulumi": {"resource": true}` in
// their package.json), as the real host does. Dynamic providers need none: their plugin, pulumi-resource-pulumi-nodejs,
// is bundled with the CLI and found by the engine itself.
func requiredPlugins(dir string) []*pulumirpc.PackageDependency {
	pkgs := installedPackages(dir)
	names := make([]string, 0, len(pkgs))
	for name := range pkgs {
		names = append(names, name)
	}
	sort.Strings(names)

	var deps []*pulumirpc.PackageDependency
	for _, name := range names {
		p, err := readPackageJSON(filepath.Join(pkgs[name], "package.json"))
		if err != nil || !p.Pulumi.Resource {
			continue
		}
		pluginName := p.Pulumi.Name
		if pluginName == "" {
			pluginName = strings.TrimPrefix(strings.TrimPrefix(p.Name, "@pulumi/"), "@")
		}
		v := p.Pulumi.Version
		if v == "" {
			v = p.Version
		}
		if v != "" && !strings.HasPrefix(v, "v") {
			v = "v" + v
		}
		deps = append(deps, &pulumirpc.PackageDependency{
			Name:    pluginName,
			Kind:    "resource",
			Version: v,
			Server:  p.Pulumi.Server,
		})
	}
	return deps
}

func (h *nodeLanguageHost) GetRequiredPackages(
	_ context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{
		Packages: requiredPlugins(programDirectory(req.GetInfo(), "")),
	}, nil
}

//nolint:staticcheck // deprecated in the protocol, still called by older engines
func (h *nodeLanguageHost) GetRequiredPlugins(
	_ context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	var plugins []*pulumirpc.PluginDependency
	for _, d := range requiredPlugins(programDirectory(req.GetInfo(), req.GetPwd())) {
		plugins = append(plugins, &pulumirpc.PluginDependency{
			Name: d.Name, Kind: d.Kind, Version: d.Version, Server: d.Server,
		})
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil
}

// About reports the node executable and its version (`pulumi about`, and the runtime metadata of updates).
func (h *nodeLanguageHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	out, err := exec.CommandContext(ctx, nodeBin, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("failed to get node version: %w", err)
	}
	return &pulumirpc.AboutResponse{
		Executable: nodeBin,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

// GetProgramDependencies lists the program's direct dependencies from package.json with their installed versions
// (`pulumi about`). Transitive dependencies are not listed.
func (h *nodeLanguageHost) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := programDirectory(req.GetInfo(), req.GetPwd())
	p, err := readPackageJSON(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("reading the program's package.json: %w", err)
	}
	declared := map[string]string{}
	for _, m := range []map[string]string{p.OptionalDependencies, p.DevDependencies, p.Dependencies} {
		for k, v := range m {
			declared[k] = v
		}
	}
	installed := installedPackages(dir)
	names := make([]string, 0, len(declared))
	for name := range declared {
		names = append(names, name)
	}
	sort.Strings(names)
	resp := &pulumirpc.GetProgramDependenciesResponse{}
	for _, name := range names {
		v := declared[name]
		if path, ok := installed[name]; ok {
			if ip, err := readPackageJSON(filepath.Join(path, "package.json")); err == nil && ip.Version != "" {
				v = ip.Version
			}
		}
		resp.Dependencies = append(resp.Dependencies, &pulumirpc.DependencyInfo{Name: name, Version: v})
	}
	return resp, nil
}

// RuntimeOptionsPrompts asks nothing during `pulumi new` (the real host asks for the package manager).
func (h *nodeLanguageHost) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

// streamWriter forwards process output to an InstallDependencies stream.
type streamWriter struct {
	mu     *sync.Mutex
	stream grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]
	stderr bool
}

func (w streamWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := append([]byte{}, p...)
	resp := &pulumirpc.InstallDependenciesResponse{Stdout: b}
	if w.stderr {
		resp = &pulumirpc.InstallDependenciesResponse{Stderr: b}
	}
	if err := w.stream.Send(resp); err != nil {
		return 0, err
	}
	return len(p), nil
}

// InstallDependencies runs `<packagemanager> install` in the program directory (`pulumi install`, `pulumi new`).
func (h *nodeLanguageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest,
	stream grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	opts := parseRuntimeOptions(req.GetInfo().GetOptions())
	dir := req.GetDirectory()
	if dir == "" {
		dir = programDirectory(req.GetInfo(), "")
	}
	switch opts.packagemanager {
	case "npm", "yarn", "pnpm", "bun":
	default:
		return fmt.Errorf("unsupported package manager %q", opts.packagemanager)
	}
	bin, err := exec.LookPath(opts.packagemanager)
	if err != nil {
		return fmt.Errorf("could not find %s on the $PATH: %w", opts.packagemanager, err)
	}
	var mu sync.Mutex
	cmd := exec.CommandContext(stream.Context(), bin, "install")
	cmd.Dir = dir
	cmd.Stdout = streamWriter{mu: &mu, stream: stream}
	cmd.Stderr = streamWriter{mu: &mu, stream: stream, stderr: true}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s install failed: %w", opts.packagemanager, err)
	}
	return nil
}

var _ io.Writer = streamWriter{}
