/**
 * The install routes the README documents, the way a newcomer takes them: a fresh project with the files of
 * `pulumi new typescript` (Pulumi.yaml, package.json with `"main": "index.ts"`, the template's tsconfig.json) whose
 * index.ts imports `pulumi-modelarts`, `pulumi-modelarts/provider` and `pulumi-modelarts/emulator` and declares a
 * NotebookInstance. pulumi-modelarts is installed
 *   - from a tarball made by `npm pack`, as a `file:vendor/<tarball>` dependency installed with `npm ci` from a
 *     lock file (examples/pr-preview's route and what its workflow runs); and
 *   - from git: `git+file://` of a temporary clone of this repository at HEAD (committed changes only). npm clones
 *     it, installs its devDependencies there and runs `prepare` (the build) before packing it.
 * Each project is then type-checked with `tsc --noEmit` under moduleResolution node (the template's), node16 and
 * bundler, and `pulumi preview` (the real CLI with our language host, which like the real one lets
 * @pulumi/pulumi's run script register ts-node; ts-node type-checks index.ts with the template's tsconfig) must plan
 * the create against the emulator without calling it.
 *
 * The projects live OUTSIDE the repository (${TMPDIR:-/tmp}/pulumi-modelarts-install-XXXXXX), as in
 * scripts/compat-check.sh: Node and TypeScript search every ancestor's node_modules, so under test/.work the
 * repository's own node_modules (got, ajv, @types/jest, ...) would be visible to the "fresh" project and could hide
 * a missing dependency. The test checks that nothing outside the project is used. That directory is removed when
 * every test passed and kept (its path is printed, with logs/) otherwise; the Pulumi state lives in test/.work and
 * is always removed. npm uses the user's cache (the one every other install shares; --prefer-offline), so only
 * the first run downloads. The two installs run concurrently (the git one takes about a minute: it installs this
 * repository's devDependencies). Needs dist/ built (scripts/test.sh does it): the tarball is packed from it with
 * --ignore-scripts, so that packing does not rebuild dist/ while other test files use it.
 *
 * Durations of every step go to test/.work/e2e-install.json (and the console).
 */
import { execFile, spawn } from "node:child_process";
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorPollEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, REPO_ROOT } from "../../devkit/pulumiCli.js";

const execFileAsync = promisify(execFile);
const TIMEOUT = 10 * 60_000;
const TYPE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
const ENTRY_POINTS = [
  "pulumi-modelarts",
  "pulumi-modelarts/native",
  "pulumi-modelarts/provider",
  "pulumi-modelarts/emulator",
];

const repoPackage = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
};
/** The file package.json's `exports` map sends an entry point to (what `require.resolve` must find in a project). */
function exportedFile(entry: string): string {
  const key = entry === repoPackage.name ? "." : `./${entry.slice(repoPackage.name.length + 1)}`;
  const target = repoPackage.exports[key];
  if (!target) throw new Error(`package.json exports nothing for ${key}`);
  return typeof target === "string" ? target : target.default;
}

/** The versions this repository builds and tests with, so that the fresh projects are reproducible. */
const pinned = (name: string): string => {
  const version = repoPackage.devDependencies[name];
  if (!version) throw new Error(`package.json has no devDependency ${name}`);
  return version;
};

/** `tsc --noEmit` flags per resolution mode; the template's own tsconfig gives `node` (node10). */
const RESOLUTION_MODES: { mode: string; flags: string[] }[] = [
  { mode: "node (the template's tsconfig)", flags: [] },
  { mode: "node16", flags: ["--moduleResolution", "node16", "--module", "node16"] },
  { mode: "bundler", flags: ["--moduleResolution", "bundler", "--module", "esnext"] },
];

let bin: string;
let emulator: Emulator;
let work: string;
let logs: string;
let tarball: string;
let tarballFiles: string[];
let cloneDir: string;
let cloneCommit: string;
let tarballProject: Promise<string>;
let gitProject: Promise<string>;
const passed = new Set<string>();
const timings: { project: string; step: string; durationMs: number }[] = [];

interface Result {
  code: number;
  stdout: string;
  /** stdout and stderr as they came */
  output: string;
  durationMs: number;
}

/**
 * npm and tsc get the environment without what an enclosing `npm test` / `npm exec` put there (npm_package_*,
 * npm_config_local_prefix, ...), which would point a nested npm at this repository; the cache stays shared.
 */
