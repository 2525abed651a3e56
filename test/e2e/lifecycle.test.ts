/**
 * The whole life of a notebook instance through the real Pulumi CLI (engine, language host, dynamic-provider
 * host) against one time-scaled emulator: up, no-op preview, update in place, replace, drift, out-of-band
 * delete, a create that fails after the POST, destroy. The program (programs/lifecycle) takes every input from
 * stack config; each step changes config, runs the CLI, and checks what a user would see: the CLI's text, the
 * exported state and the emulator's instances. Needs `npm run build` (scripts/test.sh does it).
 *
 * Durations of every CLI step and the state sizes go to test/.work/e2e-lifecycle.json (and the console).
 */
import * as path from "node:path";
import {
  FAKE_OBS_CREDENTIAL,
  FAKE_REPOSITORY_ACCESS_TOKEN,
  startEmulator,
  type AdminInstance,
  type Emulator,
} from "../../emulator/index.js";
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

const PROGRAM = path.join(__dirname, "programs/lifecycle");
const TYPE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";

const STEP_TIMEOUT = 10 * 60_000;
const NAME = "e2e-main";

let emulator: Emulator;
let ws: PulumiWorkspace;

const steps = new CliSteps(() => ws);
/** `providerBytes`: one `__provider` (stored twice per resource, in its inputs and its outputs). */
const sizes: Record<
  string,
  { providerBytes: number; providerCopies: number; resourceBytes: number; stateBytes: number }
> = {};

const pulumi = (step: string, args: string[], expected?: "ok" | "fail") => steps.run(step, args, expected);
const row = (op: string, resource: string, rest: string) => resourceRow(TYPE, op, resource, rest);

async function instances(): Promise<AdminInstance[]> {
  return emulator.admin.listInstances();
}

async function outputs(): Promise<Record<string, unknown>> {
  return JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout);
}

const exported = (step: string) => steps.exported(step);
const findResource = (resources: Json[], name: string) => findOfType(resources, TYPE, name);
const resource = (resources: Json[], name: string) => resourceNamed(resources, TYPE, name);

/** No credential, token or API-returned secret in plaintext anywhere in the state. */
const expectNoSecrets = (raw: string) => expectNoSecretIn(raw, secretsOf(emulator));

function recordSize(label: string, raw: string, res: Record<string, unknown>): void {
  const outputsProvider = (res.outputs as Record<string, unknown>).__provider as string;
  expect((res.inputs as Record<string, unknown>).__provider).toBe(outputsProvider);
  sizes[label] = {
    providerBytes: Buffer.byteLength(outputsProvider),
    providerCopies: JSON.stringify(res).split(JSON.stringify(outputsProvider)).length - 1,
    resourceBytes: Buffer.byteLength(JSON.stringify(res)),
    stateBytes: Buffer.byteLength(raw),
  };
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  // Only the poll schedule comes from the environment; endpoint and credentials are stack config, as a user
  // would set them (README, "Configuration"), so the state check covers the config Pulumi copies into it.
  const pollEnv = Object.fromEntries(Object.entries(emulatorEnv(emulator)).filter(([k]) => k.startsWith("MODELARTS_")));
  ws = await createWorkspace({ programDir: PROGRAM, stack: `lifecycle-${process.pid}`, bin, env: pollEnv });
  const key = emulator.credentials.accessKeys[0]!;
  await ws.setConfig("modelarts:endpoint", emulator.url);
  await ws.setConfig("modelarts:projectId", emulator.projectId);
  await ws.setConfig("modelarts:accessKey", key.accessKey, true);
  await ws.setConfig("modelarts:secretKey", key.secretKey, true);
  await ws.setConfig("name", NAME);
  await ws.setConfig("flavor", "modelarts.vm.cpu.2u");
  await ws.setConfig("description", "created by e2e");
  await ws.setConfig("autoStopSeconds", "3600");
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e lifecycle", "e2e-lifecycle.json", { sizes });
  ws?.dispose();
  await emulator?.close();
});

let firstId: string;
let currentId: string;

