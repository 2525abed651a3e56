/**
 * An existing stack moves from the dynamic classes to the native ones without losing a notebook, through the real
 * Pulumi CLI against the emulator (programs/native-move): a Notebook, a NotebookStorageMount on it and a v1
 * NotebookInstance made with `pulumi-modelarts`'s dynamic classes; then the program imports `pulumi-modelarts/native`
 * instead and nothing else changes. The native classes carry aliases from the dynamic type tokens
 * (`pulumi-nodejs:dynamic/modelarts:<Name>`, in the package schema), and the native provider reads the state the
 * dynamic provider wrote (provider/native/recordedMark.ts). The move previews with no replacement, its `up` sends
 * the API no write (the emulator's request log), ids, names and owner marks stay, and the stack then previews clean
 * and is destroyed by the native provider.
 */
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import { ownerMarkOf } from "../../provider/frame/ownerMark.js";
import { tagIsMark, OWNER_TAG_KEY } from "../../provider/notebook/ownerTag.js";
import { CliSteps, resourceNamed, type Json } from "../support/CliSteps.js";
import { programCopy } from "../support/programCopy.js";
import { rmSync } from "node:fs";

const TEMPLATE = path.join(__dirname, "programs/native-move");
const STEP_TIMEOUT = 10 * 60_000;
const WRITES = /^(POST|PUT|PATCH|DELETE) /;

let emulator: Emulator;
let ws: PulumiWorkspace;
let programDir: string;
const steps = new CliSteps(() => ws);

async function outputs(): Promise<Record<string, string>> {
  return JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout);
}

/** The requests of the API that change something, by route, since the last reset. */
async function writes(): Promise<Record<string, number>> {
  const { byRoute } = await emulator.admin.requestCounts();
  return Object.fromEntries(Object.entries(byRoute).filter(([route]) => WRITES.test(route)));
}

function ownerTag(notebook: object): string | undefined {
  const tags = (notebook as { tags?: { key: string; value?: string }[] }).tags;
  return tags?.find((t) => t.key === OWNER_TAG_KEY)?.value;
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  programDir = programCopy(TEMPLATE, "../../../../bin");
  ws = await createWorkspace({ programDir, stack: `native-move-${process.pid}`, bin, env: emulatorEnv(emulator) });
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e native move", "e2e-native-move.json", {}, 30);
  if (ws) await ws.run(["destroy", "--yes"]);
  ws?.dispose();
  if (programDir) rmSync(programDir, { recursive: true, force: true });
  await emulator?.close();
});

let before: Record<string, string>;
/** The owner marks the dynamic classes recorded (`__ownerKey`, `__ownerNonce`), by resource name. */
const recordedMarks: Record<string, Json> = {};

/** The internal owner inputs of a state entry's inputs. */
const ownerInputs = (inputs: Json) => ({ __ownerKey: inputs.__ownerKey, __ownerNonce: inputs.__ownerNonce });

test(
  "1. the stack made with the dynamic classes",
  async () => {
    const up = await steps.run("1 up (dynamic)", ["up", "--yes"]);
    expect(up.stdout).toContain("+ 4 created");
    before = await outputs();
    const { resources } = await steps.exported("1 stack export");
    expect(resources.map((r) => r.type)).toEqual(
      expect.arrayContaining([
        "pulumi-nodejs:dynamic/modelarts:Notebook",
        "pulumi-nodejs:dynamic/modelarts:NotebookStorageMount",
        "pulumi-nodejs:dynamic/modelarts:NotebookInstance",
      ]),
    );
    for (const [type, name] of [
      ["Notebook", "dev"],
      ["NotebookInstance", "v1"],
    ]) {
      const { inputs } = resourceNamed(resources, `pulumi-nodejs:dynamic/modelarts:${type}`, name!);
      recordedMarks[name!] = ownerInputs(inputs);
      expect(recordedMarks[name!]).toEqual({
        __ownerKey: `modelarts-e2e-native-move/${ws.stack}/${name}`,
        __ownerNonce: expect.stringMatching(/^[0-9a-f]{16}$/),
      });
    }
  },
  STEP_TIMEOUT,
);