function childEnv(): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_proxy", "npm_config_https_proxy"]);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "INIT_CWD" || (/^npm_/i.test(key) && !(keep.has(key.toLowerCase()) && value))) continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

/** Runs a command, logs its output to logs/<project>-<step>.log, records its duration; throws on a non-zero exit. */
async function step(project: string, name: string, command: string, args: string[], cwd: string): Promise<Result> {
  const started = Date.now();
  const result = await new Promise<Result>((resolve) => {
    const child = spawn(command, args, { cwd, env: childEnv() });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT);
    child.on("error", (error) => (output += `\n${error.message}`));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, output, durationMs: Date.now() - started });
    });
  });
  const log = path.join(logs, `${project}-${name.replace(/[^a-z0-9]+/gi, "-")}.log`);
  writeFileSync(log, `$ (cd ${cwd} && ${command} ${args.join(" ")})\n${result.output}\nexit ${result.code}\n`);
  timings.push({ project, step: name, durationMs: result.durationMs });
  if (result.code !== 0) {
    const tail = result.output.split("\n").slice(-40).join("\n");
    throw new Error(`${project}: ${name} failed (exit ${result.code}; full output in ${log}):\n${tail}`);
  }
  return result;
}

/** A `pulumi new typescript` project (the template's files) depending on pulumi-modelarts as `spec`. */
function writeProject(dir: string, spec: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${path.basename(dir)}\nruntime: nodejs\n`);
  const pkg = {
    name: path.basename(dir),
    main: "index.ts",
    devDependencies: { "@types/node": pinned("@types/node"), typescript: pinned("typescript") },
    dependencies: { "@pulumi/pulumi": pinned("@pulumi/pulumi"), "pulumi-modelarts": spec },
    ...extra,
  };
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  const tsconfig = {
    compilerOptions: {
      strict: true,
      outDir: "bin",
      target: "es2020",
      module: "commonjs",
      moduleResolution: "node",
      sourceMap: true,
      experimentalDecorators: true,
      pretty: true,
      noFallthroughCasesInSwitch: true,
      noImplicitReturns: true,
      forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
  };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 4) + "\n");
  writeFileSync(
    path.join(dir, "index.ts"),
    `import * as pulumi from "@pulumi/pulumi";
import { NotebookInstance } from "pulumi-modelarts";
import { Notebook as NativeNotebook } from "pulumi-modelarts/native";
import { signRequest } from "pulumi-modelarts/provider";
import { startEmulator } from "pulumi-modelarts/emulator";

const config = new pulumi.Config();
const notebook = new NotebookInstance("nb", {
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  description: config.get("description") ?? "install check",
  storage: { path: "/install-check/notebooks/nb/" },
  autoStop: { enabled: true, durationSeconds: 3600 },
});

export const url = notebook.url;
// Values from the other entry points, so that their imports stay in the emitted JavaScript.
export const entryPointKinds = [typeof NativeNotebook, typeof signRequest, typeof startEmulator];
export const resolvedFrom = ${JSON.stringify(ENTRY_POINTS)}.map((m) => require.resolve(m));
`,
  );
}

/**
 * The tarball route: `file:vendor/<tarball>`; the lock file is written (`npm install --package-lock-only`), then
 * `npm ci` installs from it, as examples/pr-preview's workflow does.
 */
async function installFromTarball(): Promise<string> {
  const dir = path.join(work, "from-tarball");
  mkdirSync(path.join(dir, "vendor"), { recursive: true });
  const vendored = path.join("vendor", path.basename(tarball));
  writeFileSync(path.join(dir, vendored), readFileSync(tarball));
  writeProject(dir, `file:${vendored}`);
  const flags = ["--prefer-offline", "--no-audit", "--no-fund"];
  await step("tarball", "npm install --package-lock-only", "npm", ["install", "--package-lock-only", ...flags], dir);
  await step("tarball", "npm ci", "npm", ["ci", ...flags], dir);
  return dir;
}

/** The git route: `git+file://<clone>#<commit>`; npm builds it in its own clone (`prepare`). */
async function installFromGit(): Promise<string> {
  const dir = path.join(work, "from-git");
  // allowScripts: what the README tells users of npm's install-script policy to add for this dependency.
  writeProject(dir, `git+file://${cloneDir}#${cloneCommit}`, { allowScripts: { [repoPackage.name]: true } });
  await step("git", "npm install", "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], dir);
  return dir;
}

/**
 * The native provider plugin as a YAML, Python, Go or .NET project finds it after `npm install` (the folder
 * node_modules/pulumi-modelarts/bin, or the link npm makes in node_modules/.bin): executable, and it prints the port
 * it serves on, as the engine expects.
 */
async function pluginServes(dir: string): Promise<void> {
  for (const file of [
    "node_modules/pulumi-modelarts/bin/pulumi-resource-modelarts",
    "node_modules/.bin/pulumi-resource-modelarts",
  ]) {
    accessSync(path.join(dir, file), constants.X_OK);
  }
  const plugin = spawn(path.join(dir, "node_modules/.bin/pulumi-resource-modelarts"), [], { cwd: dir });
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = "";
      plugin.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      plugin.on("error", reject);
      plugin.on("exit", (code) => reject(new Error(`the plugin exited with ${code} before printing its port`)));
    });
    expect(firstLine).toMatch(/^\d+$/);
  } finally {
    plugin.kill();
  }
}

