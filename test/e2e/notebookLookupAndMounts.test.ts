/**
 * The notebooks lookup and a Notebook's `mounts` through the real Pulumi CLI against a time-scaled emulator
 * (issue 18 points 1 and 2): the lookup finds the stack's notebook by its name and by its tag, with the owner mark
 * its state holds, and a notebook made outside Pulumi without one, which the program then adopts by the id the
 * lookup gave (and the lookup shows it owned); after a refresh, the notebook's `mounts` show the storage its
 * NotebookStorageMount mounted as managed and one mounted outside Pulumi as not, and the output makes no change
 * in the preview. The program is programs/notebook-lookup; the emulator's settings come from the environment.
 * Needs `npm run build`.
 */
import * as path from "node:path";
import { callApi } from "../../emulator/callApi.js";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { notebooksPath } from "../../emulator/notebooks/testkit.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import { ownerTagValue } from "../../provider/notebook/ownerTag.js";
import { CliSteps, resourceNamed, resourceRow, type Json } from "../support/CliSteps.js";
import { someoneElsesNotebook } from "../support/someoneElses.js";

const PROGRAM = path.join(__dirname, "programs/notebook-lookup");
const PROJECT = "modelarts-e2e-notebook-lookup";
const NOTEBOOK = "pulumi-nodejs:dynamic/modelarts:Notebook";
const STEP_TIMEOUT = 10 * 60_000;
const OUTSIDE_NAME = "made-outside";

let emulator: Emulator;
let ws: PulumiWorkspace;
let stack: string;
const steps = new CliSteps(() => ws);

async function outputs(): Promise<Json> {
  return JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as Json;
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  stack = `lookup-${process.pid}`;
  ws = await createWorkspace({ programDir: PROGRAM, stack, bin, env: emulatorEnv(emulator) });
  await ws.setConfig("outsideName", OUTSIDE_NAME);
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e notebook lookup and mounts", "e2e-notebook-lookup.json", {}, 30);
  ws?.dispose();
  await emulator?.close();
});

let notebookId: string;
let outsideId: string;

test(
  "1. the lookup finds the stack's notebook by name and by tag with its owner mark, and one made outside Pulumi without",
  async () => {
    outsideId = await someoneElsesNotebook(emulator, OUTSIDE_NAME);
    await steps.run("1 up", ["up", "--yes"]);
    const out = await outputs();
    notebookId = out.notebookId as string;

    // The owner mark the lookup reports is the one this resource's state holds: its hash, then the resource.
    const main = resourceNamed((await steps.exported("1 stack export")).resources, NOTEBOOK, "main");
    const mark = `${main.inputs.__ownerKey as string}#${main.inputs.__ownerNonce as string}`;
    const owner = `${PROJECT}/${stack}/main`;
    expect(main.inputs.__ownerKey).toBe(owner);
    const ours = {
      id: notebookId,
      name: main.outputs.name,
      status: "RUNNING",
      flavor: "modelarts.vm.cpu.2u",
      image: { id: "e1a07296-22a8-4f05-8bc8-e936c8e54090", name: "notebook2.0-mul-kernel-cpu-cp36" },
      volume: { category: "EVS", capacityGb: 5, ownership: "MANAGED" },
      tags: { team: "lookup-e2e" },
      ownerMark: { tag: ownerTagValue(mark), owner },
    };
    expect(out.byName).toEqual([ours]);
    expect(out.byTag).toEqual([ours]);
    expect(out.outside).toEqual([
      expect.objectContaining({ id: outsideId, name: OUTSIDE_NAME, status: "RUNNING", tags: {} }),
    ]);
    expect(out.outside[0]).not.toHaveProperty("ownerMark");
  },
  STEP_TIMEOUT,
);

test(
  "2. after a refresh the notebook's mounts show its NotebookStorageMount's as managed and one made outside Pulumi as not; no change follows",
  async () => {
    // The notebook was read before its mount was made: its mounts show after a refresh.
    expect((await outputs()).mounts).toEqual([]);
    const attached = await callApi(emulator, {
      method: "POST",
      path: notebooksPath(emulator, notebookId, "/storage"),
      body: { category: "OBS", mount_path: "/data/outside/", uri: "obs://someone-else/x/" },
    });
    expect(attached.status).toBe(200);

    await steps.run("2 refresh", ["refresh", "--yes"]);
    const mounts = [
      { category: "OBSFS", uri: "obs://e2e-bucket/data/", mountPath: "/data/e2e/", status: "MOUNTED", managed: true },
      {
        category: "OBSFS",
        uri: "obs://someone-else/x/",
        mountPath: "/data/outside/",
        status: expect.stringMatching(/^MOUNT(ING|ED)$/),
        managed: false,
      },
    ];
    const main = resourceNamed((await steps.exported("2 stack export")).resources, NOTEBOOK, "main");
    expect(main.outputs.mounts).toEqual(mounts);
    // The mount's mark is no tag of the user's: the notebook's tags are as declared.
    expect(main.outputs.tags).toEqual({ team: "lookup-e2e" });

    // An output only: the preview after the refresh has nothing to change.
    const preview = await steps.run("2 preview (no changes)", ["preview", "--expect-no-changes"]);
    expect(preview.stdout).not.toMatch(/to (update|replace|create|delete)/);
    await steps.run("2 up (outputs)", ["up", "--yes"]);
    expect((await outputs()).mounts).toEqual(mounts);
  },
  STEP_TIMEOUT,
);

test(
  "3. the notebook made outside is adopted by the id the lookup found, and the lookup then shows it owned",
  async () => {
    const [found] = (await outputs()).outside as Json[];
    await ws.setConfig("adoptId", found!.id as string);
    const up = await steps.run("3 up (adopt)", ["up", "--yes"]);
    expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "+", "adopted", "created"));
    const { adoptedAfter } = await outputs();
    expect(adoptedAfter).toEqual([
      expect.objectContaining({
        id: outsideId,
        name: OUTSIDE_NAME,
        ownerMark: { tag: expect.stringMatching(/^[0-9a-f]{32} /), owner: `${PROJECT}/${stack}/adopted` },
      }),
    ]);
    expect((await emulator.admin.listNotebooks()).map((n) => n.id).sort()).toEqual([notebookId, outsideId].sort());
  },
  STEP_TIMEOUT,
);

test(
  "4. destroy unmounts the managed mount and takes its mark away first; the outside mount is left to its notebook",
  async () => {
    await steps.run("4 destroy --target data", [
      "destroy",
      "--yes",
      "--target",
      `urn:pulumi:${stack}::${PROJECT}::pulumi-nodejs:dynamic/modelarts:NotebookStorageMount::data`,
    ]);
    const notebook = await emulator.admin.getNotebook(notebookId);
    const keys = (notebook.tags as { key: string }[]).map((t) => t.key);
    expect(keys.filter((k) => k.startsWith("pulumi-modelarts.mount."))).toEqual([]);
    const listed = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, notebookId, "/storage") });
    const live = (listed.json as { data: { mount_path: string; status: string }[] }).data;
    expect(live.filter((m) => m.status !== "UNMOUNTED").map((m) => m.mount_path)).toEqual(["/data/outside/"]);
    await steps.run("4 destroy", ["destroy", "--yes"]);
    expect(await emulator.admin.listNotebooks()).toEqual([]);
  },
  STEP_TIMEOUT,
);