test(
  "1. pulumi up creates the instance: RUNNING, with a URL",
  async () => {
    const up = await pulumi("1 up (create)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("+", "main", "created"));
    expect(up.stdout).toContain("+ 2 created");
    // The provider's progress lines reach the user.
    expect(up.stdout).toMatch(/create notebook instance "e2e-main" \(DE-[^)]+\): RUNNING/);

    const out = await outputs();
    expect(out).toMatchObject({ name: NAME, status: "RUNNING", flavor: "modelarts.vm.cpu.2u" });
    expect(out.url).toEqual(expect.stringMatching(/^https:\/\/.+/));
    firstId = currentId = out.id as string;

    const live = await instances();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: firstId, name: NAME, status: "RUNNING", description: "created by e2e" });
    expect(live[0]!.spec).toMatchObject({ auto_stop: { enable: true, duration: 3600 } });

    const { raw, resources } = await exported("1 stack export");
    expectNoSecrets(raw);
    const main = resource(resources, "main");
    expect(main).toMatchObject({ id: firstId, outputs: { status: "RUNNING", instanceId: firstId } });
    expect(main.initErrors).toBeUndefined();
    // Credentials set with --secret are in the state only as ciphertext (Pulumi copies the stack config into
    // the default provider's inputs).
    const providerRes = resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
    expect(providerRes?.inputs["modelarts:secretKey"]).toHaveProperty("ciphertext");
    recordSize("main (RUNNING, after create)", raw, main);
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
  "3. description and autoStop change in place: preview shows an update, up applies it",
  async () => {
    await ws.setConfig("description", "updated by e2e");
    await ws.setConfig("autoStopSeconds", "7200");
    const preview = await pulumi("3 preview (update)", ["preview"]);
    expect(preview.stdout).toMatch(row("~", "main", "update \\[diff: ~autoStop,description\\]"));
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).not.toMatch(/replace/);

    const diff = await pulumi("3 preview --diff", ["preview", "--diff"]);
    expect(diff.stdout).toMatch(/~ durationSeconds: 3600 => 7200/);
    expect(diff.stdout).toMatch(/~ description: "created by e2e" => "updated by e2e"/);

    const up = await pulumi("3 up (update)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~autoStop,description\\]"));
    expect(up.stdout).toContain("~ 1 updated");

    const live = await instances();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: firstId, status: "RUNNING", description: "updated by e2e" });
    expect(live[0]!.spec).toMatchObject({ auto_stop: { enable: true, duration: 7200 } });
  },
  STEP_TIMEOUT,
);

test(
  "4. a flavor change replaces the instance, deleting the old one first (explicit name)",
  async () => {
    await ws.setConfig("flavor", "modelarts.vm.cpu.8u");
    const preview = await pulumi("4 preview (replace)", ["preview"]);
    expect(preview.stdout).toMatch(row("--", "main", "delete original"));
    expect(preview.stdout).toMatch(row("+-", "main", "replace \\[diff: ~flavor\\]"));
    expect(preview.stdout).toMatch(row("++", "main", "create replacement \\[diff: ~flavor\\]"));
    expect(preview.stdout).toContain("+-1 to replace");

    const up = await pulumi("4 up (replace)", ["up", "--yes"]);
    const deleted = up.stdout.search(row("--", "main", "deleted original"));
    const created = up.stdout.search(row("++", "main", "created replacement"));
    expect(deleted).toBeGreaterThan(-1);
    expect(created).toBeGreaterThan(deleted); // delete-before-replace
    expect(up.stdout).toContain("+-1 replaced");

    const out = await outputs();
    expect(out).toMatchObject({ status: "RUNNING", flavor: "modelarts.vm.cpu.8u" });
    expect(out.id).not.toBe(firstId);
    currentId = out.id as string;
    const live = await instances();
    expect(live.map((i) => i.id)).toEqual([currentId]);
    expect(live[0]).toMatchObject({ name: NAME, flavor: "modelarts.vm.cpu.8u", description: "updated by e2e" });
  },
  STEP_TIMEOUT,
);