beforeAll(async () => {
  // realpath: tsc and require.resolve report real paths (os.tmpdir() can be a symlink, as on macOS).
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), "pulumi-modelarts-install-")));
  logs = path.join(work, "logs");
  mkdirSync(logs);

  // The git install is the long one (npm installs this repository's devDependencies in its clone): it starts
  // first and runs in the background; each test awaits its own project.
  cloneDir = path.join(work, "clone");
  await step("repo", "git clone", "git", ["clone", "--quiet", REPO_ROOT, cloneDir], work);
  cloneCommit = (await execFileAsync("git", ["-C", cloneDir, "rev-parse", "HEAD"])).stdout.trim();
  gitProject = installFromGit();
  // Awaited by the tests; a failure must not also surface as an unhandled rejection.
  gitProject.catch(() => undefined);

  const packed = await step(
    "repo",
    "npm pack",
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", work],
    REPO_ROOT,
  );
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, info!.filename);
  tarballFiles = info!.files.map((f) => f.path).sort();
  tarballProject = installFromTarball();
  tarballProject.catch(() => undefined);

  bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
}, TIMEOUT);

afterAll(async () => {
  // Let a still-running install finish before its directory is removed.
  await Promise.allSettled([tarballProject, gitProject]);
  await emulator?.close();
  mkdirSync(path.join(REPO_ROOT, "test/.work"), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, "test/.work/e2e-install.json"), JSON.stringify({ timings }, null, 2));
  console.log(
    "e2e install: steps\n" +
      timings.map((t) => `  ${t.project.padEnd(8)} ${String(t.durationMs).padStart(6)} ms  ${t.step}`).join("\n"),
  );
  if (!work) return;
  if (passed.size === 3) rmSync(work, { recursive: true, force: true });
  else console.log(`e2e install: kept ${work} (logs in ${logs})`);
});

/**
 * tsc in the project under each resolution mode, one after the other (each loads @pulumi/pulumi's and Node's
 * types: in parallel they only compete for the CPU with the other project's install). The first run (the
 * template's tsconfig as is) also lists the files it used: all must be the project's own.
 */
async function typeCheck(project: string, dir: string): Promise<void> {
  const tsc = path.join(dir, "node_modules/typescript/bin/tsc");
  for (const [i, { mode, flags }] of RESOLUTION_MODES.entries()) {
    const list = i === 0 ? ["--listFiles"] : [];
    const args = [tsc, "-p", ".", "--noEmit", ...list, ...flags];
    const result = await step(project, `tsc --noEmit, moduleResolution ${mode}`, "node", args, dir);
    if (i === 0) {
      const files = result.stdout.split("\n").filter((f) => f.trim() !== "");
      expect(files).toContain(path.join(dir, "node_modules/pulumi-modelarts/dist/provider/index.d.ts"));
      const outside = files.filter((f) => !f.startsWith(dir + path.sep)).slice(0, 5);
      expect({ filesOutsideTheProject: outside }).toEqual({ filesOutsideTheProject: [] });
    }
  }
}

