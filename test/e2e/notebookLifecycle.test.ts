/**
 * The whole life of a `Notebook` (the notebooks API) through the real Pulumi CLI (engine, language host,
 * dynamic-provider host) against one time-scaled emulator, the same proof as lifecycle.test.ts gives for
 * NotebookInstance: up, no-change preview, each kind of update (in place; the EVS volume growing, and a shrink
 * refused at preview; a stop and a start for flavor and image, and a flavor the notebook cannot switch to refused
 * at preview with nothing stopped; the declared power state), drift via refresh,
 * a replacement that would delete the EVS volume refused at preview and up, then made with the opt-in,
 * out-of-band delete, a create that ends CREATE_FAILED (replaced without the opt-in: it holds nothing), destroy,
 * and no credential or token in the state.
 * The program (programs/notebook) takes every input from stack config; each step changes config, runs the CLI, and
 * checks what a user would see: the CLI's text, the exported state, the emulator's notebooks and request counts.
 * Needs `npm run build` (scripts/test.sh does it).
 *
 * Durations of every CLI step go to test/.work/e2e-notebook.json (and the console).
 */
import * as path from "node:path";
import { FAKE_NOTEBOOK_TOKEN, startEmulator, type AdminNotebook, type Emulator } from "../../emulator/index.js";
import { secretsOf } from "../../emulator/testkit.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import {
  CliSteps,
  cliText as text,
  expectNoSecretIn,
  findResource as findOfType,
  resourceNamed,
  resourceRow,
  type Json,
} from "../support/CliSteps.js";

const PROGRAM = path.join(__dirname, "programs/notebook");
const TYPE = "pulumi-nodejs:dynamic/modelarts:Notebook";

const STEP_TIMEOUT = 10 * 60_000;
/** Two images of the emulator's catalogue (emulator/notebooks/imageCatalog.ts). */
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const OTHER_IMAGE = "278e88d1-5b71-4766-8502-b3ba72e824d9";
const NOTEBOOK = "/v1/{project_id}/notebooks/{id}";
const STOP = `POST ${NOTEBOOK}/stop`;
const START = `POST ${NOTEBOOK}/start`;
const PUT = `PUT ${NOTEBOOK}`;
const SWITCHABLE = `GET ${NOTEBOOK}/flavors`;
const POST = "POST /v1/{project_id}/notebooks";
const DELETE = `DELETE ${NOTEBOOK}`;

let emulator: Emulator;
let ws: PulumiWorkspace;

/** Every CLI output of the test, searched for secrets at the end. */
const outputsSeen: string[] = [];
const steps = new CliSteps(
  () => ws,
  (_step, result) => outputsSeen.push(result.stdout, result.stderr),
);
const pulumi = (step: string, args: string[], expected?: "ok" | "fail") => steps.run(step, args, expected);
const row = (op: string, resource: string, rest: string) => resourceRow(TYPE, op, resource, rest);

async function notebooks(): Promise<AdminNotebook[]> {
  return emulator.admin.listNotebooks();
}

async function outputs(): Promise<Record<string, unknown>> {
  return JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout);
}

const exported = (step: string) => steps.exported(step);
const findResource = (resources: Json[], name: string) => findOfType(resources, TYPE, name);
const resource = (resources: Json[], name: string) => resourceNamed(resources, TYPE, name);
const expectNoSecrets = (raw: string) => expectNoSecretIn(raw, secretsOf(emulator));

/** Requests per route since the last reset, as `{ "POST …/stop": 1 }`. */
async function counts(): Promise<Record<string, number>> {
  return (await emulator.admin.requestCounts()).byRoute;
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  // Only the poll schedule comes from the environment; endpoint and credentials are stack config, as a user
  // would set them (README, "Configuration"), so the state check covers the config Pulumi copies into it.
  const pollEnv = Object.fromEntries(Object.entries(emulatorEnv(emulator)).filter(([k]) => k.startsWith("MODELARTS_")));
  ws = await createWorkspace({ programDir: PROGRAM, stack: `notebook-${process.pid}`, bin, env: pollEnv });
  const key = emulator.credentials.accessKeys[0]!;
  await ws.setConfig("modelarts:endpoint", emulator.url);
  await ws.setConfig("modelarts:projectId", emulator.projectId);
  await ws.setConfig("modelarts:accessKey", key.accessKey, true);
  await ws.setConfig("modelarts:secretKey", key.secretKey, true);
  await ws.setConfig("flavor", "modelarts.vm.cpu.2u");
  await ws.setConfig("imageId", IMAGE);
  await ws.setConfig("description", "created by e2e");
  await ws.setConfig("capacityGb", "10");
  await ws.setConfig("tags", JSON.stringify({ team: "ml" }));
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e notebook", "e2e-notebook.json", {}, 34);
  ws?.dispose();
  await emulator?.close();
});

