import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { callApi } from "./callApi.js";
import { instancesPath } from "./demanager/testkit.js";
import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID } from "./shared/defaults.js";

// Runs cli.ts itself (not a build): a tiny require hook transpiles TypeScript with the compiler in node_modules,
// and maps the sources' "./x.js" specifiers (nodenext style) to the "./x.ts" files beside them.
const HOOK = `
const ts = require(${JSON.stringify(require.resolve("typescript"))});
const fs = require("node:fs");
const Module = require("node:module");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request.startsWith(".") && request.endsWith(".js") && parent && parent.filename && parent.filename.endsWith(".ts")) {
    const candidate = require("node:path").resolve(require("node:path").dirname(parent.filename), request.slice(0, -3) + ".ts");
    if (fs.existsSync(candidate)) return candidate;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
require.extensions[".ts"] = (module, file) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
    fileName: file,
  });
  module._compile(outputText, file);
};
`;

let dir: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "modelarts-cli-"));
  writeFileSync(join(dir, "hook.js"), HOOK);
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

it("prints its URL, project and credentials, serves signed calls and stops on SIGTERM", async () => {
  child = spawn(
    process.execPath,
    ["-r", join(dir, "hook.js"), resolve(__dirname, "cli.ts"), "--port", "0", "--time-scale", "0.001"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = (await lines.next()).value as string;
  const match = /^ModelArts emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
  expect(match).not.toBeNull();
  const banner: string[] = [];
  for (let i = 0; i < 5; i++) banner.push((await lines.next()).value as string);
  const text = banner.join("\n");
  expect(text).toContain(DEFAULT_PROJECT_ID);
  expect(text).toContain(DEFAULT_CREDENTIALS.accessKeys[0]!.accessKey);
  expect(text).toContain(DEFAULT_CREDENTIALS.accessKeys[0]!.secretKey);

  const target = { url: match![1]!, credentials: DEFAULT_CREDENTIALS, projectId: DEFAULT_PROJECT_ID };
  const response = await callApi(target, {
    method: "GET",
    path: instancesPath(target),
    query: { de_type: "Notebook" },
  });
  expect(response.status).toBe(200);

  const exited = new Promise<number | null>((resolveExit) => child!.once("exit", (code) => resolveExit(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
}, 20_000);

it("takes the notebooks switches as flags, prints them, and refuses bad values", async () => {
  const run = (args: string[]) =>
    spawn(process.execPath, ["-r", join(dir, "hook.js"), resolve(__dirname, "cli.ts"), "--port", "0", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  child = run([
    "--notebooks-not-found",
    "http404",
    "--notebooks-delete-running",
    "refused",
    "--notebooks-switchable-flavors",
    "imageCategories",
    "--quiet",
  ]);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = (await lines.next()).value as string;
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first)![1]!;
  let line = "";
  while (!line.startsWith("notebooks:")) line = (await lines.next()).value as string;
  expect(line).toBe(
    "notebooks:   notFound=http404 deleteRunning=refused updateRunning=refused updateStopped=allowed " +
      "switchableFlavors=imageCategories",
  );
  const target = { url, credentials: DEFAULT_CREDENTIALS, projectId: DEFAULT_PROJECT_ID };
  const missing = await callApi(target, { method: "GET", path: `/v1/${DEFAULT_PROJECT_ID}/notebooks/nope` });
  expect(missing.status).toBe(404);
  const exited = new Promise<number | null>((resolveExit) => child!.once("exit", (code) => resolveExit(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);

  const bad = run(["--notebooks-update-running", "sometimes"]);
  let stderr = "";
  bad.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  expect(await new Promise<number | null>((resolveExit) => bad.once("exit", (code) => resolveExit(code)))).toBe(2);
  expect(stderr).toContain("--notebooks-update-running: notebook switch updateRunning must be one of refused, allowed");
}, 30_000);

it("takes the answer style as a flag, prints it, answers in it, and refuses an unknown one", async () => {
  const run = (args: string[]) =>
    spawn(process.execPath, ["-r", join(dir, "hook.js"), resolve(__dirname, "cli.ts"), "--port", "0", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  child = run(["--answer-style", "nulls", "--quiet"]);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec((await lines.next()).value as string)![1]!;
  let line = "";
  while (!line.startsWith("answers:")) line = (await lines.next()).value as string;
  expect(line).toBe("answers:     nulls (unset fields written as null)");
  const target = { url, credentials: DEFAULT_CREDENTIALS, projectId: DEFAULT_PROJECT_ID };
  const created = await callApi(target, {
    method: "POST",
    path: instancesPath(target),
    body: {
      name: "nulls",
      profile_id: "Multi-Engine 1.0 (python3)-cpu",
      flavor: "modelarts.vm.cpu.2u",
      spec: { storage: { type: "obs", location: { path: "/bucket/nulls/" } } },
    },
  });
  expect(created.json).toMatchObject({ error_code: null, repository: { id: null, branch: null } });
  const exited = new Promise<number | null>((resolveExit) => child!.once("exit", (code) => resolveExit(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);

  const bad = run(["--answer-style", "java"]);
  let stderr = "";
  bad.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  expect(await new Promise<number | null>((resolveExit) => bad.once("exit", (code) => resolveExit(code)))).toBe(2);
  expect(stderr).toContain('--answer-style: answer style must be one of compact, nulls (got "java")');
}, 30_000);