/** `pulumi preview` of the project against the emulator: the create is planned, nothing is called. */
async function preview(project: string, dir: string): Promise<void> {
  const ws = await createWorkspace({
    programDir: dir,
    stack: `install-${project}`,
    bin,
    // ts-node's cache in the project: each run type-checks index.ts afresh instead of reusing an earlier compile.
    env: { ...emulatorPollEnv(), TS_NODE_CACHE_DIRECTORY: path.join(dir, ".ts-node-cache") },
  });
  try {
    const key = emulator.credentials.accessKeys[0]!;
    await ws.setConfig("modelarts:endpoint", emulator.url);
    await ws.setConfig("modelarts:projectId", emulator.projectId);
    await ws.setConfig("modelarts:accessKey", key.accessKey, true);
    await ws.setConfig("modelarts:secretKey", key.secretKey, true);
    const result = await ws.run(["preview"]);
    timings.push({ project, step: "pulumi preview", durationMs: result.durationMs });
    const output = `${result.stdout}\n${result.stderr}`;
    writeFileSync(path.join(logs, `${project}-pulumi-preview.log`), output);
    if (result.code !== 0) throw new Error(`${project}: pulumi preview exited with ${result.code}:\n${output}`);
    expect(output).toMatch(new RegExp(`^ \\+\\s+${TYPE.replace(/[/.]/g, "\\$&")} nb create`, "m"));
    expect(output).toMatch(/\+ 2 to create/);
    // The program ran with the project's own copy of every entry point.
    for (const entry of ENTRY_POINTS) {
      expect(output).toContain(path.join(dir, "node_modules/pulumi-modelarts", exportedFile(entry)));
    }
    expect(await emulator.admin.listInstances()).toEqual([]);
  } finally {
    ws.dispose();
  }
}

test("npm pack: LICENSE, dist/ without test code or source maps, schema.json once, the generated SDKs", () => {
  expect(tarballFiles).toEqual(
    expect.arrayContaining([
      "LICENSE",
      "README.md",
      "package.json",
      "dist/schema.json",
      "dist/sdk/index.js",
      "dist/sdk/index.d.ts",
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
      "dist/emulator/index.js",
      "dist/emulator/index.d.ts",
      "dist/emulator/cli.js",
      "bin/pulumi-resource-modelarts",
      "dist/provider/native/main.js",
      "dist/provider/native/package-schema.json",
      "dist/native/index.js",
      "dist/native/index.d.ts",
      "dist/native/package.json",
      "sdks/go/go.mod",
      "sdks/go/modelarts/notebook.go",
      "sdks/python/pyproject.toml",
      "sdks/python/pulumi_modelarts/notebook.py",
      "sdks/dotnet/Pulumi.Modelarts.csproj",
      "sdks/dotnet/Notebook.cs",
    ]),
  );
  const unwanted = tarballFiles.filter((f) =>
    /\.map$|\.test\.|(^|\/)testdata\/|signingVectors\.|(^|\/)testkit\.|\.build-stamp$|^(src|test|node_modules)\//.test(
      f,
    ),
  );
  expect(unwanted).toEqual([]);
  expect(tarballFiles.filter((f) => path.basename(f) === "schema.json")).toEqual(["dist/schema.json"]);
  const topLevel = ["LICENSE", "README.md", "package.json", "bin/pulumi-resource-modelarts"];
  // The generated SDKs of the native provider, for Go, Python and .NET projects (README, "Native provider").
  const sdks = /^sdks\/(go|python|dotnet)\//;
  expect(tarballFiles.filter((f) => !f.startsWith("dist/") && !sdks.test(f) && !topLevel.includes(f))).toEqual([]);
  expect(tarballFiles.filter((f) => f.startsWith("sdks/nodejs/"))).toEqual([]);
  passed.add("pack");
});

test(
  "from a tarball (file:vendor/<tarball>, npm ci): tsc under node, node16 and bundler; pulumi preview plans the create",
  async () => {
    const dir = await tarballProject;
    await typeCheck("tarball", dir);
    await preview("tarball", dir);
    await pluginServes(dir);
    passed.add("tarball");
  },
  TIMEOUT,
);

test(
  "from git (git+file:// of a clone at HEAD, built by prepare): tsc under node, node16 and bundler; pulumi preview plans the create",
  async () => {
    const dir = await gitProject;
    const installed = JSON.parse(readFileSync(path.join(dir, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string }>;
    };
    expect(installed.packages["node_modules/pulumi-modelarts"]?.resolved).toBe(`git+file://${cloneDir}#${cloneCommit}`);
    await typeCheck("git", dir);
    await preview("git", dir);
    passed.add("git");
  },
  TIMEOUT,
);