let firstId: string;
let currentId: string;
let generatedName: string;

test(
  "1. pulumi up creates the notebook: RUNNING, with a URL and the image it runs",
  async () => {
    const up = await pulumi("1 up (create)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("+", "main", "created"));
    expect(up.stdout).toContain("+ 2 created");

    const out = await outputs();
    expect(out).toMatchObject({
      status: "RUNNING",
      flavor: "modelarts.vm.cpu.2u",
      name: expect.stringMatching(/^main-[a-z0-9]{7}$/),
      image: { id: IMAGE, name: "notebook2.0-mul-kernel-cpu-cp36", type: "BUILD_IN" },
      volume: { category: "EVS", ownership: "MANAGED", capacityGb: 10 },
      failReason: "",
    });
    expect(out.url).toEqual(expect.stringMatching(/^https:\/\/.+/));
    firstId = currentId = out.id as string;
    generatedName = out.name as string;

    const live = await notebooks();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({
      id: firstId,
      name: generatedName,
      status: "RUNNING",
      description: "created by e2e",
    });
    expect(live[0]!.tags).toEqual(expect.arrayContaining([{ key: "team", value: "ml" }]));
    // The API does return the notebook's token (so the state check below means something).
    expect(JSON.stringify(await emulator.admin.getNotebook(firstId))).toContain(FAKE_NOTEBOOK_TOKEN);

    const { raw, resources } = await exported("1 stack export");
    expectNoSecrets(raw);
    const main = resource(resources, "main");
    expect(main).toMatchObject({ id: firstId, outputs: { status: "RUNNING", notebookId: firstId } });
    expect(main.initErrors).toBeUndefined();
    // Credentials set with --secret are in the state only as ciphertext (Pulumi copies the stack config into
    // the default provider's inputs).
    const providerRes = resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
    expect(providerRes?.inputs["modelarts:secretKey"]).toHaveProperty("ciphertext");
  },
  STEP_TIMEOUT,
);

test(
  "2. pulumi preview --expect-no-changes passes",
  async () => {
    const preview = await pulumi("2 preview (no changes)", ["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("2 unchanged");
    expect(preview.stdout).not.toMatch(/to (update|replace|create|delete)/);
  },
  STEP_TIMEOUT,
);

test(
  "3. description and tags change in place: no stop, no start",
  async () => {
    await ws.setConfig("description", "updated by e2e");
    await ws.setConfig("tags", JSON.stringify({ team: "ml", owner: "alice" }));
    const preview = await pulumi("3 preview (update)", ["preview"]);
    expect(preview.stdout).toMatch(row("~", "main", "update \\[diff: ~description,tags\\]"));
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).not.toMatch(/replace/);

    await emulator.admin.resetRequestCounts();
    const up = await pulumi("3 up (update)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~description,tags\\]"));
    expect(up.stdout).toContain("~ 1 updated");
    const requests = await counts();
    expect({ put: requests[PUT], stop: requests[STOP] ?? 0, start: requests[START] ?? 0 }).toEqual({
      put: 1,
      stop: 0,
      start: 0,
    });

    const live = await emulator.admin.getNotebook(currentId);
    expect(live).toMatchObject({ status: "RUNNING", description: "updated by e2e" });
    expect(live.tags).toEqual(
      expect.arrayContaining([
        { key: "team", value: "ml" },
        { key: "owner", value: "alice" },
      ]),
    );
  },
  STEP_TIMEOUT,
);

test(
  "4. the EVS volume grows in place; a shrink fails at preview, naming volume.capacityGb, with no API call",
  async () => {
    await ws.setConfig("capacityGb", "20");
    const preview = await pulumi("4 preview (grow)", ["preview", "--diff"]);
    expect(preview.stdout).toMatch(/~ capacityGb\s*: 10 => 20/);
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).not.toMatch(/replace/);
    const up = await pulumi("4 up (grow)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~volume\\]"));
    const live = await emulator.admin.getNotebook(currentId);
    expect(live).toMatchObject({ id: currentId, status: "RUNNING", volume: { capacity: 20 } });

    await ws.setConfig("capacityGb", "15");
    await emulator.admin.resetRequestCounts();
    const shrink = await pulumi("4 preview (shrink refused)", ["preview"], "fail");
    expect(text(shrink)).toContain("volume.capacityGb can only grow (the volume has 20 GB, got 15)");
    expect((await emulator.admin.requestCounts()).total).toBe(0);
    await ws.setConfig("capacityGb", "20");
  },
  STEP_TIMEOUT,
);

