/**
 * Issue 15 point 1 through the real Pulumi CLI: an emulator that writes every unset field as null, as Huawei's Java
 * backends do (its `nulls` answer style), and a project where someone else's instance answers with
 * `"repository": {"id": null, "branch": null, …}` (the answer, which made every create fail). One
 * NotebookInstance and one Notebook (programs/nulls) go through create, read (refresh and a no-change preview), an
 * update in place and destroy; their state holds no null inside an output and never the string "null", and someone
 * else's instances are left as they were. Durations of every CLI step go to test/.work/e2e-nulls.json. Needs
 * `npm run build`.
 */
import * as path from "node:path";
import { callApi, startEmulator, type Emulator } from "../../emulator/index.js";
import { secretsOf } from "../../emulator/testkit.js";
import { emulatorPollEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import { nullsInside } from "../support/outputNulls.js";
import { CliSteps, expectNoSecretIn, type Json } from "../support/CliSteps.js";
import { someoneElsesInstance, someoneElsesNotebook } from "../support/someoneElses.js";
import { setEmulatorConfig } from "../support/stackConfigCredentials.js";

const PROGRAM = path.join(__dirname, "programs/nulls");
const STEP_TIMEOUT = 10 * 60_000;
const V1_TYPE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
const V2_TYPE = "pulumi-nodejs:dynamic/modelarts:Notebook";

let emulator: Emulator;
let ws: PulumiWorkspace;
const foreign = { v1: "", v2: "" };
const seen: string[] = [];
const steps = new CliSteps(
  () => ws,
  (_step, result) => seen.push(result.stdout, result.stderr),
);

/** Our two resources in the exported state, after checking that no output holds a null inside or "null". */
async function ours(step: string): Promise<{ v1: Json; v2: Json }> {
  const { raw, resources } = await steps.exported(`${step}: stack export`);
  seen.push(raw);
  const v1 = resources.find((r) => r.type === V1_TYPE);
  const v2 = resources.find((r) => r.type === V2_TYPE);
  for (const r of [v1, v2]) {
    if (r === undefined) continue;
    expect({ step, urn: r.urn, nulls: nullsInside(r.outputs as Json) }).toEqual({ step, urn: r.urn, nulls: [] });
  }
  return { v1: v1 as Json, v2: v2 as Json };
}

async function liveIds(): Promise<string[]> {
  const live = [...(await emulator.admin.listInstances()), ...(await emulator.admin.listNotebooks())];
  return live.filter((i) => i.status !== "DELETING").map((i) => i.id);
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02, answerStyle: "nulls" });
  foreign.v1 = await someoneElsesInstance(emulator, "someone-elses-v1");
  foreign.v2 = await someoneElsesNotebook(emulator, "someone-elses-v2");
  ws = await createWorkspace({ programDir: PROGRAM, stack: `nulls-${process.pid}`, bin, env: emulatorPollEnv() });
  await setEmulatorConfig(ws, emulator);
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e null answers", "e2e-nulls.json");
  ws?.dispose();
  await emulator?.close();
});

test(
  "the service writes nulls: someone else's instance lists with a repository of null strings",
  async () => {
    const listed = await callApi(emulator, {
      method: "GET",
      path: `/v1/${emulator.projectId}/demanager/instances`,
      query: { de_type: "Notebook" },
    });
    expect((listed.json as { instances: Json[] }).instances[0]).toMatchObject({
      id: foreign.v1,
      repository: { id: null, branch: null, user_name: null, user_email: null, type: null, connection_info: null },
    });
  },
  STEP_TIMEOUT,
);

test(
  'up creates both, RUNNING; their outputs hold no null and no "null"',
  async () => {
    const up = await steps.run("up (create)", ["up", "--yes"]);
    expect(up.stdout).toContain("+ 3 created");
    const { v1, v2 } = await ours("up");
    expect(v1.outputs).toMatchObject({ status: "RUNNING", description: "", profile: { id: expect.any(String) } });
    expect(v2.outputs).toMatchObject({
      status: "RUNNING",
      tags: { team: "ml" },
      failReason: "",
      image: { id: expect.any(String) },
    });
    expect(await liveIds()).toEqual(expect.arrayContaining([v1.id, v2.id, foreign.v1, foreign.v2]));
  },
  STEP_TIMEOUT,
);

test(
  "refresh reads both with no change, and a preview shows none",
  async () => {
    await steps.run("refresh", ["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
    await steps.run("preview", ["preview", "--expect-no-changes"]);
    await ours("refresh");
  },
  STEP_TIMEOUT,
);

test(
  "an update in place (the description) goes through",
  async () => {
    await ws.setConfig("description", "changed");
    const up = await steps.run("up (update)", ["up", "--yes", "--skip-preview"]);
    expect(up.stdout).toContain("~ 2 updated");
    const { v1, v2 } = await ours("update");
    expect([v1.outputs.description, v2.outputs.description]).toEqual(["changed", "changed"]);
  },
  STEP_TIMEOUT,
);

test(
  "destroy removes both; someone else's stay; no secret in any output",
  async () => {
    const destroy = await steps.run("destroy", ["destroy", "--yes", "--skip-preview"]);
    expect(destroy.stdout).toContain("- 3 deleted");
    expect((await liveIds()).sort()).toEqual([foreign.v1, foreign.v2].sort());
    expectNoSecretIn(seen.join("\n"), secretsOf(emulator));
  },
  STEP_TIMEOUT,
);
