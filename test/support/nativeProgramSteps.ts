/**
 * The steps the native e2e tests take alike on their program's `dev` notebook and `data` mount
 * (programs/native-typescript and programs/native-yaml declare the same pair, each through its own language host):
 * one place, so that both language hosts keep being held to the same preview and update behaviour.
 */
import { rmSync } from "node:fs";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorCredentialsEnv, emulatorPollEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace, type RunResult } from "../../devkit/pulumiCli.js";
import { createNotebooksClient, resolveSettings, type NotebooksClient } from "../../provider/index.js";
import { CliSteps, cliText as text, resourceRow, type Json } from "./CliSteps.js";
import { mountRequestCounts } from "./mountRequestCounts.js";
import { programCopy } from "./programCopy.js";
import { setEmulatorConfig } from "./stackConfigCredentials.js";

const NOTEBOOK = "modelarts:index:Notebook";
const STEP_TIMEOUT = 10 * 60_000;
const MOUNT = "modelarts:index:NotebookStorageMount";
/** The emulator's image named notebook2.0-mul-kernel-cpu-cp36 (emulator/notebooks/imageCatalog.ts). */
export const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";

/**
 * A native test's stack, filled in by useNativeStack's beforeAll: an emulator, a stack of a copy of the program on
 * it, the CLI steps run on it; `notebookId` and `storageId` are what the test's step 1 (up) made.
 */
export interface NativeStack {
  emulator: Emulator;
  /** A copy of the program (programCopy.ts), so that a step may add to it (imported resources). */
  programDir: string;
  ws: PulumiWorkspace;
  /** Each step's output is kept in `outputsSeen` for the secret search, but for one named `--show-secrets`. */
  steps: CliSteps;
  outputsSeen: string[];
  notebookId: string;
  storageId: string;
}

/**
 * The jest hooks of a native test: before its first test a time-scaled emulator and a stack of a copy of `template`
 * on it, its endpoint and credentials set as stack config (the keys as secrets: the tests check what the state keeps
 * of them), only the poll schedule from the environment, config `description` "first"; after its last, the steps'
 * timings reported (test/.work/<report.file>, CliSteps.report) and everything removed.
 */
export function useNativeStack(
  template: string,
  stack: string,
  report: { title: string; file: string; stepWidth: number },
): NativeStack {
  const outputsSeen: string[] = [];
  const native = { outputsSeen, notebookId: "", storageId: "" } as NativeStack;
  native.steps = new CliSteps(
    () => native.ws,
    (step, result) => {
      if (!step.includes("--show-secrets")) outputsSeen.push(result.stdout, result.stderr);
    },
  );
  beforeAll(async () => {
    native.emulator = await startEmulator({ timeScale: 0.02 });
    native.programDir = programCopy(template, "../../../../bin");
    native.ws = await createWorkspace({
      programDir: native.programDir,
      stack,
      bin: await getPulumiBin(),
      env: emulatorPollEnv(),
    });
    await setEmulatorConfig(native.ws, native.emulator);
    await native.ws.setConfig("description", "first");
  }, 15 * 60_000);
  afterAll(async () => {
    native.steps.report(report.title, report.file, {}, report.stepWidth);
    native.ws?.dispose();
    if (native.programDir) rmSync(native.programDir, { recursive: true, force: true });
    await native.emulator?.close();
  });
  return native;
}

/**
 * What the first `up` made of both programs: `dev` RUNNING on the image the lookup found, described "first", named
 * from its prefix, with `data` mounted on it. Records `notebookId` and `storageId` for the later steps; returns
 * the stack's outputs.
 */
export async function upMadeTheNotebookAndItsMount(native: NativeStack, up: RunResult): Promise<Json> {
  const { ws, emulator } = native;
  expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "+", "dev", "created"));
  expect(up.stdout).toMatch(resourceRow(MOUNT, "+", "data", "created"));
  const out = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as Json;
  expect(out).toMatchObject({ imageId: IMAGE, status: "RUNNING", name: expect.stringMatching(/^dev-[a-z0-9]{7}$/) });
  const live = await emulator.admin.getNotebook(out.notebookId);
  expect(live).toMatchObject({ status: "RUNNING", description: "first", image: { id: IMAGE } });
  expect(live.data_volumes).toEqual([
    expect.objectContaining({ mount_path: "/data/e2e/", status: "MOUNTED", url: "obs://e2e-bucket/data/" }),
  ]);
  native.notebookId = out.notebookId;
  native.storageId = out.storageId;
  return out;
}

/**
 * Config `description` "first" → "second": the preview is an update of the notebook alone with a detailed diff
 * naming `description` (`unchanged`: the stack's other resources), and up neither detaches nor attaches the mount.
 */
