/**
 * Owner marks through the real Pulumi CLI, as two people meet them: Alice and Bob share one Huawei project (one
 * emulator), each runs their own copy of one program (programs/owner-marks: a Notebook, a NotebookInstance and a
 * TeamNotebooks member) in a stack named `dev`, each on their own local state backend. Before owner marks had a
 * random part, Bob's `up` took Alice's notebooks for his own ("left by an interrupted run"), deleted the one whose
 * volume he declared otherwise, and his `destroy` deleted the rest. Here: two of everything, Bob's warning names
 * Alice's notebooks, Bob's adoption of Alice's notebook is refused at preview naming her stack, either destroy leaves
 * the other's, and a stack recorded before the random part existed previews with no change and is still found.
 * Needs `npm run build` (scripts/test.sh does it).
 *
 * Durations of every CLI step go to test/.work/e2e-owner-marks.json (and the console).
 */
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { callApi, startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, REPO_ROOT, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import { CliSteps, cliText as text, resourceNamed, type Json } from "../support/CliSteps.js";

const PROGRAM = path.join(__dirname, "programs/owner-marks");
const PROJECT = "modelarts-e2e-owner-marks";
const NOTEBOOK = "pulumi-nodejs:dynamic/modelarts:Notebook";
const INSTANCE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const STEP_TIMEOUT = 10 * 60_000;

let emulator: Emulator;
let copies: string;
const people: Record<"alice" | "bob", PulumiWorkspace> = {} as Record<"alice" | "bob", PulumiWorkspace>;
let current: PulumiWorkspace;
const steps = new CliSteps(() => current);

/** `pulumi <args>` in one person's copy, on their own backend, in their stack `dev`. */
function as(person: "alice" | "bob", step: string, args: string[], expected: "ok" | "fail" = "ok") {
  current = people[person];
  return steps.run(`${person}: ${step}`, args, expected);
}

interface Deployed {
  main: { id: string; name: string };
  inst: { id: string; name: string };
  carol: { id: string; name: string };
}

async function deployed(person: "alice" | "bob"): Promise<Deployed> {
  const out = JSON.parse((await people[person].ok(["stack", "output", "--json"])).stdout) as Json;
  const carolName = out.teamNames.carol as string;
  const carol = (await emulator.admin.listNotebooks()).find((n) => n.name === carolName)!;
  return {
    main: { id: out.mainId, name: out.mainName },
    inst: { id: out.instId, name: out.instName },
    carol: { id: carol.id as string, name: carolName },
  };
}

async function live(): Promise<{ notebooks: [string, string][]; instances: [string, string][] }> {
  const notebooks = (await emulator.admin.listNotebooks()).map(
    (n) => [n.id as string, String(n.status)] as [string, string],
  );
  const instances = (await emulator.admin.listInstances()).map((i) => [i.id, String(i.status)] as [string, string]);
  return { notebooks: notebooks.sort(), instances: instances.sort() };
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  // Two clones of one repository: the same program (and project name), each person's own stack config file. Inside
  // this repository, so `require("pulumi-modelarts")` finds the package being tested.
  mkdirSync(path.join(REPO_ROOT, "test/.work"), { recursive: true });
  copies = mkdtempSync(path.join(REPO_ROOT, "test/.work/owner-marks-"));
  for (const person of ["alice", "bob"] as const) {
    const programDir = path.join(copies, person);
    cpSync(PROGRAM, programDir, { recursive: true });
    people[person] = await createWorkspace({ programDir, stack: "dev", bin, env: emulatorEnv(emulator) });
    await people[person].setConfig("imageId", IMAGE);
  }
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e owner marks", "e2e-owner-marks.json", {}, 40);
  for (const ws of Object.values(people)) ws?.dispose();
  if (copies) rmSync(copies, { recursive: true, force: true });
  await emulator?.close();
});

let alice: Deployed;
let bob: Deployed;

test(
  "1. Alice's up, then Bob's (his main notebook on another volume): two of each, Alice's untouched and named in Bob's warning",
  async () => {
    await as("alice", "up", ["up", "--yes"]);
    alice = await deployed("alice");
    const aliceLive = await live();
    expect(aliceLive.notebooks).toHaveLength(2);
    expect(aliceLive.instances).toHaveLength(1);

    // Bob's preview of his new stack shows no generated name that his up would not use.
    await people.bob.setConfig("volumeCategory", "EFS");
    const preview = await as("bob", "preview (new stack)", ["preview", "--diff"]);
    expect(preview.stdout).not.toMatch(/name\s*: "(main|inst|team-carol)-[a-z0-9]{7}"/);
    expect(preview.stdout).toMatch(/^\s+name\s*: \[unknown\]$/m);

    const up = await as("bob", "up", ["up", "--yes"]);
    bob = await deployed("bob");
    for (const key of ["main", "inst", "carol"] as const) {
      expect({ key, id: bob[key].id === alice[key].id, name: bob[key].name === alice[key].name }).toEqual({
        key,
        id: false,
        name: false,
      });
    }
    // Alice's are all there, as they were: nothing of hers was resumed, changed or deleted.
    const both = await live();
    expect(both.notebooks).toEqual(
      [
        [alice.main.id, "RUNNING"],
        [alice.carol.id, "RUNNING"],
        [bob.main.id, "RUNNING"],
        [bob.carol.id, "RUNNING"],
      ].sort(),
    );
    expect(both.instances).toEqual(
      [
        [alice.inst.id, "RUNNING"],
        [bob.inst.id, "RUNNING"],
      ].sort(),
    );
    expect((await emulator.admin.getNotebook(alice.main.id)).volume).toMatchObject({ category: "EVS" });
    // Bob is told about the notebook that carries his resource's readable owner from another deployment.
    expect(text(up)).toContain(
      `notebook "${alice.main.name}" (${alice.main.id}) carries the owner mark of another deployment of ` +
        `${PROJECT}/dev/main: possibly left by an interrupted run (or made by a stack of the same name on another ` +
        "state backend)",
    );
    expect(text(up)).toContain(
      `notebook instance "${alice.inst.name}" (${alice.inst.id}) carries the owner mark of another deployment of ` +
        `${PROJECT}/dev/inst`,
    );
  },
  STEP_TIMEOUT,
);