test(
  "5. flavor and image change with one stop and one start, said at preview; the notebook runs again",
  async () => {
    await ws.setConfig("flavor", "modelarts.vm.cpu.8u");
    await ws.setConfig("imageId", OTHER_IMAGE);
    const preview = await pulumi("5 preview (stop and start)", ["preview"]);
    expect(preview.stdout).toMatch(row("~", "main", "update \\[diff: ~flavor,imageId\\]"));
    expect(preview.stdout).not.toMatch(/replace/);
    // The notice is logged against the resource: it shows under its name among the diagnostics.
    const notice = new RegExp(
      `update notebook "${generatedName}" \\(${currentId}\\): flavor, imageId change in place with a stop and a ` +
        "start \\(the notebook is RUNNING\\); it is started again afterwards",
    );
    expect(preview.stdout).toMatch(notice);
    expect(preview.stdout).toMatch(new RegExp(`${TYPE.replace(/[/.]/g, "\\$&")} \\(main\\):\\n\\s+${notice.source}`));

    await emulator.admin.resetRequestCounts();
    const up = await pulumi("5 up (stop and start)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~flavor,imageId\\]"));
    const requests = await counts();
    expect({ stop: requests[STOP], start: requests[START] }).toEqual({ stop: 1, start: 1 });

    const out = await outputs();
    expect(out).toMatchObject({
      id: currentId,
      status: "RUNNING",
      flavor: "modelarts.vm.cpu.8u",
      image: { id: OTHER_IMAGE },
    });
    expect(await emulator.admin.getNotebook(currentId)).toMatchObject({
      status: "RUNNING",
      flavor: "modelarts.vm.cpu.8u",
      image: { id: OTHER_IMAGE },
    });
  },
  STEP_TIMEOUT,
);

test(
  "5b. a flavor the notebook cannot switch to fails preview and up, naming it and the allowed ones; nothing is stopped",
  async () => {
    await ws.setConfig("flavor", "modelarts.vm.gpu.v100");
    const refusal =
      `update notebook "${generatedName}" (${currentId}): flavor "modelarts.vm.gpu.v100" is not one this notebook ` +
      'can switch to (it runs "modelarts.vm.cpu.8u"); it can switch to "modelarts.vm.cpu.2u", ' +
      '"modelarts.vm.cpu.16u". Nothing was changed and the notebook was not stopped';
    await emulator.admin.resetRequestCounts();
    const preview = await pulumi("5b preview (flavor refused)", ["preview"], "fail");
    expect(text(preview)).toContain(refusal);
    const up = await pulumi("5b up (flavor refused)", ["up", "--yes"], "fail");
    expect(text(up)).toContain(refusal);
    // Each run read the switchable list (and the notebook, to tell a switch from drift); nothing was sent to change it.
    const requests = await counts();
    expect(requests[SWITCHABLE]).toBe(2);
    expect({ stop: requests[STOP] ?? 0, put: requests[PUT] ?? 0, start: requests[START] ?? 0 }).toEqual({
      stop: 0,
      put: 0,
      start: 0,
    });
    expect(await emulator.admin.getNotebook(currentId)).toMatchObject({
      status: "RUNNING",
      flavor: "modelarts.vm.cpu.8u",
    });
    await ws.setConfig("flavor", "modelarts.vm.cpu.8u");
    await pulumi("5b preview (no changes)", ["preview", "--expect-no-changes"]);
  },
  STEP_TIMEOUT,
);

test(
  "6. desiredStatus STOPPED stops it, then RUNNING starts it again, in place",
  async () => {
    await ws.setConfig("desiredStatus", "STOPPED");
    await emulator.admin.resetRequestCounts();
    const stop = await pulumi("6 up (STOPPED)", ["up", "--yes"]);
    expect(stop.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: \\+desiredStatus\\]"));
    expect((await outputs()).status).toBe("STOPPED");
    expect((await emulator.admin.getNotebook(currentId)).status).toBe("STOPPED");
    expect((await counts())[STOP]).toBe(1);
    await pulumi("6 preview (no changes)", ["preview", "--expect-no-changes"]);

    await ws.setConfig("desiredStatus", "RUNNING");
    await emulator.admin.resetRequestCounts();
    const start = await pulumi("6 up (RUNNING)", ["up", "--yes"]);
    expect(start.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~desiredStatus\\]"));
    expect((await outputs()).status).toBe("RUNNING");
    expect((await emulator.admin.getNotebook(currentId)).status).toBe("RUNNING");
    const requests = await counts();
    expect({ stop: requests[STOP] ?? 0, start: requests[START] }).toEqual({ stop: 0, start: 1 });
  },
  STEP_TIMEOUT,
);