async function descriptionUpdatesTheNotebookOnly(stack: NativeStack, unchanged: number): Promise<void> {
  const { ws, steps, emulator } = stack;
  await ws.setConfig("description", "second");
  const diff = await steps.run("3 preview --diff", ["preview", "--diff"]);
  expect(diff.stdout).toMatch(/~ modelarts:index:Notebook: \(update\)/);
  expect(diff.stdout).toMatch(/~ description: "first" => "second"/);
  expect(diff.stdout).not.toMatch(/NotebookStorageMount: \(/);
  expect(diff.stdout).not.toMatch(/replace/);

  const json = JSON.parse((await steps.run("3 preview --json", ["preview", "--json"])).stdout) as {
    steps: Json[];
    changeSummary: Record<string, number>;
  };
  expect(json.changeSummary).toEqual({ same: unchanged, update: 1 });
  const changed = json.steps.filter((s) => s.op !== "same");
  expect(changed.map((s) => [s.op, s.urn.split("::").pop(), s.detailedDiff])).toEqual([
    ["update", "dev", { description: { kind: "update", inputDiff: false } }],
  ]);

  await emulator.admin.resetRequestCounts();
  const up = await steps.run("3 up", ["up", "--yes"]);
  expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "~", "dev", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
  expect(up.stdout).toContain("~ 1 updated");
  expect(await mountRequestCounts(emulator)).toEqual({ attach: 0, detach: 0 });
  expect(await emulator.admin.getNotebook(stack.notebookId)).toMatchObject({ description: "second" });
  const outputs = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as Json;
  expect(outputs).toMatchObject({ notebookId: stack.notebookId, storageId: stack.storageId });
}

/**
 * Config `volumeCategory` EVS → EFS would delete the notebook's EVS volume (`capacityGb`, as the program declares
 * it): refused at preview; with `allowDataLossOnReplace` a replacement naming `volume.category`. Both configs are
 * removed after, and the preview is clean again.
 */
async function volumeCategoryChangeIsRefused(stack: NativeStack, capacityGb: number): Promise<void> {
  const { ws, steps, emulator } = stack;
  await ws.setConfig("volumeCategory", "EFS");
  const refused = await steps.run("4 preview (refused)", ["preview"], "fail");
  expect(text(refused)).toContain('volume.category ("EVS" → "EFS")');
  expect(text(refused)).toContain(`its EVS volume (${capacityGb} GB)`);
  expect(text(refused)).toContain("allowDataLossOnReplace");

  await ws.setConfig("allowDataLossOnReplace", "true");
  const json = JSON.parse((await steps.run("4 preview --json (opt-in)", ["preview", "--json"])).stdout) as {
    steps: Json[];
  };
  const dev = json.steps.find((s) => s.urn.endsWith("::dev") && s.op === "replace");
  expect(dev?.detailedDiff).toMatchObject({ "volume.category": { kind: "update-replace" } });
  // The engine's reasons are top-level properties; the detailed diff names the part.
  expect(dev?.replaceReasons).toEqual(["volume"]);

  await ws.ok(["config", "rm", "volumeCategory"]);
  await ws.ok(["config", "rm", "allowDataLossOnReplace"]);
  await steps.run("4 preview (back)", ["preview", "--expect-no-changes"]);
  expect(await emulator.admin.getNotebook(stack.notebookId)).toMatchObject({ status: "RUNNING" });
}

/** A notebooks API client on the emulator's settings, for what a test does outside Pulumi. */
export function clientOutsidePulumi(emulator: Emulator): Promise<NotebooksClient> {
  return createNotebooksClient(resolveSettings({ env: emulatorCredentialsEnv(emulator) }));
}

/** The description changed outside Pulumi shows after a refresh, as a change back, which up makes. */
async function outsideChangeShowsAfterRefresh(stack: NativeStack): Promise<void> {
  const { steps, emulator } = stack;
  const client = await clientOutsidePulumi(emulator);
  await client.updateNotebook(stack.notebookId, { description: "changed outside" });
  await steps.run("5 refresh", ["refresh", "--yes"]);
  const diff = await steps.run("5 preview --diff", ["preview", "--diff"]);
  expect(diff.stdout).toMatch(/~ description: "changed outside" => "second"/);
  expect(diff.stdout).toContain("~ 1 to update");
  await steps.run("5 up", ["up", "--yes"]);
  expect(await emulator.admin.getNotebook(stack.notebookId)).toMatchObject({ description: "second" });
}

/** The notebook `pulumi import` takes in: made-by-hand, 15 GB of EVS, leased for `leaseMs`, made outside Pulumi. */
export async function notebookMadeByHand(client: NotebooksClient, leaseMs: number): Promise<string> {
  const made = await client.createNotebook(
    {
      name: "made-by-hand",
      image_id: IMAGE,
      flavor: "modelarts.vm.cpu.2u",
      description: "by hand",
      feature: "NOTEBOOK",
      volume: { category: "EVS", ownership: "MANAGED", capacity: 15 },
      workspace_id: "0",
      lease: { duration: leaseMs, type: "TIMING" },
    },
    async (err) => {
      throw err;
    },
  );
  return made.id!;
}

/**
 * Registers steps 2 to 5, the same in both native tests, after the test file's step 1 (up). `resources`: how many the program's stack holds after up (the stack itself included); `capacityGb`:
 * the size of `dev`'s EVS volume as the program declares it.
 */
export function sharedNativeSteps(native: NativeStack, program: { resources: number; capacityGb: number }): void {
  test(
    "2. a preview after up shows no change",
    async () => {
      const preview = await native.steps.run("2 preview", ["preview", "--expect-no-changes"]);
      expect(preview.stdout).toContain(`${program.resources} unchanged`);
    },
    STEP_TIMEOUT,
  );
  test(
    "3. a description change previews as an update of the notebook only, naming description; up changes nothing else",
    () => descriptionUpdatesTheNotebookOnly(native, program.resources - 1),
    STEP_TIMEOUT,
  );
  test(
    "4. a volume-category change is refused at preview (it would delete the EVS volume); with allowDataLossOnReplace it previews as a replacement naming volume.category",
    () => volumeCategoryChangeIsRefused(native, program.capacityGb),
    STEP_TIMEOUT,
  );
  test(
    "5. a description changed outside Pulumi shows after a refresh, as a change back",
    () => outsideChangeShowsAfterRefresh(native),
    STEP_TIMEOUT,
  );
}