test(
  "2. on the native classes: the preview replaces nothing, up writes nothing to the API, ids, names and marks stay",
  async () => {
    await ws.setConfig("classes", "native");
    const preview = JSON.parse(
      (await steps.run("2 preview --json (native)", ["preview", "--json", "--show-sames"])).stdout,
    ) as {
      steps: Json[];
      changeSummary: Record<string, number>;
    };
    const ops = preview.steps
      .filter((s) => !String(s.urn).includes("::pulumi:providers:"))
      .map((s) => [s.op, String(s.urn).split("::").slice(2).join("::")]);
    expect(ops).toEqual(
      expect.arrayContaining([
        ["same", "modelarts:index:Notebook::dev"],
        ["same", "modelarts:index:NotebookStorageMount::data"],
        ["same", "modelarts:index:NotebookInstance::v1"],
      ]),
    );
    expect(ops.filter(([op]) => op !== "same")).toEqual([]);
    expect(Object.keys(preview.changeSummary).filter((op) => op !== "same")).toEqual([]);

    await emulator.admin.resetRequestCounts();
    const up = await steps.run("2 up (native)", ["up", "--yes"]);
    expect(up.stdout).not.toMatch(/replaced|created|deleted|updated/);
    expect(await writes()).toEqual({});
    expect(await outputs()).toEqual(before);

    const { resources } = await steps.exported("2 stack export");
    const dev = resourceNamed(resources, "modelarts:index:Notebook", "dev");
    expect(dev.id).toBe(before.notebookId);
    expect(resourceNamed(resources, "modelarts:index:NotebookStorageMount", "data").id).toBe(before.storageId);
    expect(resourceNamed(resources, "modelarts:index:NotebookInstance", "v1").id).toBe(before.instanceId);
    expect(resources.filter((r) => String(r.type).startsWith("pulumi-nodejs:dynamic/"))).toEqual([]);
    // The owner marks, random part included, stay with the resources, and the notebook still carries its own.
    expect(ownerInputs(dev.inputs)).toEqual(recordedMarks.dev);
    expect(ownerInputs(resourceNamed(resources, "modelarts:index:NotebookInstance", "v1").inputs)).toEqual(
      recordedMarks.v1,
    );
    const live = await emulator.admin.getNotebook(before.notebookId!);
    expect(tagIsMark(String(ownerTag(live)), ownerMarkOf(recordedMarks.dev!, undefined))).toBe(true);
    expect(live).toMatchObject({ name: before.notebookName, status: "RUNNING" });
  },
  STEP_TIMEOUT,
);

test(
  "3. after the move: a refresh writes nothing and leaves none of the dynamic host's keys in the state, only the owner marks; a preview shows no change; destroy leaves nothing",
  async () => {
    await emulator.admin.resetRequestCounts();
    await steps.run("3 refresh", ["refresh", "--yes"]);
    expect(await writes()).toEqual({});
    const { resources } = await steps.exported("3 stack export");
    for (const r of resources.filter((r) => r.custom && !String(r.type).startsWith("pulumi:providers:"))) {
      const internal = [...new Set(Object.keys({ ...r.inputs, ...r.outputs }).filter((k) => k.startsWith("__")))];
      const marked = String(r.urn).endsWith("::data") ? [] : ["__ownerKey", "__ownerNonce"];
      expect({ urn: r.urn, internal: internal.sort() }).toEqual({ urn: r.urn, internal: marked });
    }
    expect(ownerInputs(resourceNamed(resources, "modelarts:index:Notebook", "dev").outputs)).toEqual(recordedMarks.dev);
    await steps.run("3 preview", ["preview", "--expect-no-changes"]);
    const destroy = await steps.run("3 destroy", ["destroy", "--yes"]);
    expect(destroy.stdout).toContain("- 4 deleted");
    expect((await emulator.admin.listNotebooks()).filter((n) => n.status !== "DELETED")).toEqual([]);
    expect((await emulator.admin.listInstances()).filter((i) => i.status !== "DELETED")).toEqual([]);
  },
  STEP_TIMEOUT,
);