test(
  "2. Alice previews with no change; Bob's adoption of Alice's notebook is refused at preview, naming her stack",
  async () => {
    await as("alice", "preview (no changes)", ["preview", "--expect-no-changes"]);

    const tagsBefore = (await emulator.admin.getNotebook(alice.main.id)).tags;
    await emulator.admin.resetRequestCounts();
    await people.bob.setConfig("adoptId", alice.main.id);
    const refused = await as("bob", "preview (adopt Alice's)", ["preview"], "fail");
    expect(text(refused)).toContain(
      `adopt notebook ${alice.main.id}: notebook "${alice.main.name}" carries the owner mark of ${PROJECT}/dev/main: ` +
        "another Pulumi resource manages it",
    );
    expect(text(refused)).toContain(`To take it over, set adoptOwnedBy: "${PROJECT}/dev/main"`);
    expect((await emulator.admin.requestCounts()).byRoute).not.toHaveProperty([
      "POST /v1/{project_id}/notebooks/{id}/tags/create",
    ]);
    expect((await emulator.admin.getNotebook(alice.main.id)).tags).toEqual(tagsBefore);
    await people.bob.ok(["config", "rm", "adoptId"]);
  },
  STEP_TIMEOUT,
);

test(
  "3. Bob's destroy leaves Alice's notebooks; Alice's destroy then leaves nothing",
  async () => {
    await as("bob", "destroy", ["destroy", "--yes"]);
    expect(await live()).toEqual({
      notebooks: [
        [alice.main.id, "RUNNING"],
        [alice.carol.id, "RUNNING"],
      ].sort(),
      instances: [[alice.inst.id, "RUNNING"]],
    });
    await as("alice", "refresh (nothing changed)", ["refresh", "--yes", "--expect-no-changes"]);
    await as("alice", "destroy", ["destroy", "--yes"]);
    expect(await live()).toEqual({ notebooks: [], instances: [] });
  },
  STEP_TIMEOUT,
);

test(
  "4. a stack recorded before owner marks had a random part previews with no change and finds its notebooks",
  async () => {
    await as("alice", "up (again)", ["up", "--yes"]);
    alice = await deployed("alice");
    // Make the state what the previous version wrote: no __ownerNonce, and the Notebook's owner tag the bare hash of
    // <project>/<stack>/<resource>. (The names stay: they are only strings that version also recorded.)
    const state = JSON.parse((await people.alice.ok(["stack", "export"])).stdout) as {
      deployment: { resources: Json[] };
    };
    for (const r of state.deployment.resources) {
      if (r.type !== NOTEBOOK && r.type !== INSTANCE) continue;
      for (const props of [r.inputs, r.outputs]) delete props.__ownerNonce;
      if (r.type === NOTEBOOK) {
        const legacy = createHash("sha256").update(String(r.inputs.__ownerKey)).digest("hex").slice(0, 32);
        await callApi(emulator, {
          method: "POST",
          path: `/v1/${emulator.projectId}/notebooks/${r.id}/tags/create`,
          body: { tags: [{ key: "pulumi-modelarts.owner", value: legacy }] },
        });
      }
    }
    const file = path.join(people.alice.workDir, "legacy-state.json");
    writeFileSync(file, JSON.stringify(state));
    await people.alice.ok(["stack", "import", "--file", file]);

    await as("alice", "preview (legacy state)", ["preview", "--expect-no-changes"]);
    await as("alice", "refresh (legacy state)", ["refresh", "--yes", "--expect-no-changes"]);
    await as("alice", "up (legacy state)", ["up", "--yes", "--expect-no-changes"]);
    const after = JSON.parse((await people.alice.ok(["stack", "export"])).stdout) as {
      deployment: { resources: Json[] };
    };
    const main = resourceNamed(after.deployment.resources, NOTEBOOK, "main");
    expect(main.id).toBe(alice.main.id);
    expect(main.inputs.__ownerNonce).toBeUndefined();
    expect(main.inputs.__ownerKey).toBe(`${PROJECT}/dev/main`);
    await as("alice", "destroy (legacy state)", ["destroy", "--yes"]);
    expect(await live()).toEqual({ notebooks: [], instances: [] });
  },
  STEP_TIMEOUT,
);
