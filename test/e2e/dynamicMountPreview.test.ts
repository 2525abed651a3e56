/**
 * The pattern the README teaches for the dynamic classes, through the real CLI against the emulator: a
 * NotebookStorageMount takes its notebook's `id`. The dynamic-provider host cannot preview an update, so at
 * `pulumi preview` every output of an updated Notebook is unknown except its `id`: with `notebookId: dev.id`, a
 * description change previews as the notebook's update and nothing else; with `dev.notebookId` (the same value,
 * another output) the mount previews as replaced, though `pulumi up` replaces nothing (issue 17).
 * The program is programs/dynamic-mount; the emulator's settings come from the environment.
 */
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import { CliSteps, resourceRow } from "../support/CliSteps.js";
import { mountRequestCounts } from "../support/mountRequestCounts.js";

const PROGRAM = path.join(__dirname, "programs/dynamic-mount");
const NOTEBOOK = "pulumi-nodejs:dynamic/modelarts:Notebook";
const MOUNT = "pulumi-nodejs:dynamic/modelarts:NotebookStorageMount";
const STEP_TIMEOUT = 10 * 60_000;

let emulator: Emulator;
let ws: PulumiWorkspace;
const steps = new CliSteps(() => ws);

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  ws = await createWorkspace({
    programDir: PROGRAM,
    stack: `dynmount-${process.pid}`,
    bin,
    env: emulatorEnv(emulator),
  });
  await ws.setConfig("description", "first");
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e dynamic mount preview", "e2e-dynamic-mount.json", {}, 30);
  if (ws) await ws.run(["destroy", "--yes"]);
  ws?.dispose();
  await emulator?.close();
});

test(
  "a description change previews as the notebook's update only when the mount takes the notebook's id",
  async () => {
    await steps.run("up", ["up", "--yes"]);
    const { storageId } = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as { storageId: string };

    await ws.setConfig("description", "second");
    const preview = await steps.run("preview (id)", ["preview"]);
    expect(preview.stdout).toMatch(resourceRow(NOTEBOOK, "~", "dev", "update \\[diff: ~description\\]"));
    expect(preview.stdout).not.toContain(MOUNT);
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).toContain("2 unchanged");

    // The same program with the mount on `dev.notebookId`: the preview tells of a replacement that up would not do.
    await ws.setConfig("mountOn", "notebookId");
    const misleading = await steps.run("preview (notebookId)", ["preview"]);
    expect(misleading.stdout).toMatch(resourceRow(MOUNT, "+-", "data", "replace \\[diff: ~notebookId\\]"));
    await ws.ok(["config", "rm", "mountOn"]);

    await emulator.admin.resetRequestCounts();
    const up = await steps.run("up (description)", ["up", "--yes"]);
    expect(up.stdout).toContain("~ 1 updated");
    expect(await mountRequestCounts(emulator)).toEqual({ attach: 0, detach: 0 });
    const after = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as { storageId: string };
    expect(after.storageId).toBe(storageId);
  },
  STEP_TIMEOUT,
);