test(
  "7. an out-of-band change shows in refresh, and up puts the declared value back",
  async () => {
    await emulator.admin.updateNotebook(currentId, { description: "edited in the console" });
    const refresh = await pulumi("7 refresh (drift)", ["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
    expect(refresh.stdout).toContain("~ 1 updated");
    const afterRefresh = await exported("7 stack export");
    expectNoSecrets(afterRefresh.raw);
    expect(resource(afterRefresh.resources, "main").inputs.description).toBe("edited in the console");

    const preview = await pulumi("7 preview --diff (back)", ["preview", "--diff"]);
    expect(preview.stdout).toMatch(/~ description\s*: "edited in the console" => "updated by e2e"/);
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).not.toMatch(/replace/);

    const up = await pulumi("7 up (correct drift)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
    expect(await emulator.admin.getNotebook(currentId)).toMatchObject({ description: "updated by e2e" });
    await pulumi("7 preview (no changes)", ["preview", "--expect-no-changes"]);
  },
  STEP_TIMEOUT,
);

test(
  "8. a volume category change that would delete the EVS volume fails preview and up, naming the input; with the opt-in it replaces the notebook, deleting the old one first, under a new name",
  async () => {
    const size = ((await outputs()).volume as { capacityGb: number }).capacityGb;
    await ws.setConfig("volumeCategory", "EFS");
    const refusal = new RegExp(
      `replace notebook "${generatedName}" \\(${currentId}\\): volume\\.category \\("EVS" → "EFS"\\) can only ` +
        `change on a new notebook, and the replacement would delete this notebook with its EVS volume \\(${size} GB\\) ` +
        "and every file saved on it\\. Nothing was changed\\. To replace it anyway, set allowDataLossOnReplace: " +
        "true on the resource",
    );
    await emulator.admin.resetRequestCounts();
    const refused = await pulumi("8 preview (replace refused)", ["preview"], "fail");
    expect(text(refused)).toMatch(refusal);
    expect(refused.stdout).not.toMatch(row("+-", "main", "replace"));
    expect((await emulator.admin.requestCounts()).total).toBe(0);
    const refusedUp = await pulumi("8 up (replace refused)", ["up", "--yes"], "fail");
    expect(text(refusedUp)).toMatch(refusal);
    expect((await counts())[DELETE] ?? 0).toBe(0);
    expect(await notebooks()).toEqual([
      expect.objectContaining({
        id: currentId,
        status: "RUNNING",
        volume: expect.objectContaining({ category: "EVS" }),
      }),
    ]);

    await ws.setConfig("allowDataLossOnReplace", "true");
    const preview = await pulumi("8 preview (replace)", ["preview"]);
    expect(preview.stdout).toMatch(row("--", "main", "delete original"));
    // A replacement gets a new owner mark, so a new generated name, which preview cannot know yet (core/ownerMark.ts).
    expect(preview.stdout).toMatch(row("+-", "main", "replace \\[diff: \\+allowDataLossOnReplace~name,volume\\]"));
    expect(preview.stdout).toMatch(
      row("++", "main", "create replacement \\[diff: \\+allowDataLossOnReplace~name,volume\\]"),
    );
    expect(preview.stdout).toContain("+-1 to replace");

    const up = await pulumi("8 up (replace)", ["up", "--yes"]);
    const deleted = up.stdout.search(row("--", "main", "deleted original"));
    const created = up.stdout.search(row("++", "main", "created replacement"));
    expect(deleted).toBeGreaterThan(-1);
    expect(created).toBeGreaterThan(deleted); // delete-before-replace
    expect(up.stdout).toContain("+-1 replaced");

    const out = await outputs();
    expect(out).toMatchObject({
      status: "RUNNING",
      name: expect.stringMatching(/^main-[a-z0-9]{7}$/),
      volume: { category: "EFS" },
    });
    expect(out.name).not.toBe(generatedName);
    generatedName = out.name as string;
    expect(out.id).not.toBe(firstId);
    currentId = out.id as string;
    const live = await notebooks();
    expect(live.map((n) => n.id)).toEqual([currentId]);
    expect(live[0]).toMatchObject({
      name: generatedName,
      flavor: "modelarts.vm.cpu.8u",
      description: "updated by e2e",
      volume: { category: "EFS" },
    });
  },
  STEP_TIMEOUT,
);

test(
  "9. an out-of-band delete: refresh drops it from state, up creates it again",
  async () => {
    await emulator.admin.deleteNotebook(currentId);
    const refresh = await pulumi("9 refresh (deleted)", ["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(row("-", "main", "deleted"));
    expect(refresh.stdout).toContain("- 1 deleted");
    const { resources } = await exported("9 stack export");
    expect(findResource(resources, "main")).toBeUndefined();

    const up = await pulumi("9 up (recreate)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("+", "main", "created"));
    expect(up.stdout).toContain("+ 1 created");
    const out = await outputs();
    expect(out.id).not.toBe(currentId);
    currentId = out.id as string;
    const live = await notebooks();
    expect(live.map((n) => n.id)).toEqual([currentId]);
    expect(live[0]).toMatchObject({ status: "RUNNING", flavor: "modelarts.vm.cpu.8u", description: "updated by e2e" });
  },
  STEP_TIMEOUT,
);

test(
  "10. a create that ends CREATE_FAILED is recorded in state with the reason; the next up replaces it",
  async () => {
    await emulator.admin.failNextNotebookCreates({ reason: "Insufficient resources in the pool." });
    await ws.setConfig("second", "true");
    const up = await pulumi("10 up (create fails)", ["up", "--yes"], "fail");
    expect(up.stdout).toMatch(row("+", "second", "\\*\\*creating failed\\*\\*"));
    expect(text(up)).toMatch(
      /create notebook "second-[a-z0-9]{7}" \([0-9a-f-]{36}\): the notebook is CREATE_FAILED; Insufficient resources in the pool\./,
    );

    const { raw, resources } = await exported("10 stack export");
    expectNoSecrets(raw);
    const second = resource(resources, "second");
    expect(second.outputs).toMatchObject({
      status: "CREATE_FAILED",
      notebookId: second.id,
      failReason: "Insufficient resources in the pool.",
    });
    expect(second.initErrors).toEqual([expect.stringContaining("Insufficient resources in the pool.")]);
    expect(await emulator.admin.getNotebook(second.id)).toMatchObject({ status: "CREATE_FAILED" });

    // The next `pulumi up` replaces the failed notebook (deleted first, then created anew), like a Terraform taint;
    // it holds no data, so no allowDataLossOnReplace is needed.
    await emulator.admin.resetRequestCounts();
    const again = await pulumi("10 up (replaces the failed one)", ["up", "--yes"]);
    expect(again.stdout).toMatch(row("+-", "second", "replaced"));
    const requests = await counts();
    expect({ post: requests[POST], delete: requests[DELETE] }).toEqual({ post: 1, delete: 1 });
    const replaced = resource((await exported("10 stack export after replace")).resources, "second");
    expect(replaced.id).not.toBe(second.id);
    expect(replaced.initErrors ?? []).toEqual([]);
    expect(replaced.outputs).toMatchObject({ status: "RUNNING", failReason: "" });
    const live = await notebooks();
    expect(live.map((n) => n.id).sort()).toEqual([currentId, replaced.id].sort());

    const destroy = await pulumi("10 destroy --target second", ["destroy", "--yes", "--target", replaced.urn]);
    expect(destroy.stdout).toMatch(row("-", "second", "deleted"));
    expect((await notebooks()).map((n) => n.id)).toEqual([currentId]);
    await ws.setConfig("second", "false");
  },
  STEP_TIMEOUT,
);

test(
  "11. pulumi destroy leaves no notebook, and no secret was ever written or printed",
  async () => {
    const destroy = await pulumi("11 destroy", ["destroy", "--yes"]);
    expect(destroy.stdout).toMatch(row("-", "main", "deleted"));
    expect(destroy.stdout).toContain("- 2 deleted");
    expect(await notebooks()).toEqual([]);
    const { raw, resources } = await exported("11 stack export");
    expect(resources).toEqual([]);
    expectNoSecrets(raw);
    expectNoSecrets(outputsSeen.join("\n"));
  },
  STEP_TIMEOUT,
);