test(
  "5. an out-of-band change shows in refresh, and up puts the declared values back",
  async () => {
    // A console edit; the instance also gains a repository, whose access token the API then returns.
    await emulator.admin.updateInstance(currentId, { description: "edited in the console", repository: true });
    // The API does return these secrets (so the state check below means something).
    const apiView = JSON.stringify(await emulator.admin.getInstance(currentId));
    expect(apiView).toContain(FAKE_REPOSITORY_ACCESS_TOKEN);
    expect(apiView).toContain(FAKE_OBS_CREDENTIAL.secret_key);
    const refresh = await pulumi("5 refresh (drift)", ["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(row("~", "main", "update \\[diff: ~description\\]"));
    expect(refresh.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
    expect(refresh.stdout).toContain("~ 1 updated");
    const afterRefresh = await exported("5 stack export");
    expectNoSecrets(afterRefresh.raw);
    expect(resource(afterRefresh.resources, "main").inputs.description).toBe("edited in the console");

    const preview = await pulumi("5 preview --diff (back)", ["preview", "--diff"]);
    expect(preview.stdout).toMatch(/~ description: "edited in the console" => "updated by e2e"/);
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).not.toMatch(/replace/);

    const up = await pulumi("5 up (correct drift)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
    const live = await instances();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: currentId, description: "updated by e2e" });

    await pulumi("5 preview (no changes)", ["preview", "--expect-no-changes"]);
  },
  STEP_TIMEOUT,
);

test(
  "6. an out-of-band delete: refresh drops it from state, up creates it again",
  async () => {
    await emulator.admin.deleteInstance(currentId);
    const refresh = await pulumi("6 refresh (deleted)", ["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(row("-", "main", "deleted"));
    expect(refresh.stdout).toContain("- 1 deleted");
    const { resources } = await exported("6 stack export");
    expect(findResource(resources, "main")).toBeUndefined();

    const up = await pulumi("6 up (recreate)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("+", "main", "created"));
    expect(up.stdout).toContain("+ 1 created");
    const out = await outputs();
    expect(out.id).not.toBe(currentId);
    currentId = out.id as string;
    const live = await instances();
    expect(live.map((i) => i.id)).toEqual([currentId]);
    expect(live[0]).toMatchObject({ status: "RUNNING", flavor: "modelarts.vm.cpu.8u", description: "updated by e2e" });
  },
  STEP_TIMEOUT,
);

test(
  "7. a create that fails after the POST is recorded in state with the reason; the next up replaces it",
  async () => {
    await emulator.admin.failNextCreates({ code: "ModelArts.6200", message: "No resources available." });
    await ws.setConfig("second", "true");
    const up = await pulumi("7 up (create fails)", ["up", "--yes"], "fail");
    expect(up.stdout).toMatch(row("+", "second", "\\*\\*creating failed\\*\\*"));
    expect(text(up)).toMatch(
      /create notebook instance "second-[a-z0-9]+" \(DE-[^)]+\): the instance is CREATE_FAILED; ModelArts\.6200: No resources available\./,
    );

    const { raw, resources } = await exported("7 stack export");
    expectNoSecrets(raw);
    const second = resource(resources, "second");
    expect(second.id).toMatch(/^DE-/);
    expect(second.outputs).toMatchObject({ status: "CREATE_FAILED", instanceId: second.id });
    expect(second.initErrors).toEqual([expect.stringContaining("ModelArts.6200: No resources available.")]);
    recordSize("second (CREATE_FAILED, with init errors)", raw, second);
    recordSize("main (RUNNING, after drift and recreate)", raw, resource(resources, "main"));
    expect((await instances()).find((i) => i.id === second.id)).toMatchObject({ status: "CREATE_FAILED" });

    // The next `pulumi up` replaces the failed instance (deleted first, then created anew), like a Terraform taint.
    const again = await pulumi("7 up (replaces the failed instance)", ["up", "--yes"]);
    expect(again.stdout).toMatch(row("+-", "second", "replaced"));
    const replaced = resource((await exported("7 stack export after replace")).resources, "second");
    expect(replaced.id).not.toBe(second.id);
    expect(replaced.initErrors ?? []).toEqual([]);
    expect(replaced.outputs).toMatchObject({ status: "RUNNING" });
    const live = await instances();
    expect(live.map((i) => i.id).sort()).toEqual([currentId, replaced.id].sort());

    const destroy = await pulumi("7 destroy --target second", ["destroy", "--yes", "--target", replaced.urn]);
    expect(destroy.stdout).toMatch(row("-", "second", "deleted"));
    expect(destroy.stdout).toContain("- 1 deleted");
    expect((await instances()).map((i) => i.id)).toEqual([currentId]);
    await ws.setConfig("second", "false");
  },
  STEP_TIMEOUT,
);

test(
  "8. pulumi destroy leaves the emulator with no instance",
  async () => {
    const destroy = await pulumi("8 destroy", ["destroy", "--yes"]);
    expect(destroy.stdout).toMatch(row("-", "main", "deleted"));
    expect(destroy.stdout).toContain("- 2 deleted");
    expect(await instances()).toEqual([]);
    const { raw, resources } = await exported("8 stack export");
    expect(resources).toEqual([]);
    expectNoSecrets(raw);
  },
  STEP_TIMEOUT,
);
