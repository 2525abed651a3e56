/**
 * The native provider from a TypeScript program, through the real Pulumi CLI and the Node.js language host: the
 * classes generated from the package schema (`pulumi-modelarts/native`, sdks/nodejs compiled into dist/native),
 * the plugin found through Pulumi.yaml `plugins.providers[].path` (programs/native-typescript), against two
 * time-scaled emulators. The steps of the YAML test (nativeYaml.test.ts) and more: up; a preview after up shows no
 * change; a description change previews as an update of the notebook only, with a detailed diff naming
 * `description`, the mount untouched; a volume-category change is refused at preview (it would delete the EVS
 * volume) and, with `allowDataLossOnReplace`, previews as a replacement naming `volume.category`; drift made outside
 * shows after a refresh; `pulumi import` of a notebook, a storage mount (`<notebookId>/<storageId>`) and a v1
 * NotebookInstance made outside Pulumi, each previewing clean once declared as imported; destroy leaves nothing.
 * The default provider's credentials are stack config set with `--secret`; an explicit `new Provider(...)` reaches
 * a second emulator (another project, other keys) with secret arguments only; no secret is in the state beyond the
 * encrypted settings, nor in any CLI output. Needs `npm run build` (the plugin and the classes run from dist/).
 */
import { rmSync } from "node:fs";
import * as path from "node:path";
import { createDemanagerClient, createNotebooksClient, resolveSettings } from "../../provider/index.js";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { secretsOf } from "../../emulator/testkit.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, REPO_ROOT, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import {
  CliSteps,
  cliText as text,
  expectNoSecretIn,
  resourceNamed,
  resourceRow,
  type Json,
} from "../support/CliSteps.js";
import { programCopy } from "../support/programCopy.js";

const TEMPLATE = path.join(__dirname, "programs/native-typescript");
const NOTEBOOK = "modelarts:index:Notebook";
const MOUNT = "modelarts:index:NotebookStorageMount";
const INSTANCE = "modelarts:index:NotebookInstance";
const STEP_TIMEOUT = 10 * 60_000;
/** The emulator's image named notebook2.0-mul-kernel-cpu-cp36 (emulator/notebooks/imageCatalog.ts). */
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const STORAGE = "/v1/{project_id}/notebooks/{instance_id}/storage";
const OTHER_PROJECT = "5a6b7c8d9e0f11223344556677889900";
const OTHER_KEYS = { accessKey: "OTHERPROJECTACCESSKEY01", secretKey: "other-project-secret-key-0123456789abcdef" };

let emulator: Emulator;
/** The other project, reached only through the explicit provider's arguments. */
let other: Emulator;
let ws: PulumiWorkspace;
let programDir: string;

const outputsSeen: string[] = [];
const steps = new CliSteps(
  () => ws,
  (step, result) => {
    if (!step.includes("--show-secrets")) outputsSeen.push(result.stdout, result.stderr);
  },
);
const pulumi = (step: string, args: string[], expected?: "ok" | "fail") => steps.run(step, args, expected);

async function outputs(): Promise<Record<string, unknown>> {
  return JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout);
}

/** The settings of the default provider's emulator, for the API calls the test makes outside Pulumi. */
function settings() {
  const key = emulator.credentials.accessKeys[0]!;
  return resolveSettings({
    env: {
      HW_MODELARTS_ENDPOINT: emulator.url,
      HW_PROJECT_ID: emulator.projectId,
      HW_ACCESS_KEY: key.accessKey,
      HW_SECRET_KEY: key.secretKey,
    },
  });
}

/** The live notebooks of an emulator (not deleted). */
async function liveNotebooks(of: Emulator) {
  return (await of.admin.listNotebooks()).filter((n) => n.status !== "DELETED");
}

/** What the test imported, declared in the program as the imported inputs say (config `imported`). */
const imported: { type: string; name: string; args: Json }[] = [];

/** Imports `type name id` (no code: the Node.js host here generates none), then declares it as its inputs say. */
async function importAndDeclare(step: string, type: string, name: string, id: string): Promise<void> {
  const result = await pulumi(step, ["import", type, name, id, "--yes", "--protect=false", "--generate-code=false"]);
  expect(result.stdout).toContain("1 imported");
  expect(text(result)).not.toMatch(/failed to validate|warning/);
  const { resources } = await steps.exported(`${step} (state)`);
  const state = resourceNamed(resources, type, name);
  imported.push({ type: type.split(":")[2]!, name, args: state.inputs });
  await ws.setConfig("imported", JSON.stringify(imported));
}

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  other = await startEmulator({
    timeScale: 0.02,
    projectId: OTHER_PROJECT,
    credentials: { accessKeys: [OTHER_KEYS], users: [], tokens: [] },
  });
  programDir = programCopy(TEMPLATE, "../../../../bin");
  // Only the poll schedule comes from the environment: endpoints and credentials are stack config.
  const pollEnv = Object.fromEntries(Object.entries(emulatorEnv(emulator)).filter(([k]) => k.startsWith("MODELARTS_")));
  ws = await createWorkspace({ programDir, stack: `native-ts-${process.pid}`, bin, env: pollEnv });
  const key = emulator.credentials.accessKeys[0]!;
  await ws.setConfig("modelarts:endpoint", emulator.url);
  await ws.setConfig("modelarts:projectId", emulator.projectId);
  await ws.setConfig("modelarts:accessKey", key.accessKey, true);
  await ws.setConfig("modelarts:secretKey", key.secretKey, true);
  await ws.setConfig("otherEndpoint", other.url);
  await ws.setConfig("otherProjectId", OTHER_PROJECT);
  await ws.setConfig("otherAccessKey", OTHER_KEYS.accessKey, true);
  await ws.setConfig("otherSecretKey", OTHER_KEYS.secretKey, true);
  await ws.setConfig("description", "first");
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e native typescript", "e2e-native-typescript.json", {}, 34);
  ws?.dispose();
  if (programDir) rmSync(programDir, { recursive: true, force: true });
  await emulator?.close();
  await other?.close();
});

let notebookId: string;
let storageId: string;

test(
  "1. up: the notebook with the looked-up image and the mount on it; the explicit provider's secret arguments reach the other project",
  async () => {
    const up = await pulumi("1 up", ["up", "--yes"]);
    expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "+", "dev", "created"));
    expect(up.stdout).toMatch(resourceRow(MOUNT, "+", "data", "created"));
    expect(up.stdout).toMatch(resourceRow("pulumi:providers:modelarts", "+", "other", "created"));
    expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "+", "elsewhere", "created"));
    const out = await outputs();
    expect(out).toMatchObject({ imageId: IMAGE, status: "RUNNING", name: expect.stringMatching(/^dev-[a-z0-9]{7}$/) });
    notebookId = out.notebookId as string;
    storageId = out.storageId as string;
    const live = await emulator.admin.getNotebook(notebookId);
    expect(live).toMatchObject({ status: "RUNNING", description: "first", image: { id: IMAGE } });
    expect(live.data_volumes).toEqual([
      expect.objectContaining({ mount_path: "/data/e2e/", status: "MOUNTED", url: "obs://e2e-bucket/data/" }),
    ]);
    // Each project has its own notebook: the other one was reached with the Provider's endpoint and keys.
    expect((await liveNotebooks(emulator)).map((n) => n.id)).toEqual([notebookId]);
    expect((await liveNotebooks(other)).map((n) => n.id)).toEqual([out.elsewhereId]);
  },
  STEP_TIMEOUT,
);

test(
  "2. a preview after up shows no change",
  async () => {
    const preview = await pulumi("2 preview", ["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("5 unchanged");
  },
  STEP_TIMEOUT,
);

test(
  "3. a description change previews as an update of the notebook only, naming description; up changes nothing else",
  async () => {
    await ws.setConfig("description", "second");
    const diff = await pulumi("3 preview --diff", ["preview", "--diff"]);
    expect(diff.stdout).toMatch(/~ modelarts:index:Notebook: \(update\)/);
    expect(diff.stdout).toMatch(/~ description: "first" => "second"/);
    expect(diff.stdout).not.toMatch(/NotebookStorageMount: \(/);
    expect(diff.stdout).not.toMatch(/replace/);

    const json = JSON.parse((await pulumi("3 preview --json", ["preview", "--json"])).stdout) as {
      steps: Json[];
      changeSummary: Record<string, number>;
    };
    expect(json.changeSummary).toEqual({ same: 4, update: 1 });
    const changed = json.steps.filter((s) => s.op !== "same");
    expect(changed.map((s) => [s.op, s.urn.split("::").pop(), s.detailedDiff])).toEqual([
      ["update", "dev", { description: { kind: "update", inputDiff: false } }],
    ]);

    await emulator.admin.resetRequestCounts();
    const up = await pulumi("3 up", ["up", "--yes"]);
    expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "~", "dev", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
    expect(up.stdout).toContain("~ 1 updated");
    const requests = (await emulator.admin.requestCounts()).byRoute;
    expect({
      attach: requests[`POST ${STORAGE}`] ?? 0,
      detach: requests[`DELETE ${STORAGE}/{storage_id}`] ?? 0,
    }).toEqual({ attach: 0, detach: 0 });
    expect(await emulator.admin.getNotebook(notebookId)).toMatchObject({ description: "second" });
    expect(await outputs()).toMatchObject({ notebookId, storageId });
  },
  STEP_TIMEOUT,
);

test(
  "4. a volume-category change is refused at preview (it would delete the EVS volume); with allowDataLossOnReplace it previews as a replacement naming volume.category",
  async () => {
    await ws.setConfig("volumeCategory", "EFS");
    const refused = await pulumi("4 preview (refused)", ["preview"], "fail");
    expect(text(refused)).toContain('volume.category ("EVS" → "EFS")');
    expect(text(refused)).toContain("its EVS volume (10 GB)");
    expect(text(refused)).toContain("allowDataLossOnReplace");

    await ws.setConfig("allowDataLossOnReplace", "true");
    const json = JSON.parse((await pulumi("4 preview --json (opt-in)", ["preview", "--json"])).stdout) as {
      steps: Json[];
    };
    const dev = json.steps.find((s) => s.urn.endsWith("::dev") && s.op === "replace");
    expect(dev?.detailedDiff).toMatchObject({ "volume.category": { kind: "update-replace" } });
    // The engine's reasons are top-level properties; the detailed diff names the part.
    expect(dev?.replaceReasons).toEqual(["volume"]);

    await ws.ok(["config", "rm", "volumeCategory"]);
    await ws.ok(["config", "rm", "allowDataLossOnReplace"]);
    await pulumi("4 preview (back)", ["preview", "--expect-no-changes"]);
    expect(await emulator.admin.getNotebook(notebookId)).toMatchObject({ status: "RUNNING" });
  },
  STEP_TIMEOUT,
);

test(
  "5. a description changed outside Pulumi shows after a refresh, as a change back",
  async () => {
    const client = await createNotebooksClient(settings());
    await client.updateNotebook(notebookId, { description: "changed outside" });
    await pulumi("5 refresh", ["refresh", "--yes"]);
    const diff = await pulumi("5 preview --diff", ["preview", "--diff"]);
    expect(diff.stdout).toMatch(/~ description: "changed outside" => "second"/);
    expect(diff.stdout).toContain("~ 1 to update");
    await pulumi("5 up", ["up", "--yes"]);
    expect(await emulator.admin.getNotebook(notebookId)).toMatchObject({ description: "second" });
  },
  STEP_TIMEOUT,
);

test(
  "6. pulumi import of a notebook, its storage mount (<notebookId>/<storageId>) and a v1 NotebookInstance made outside Pulumi; each previews clean",
  async () => {
    const client = await createNotebooksClient(settings());
    const made = await client.createNotebook(
      {
        name: "made-by-hand",
        image_id: IMAGE,
        flavor: "modelarts.vm.cpu.2u",
        description: "by hand",
        feature: "NOTEBOOK",
        volume: { category: "EVS", ownership: "MANAGED", capacity: 15 },
        workspace_id: "0",
        lease: { duration: 259_200_000, type: "TIMING" },
      },
      async (err) => {
        throw err;
      },
    );
    await importAndDeclare("6 import notebook", NOTEBOOK, "byhand", made.id!);
    expect(imported[0]!.args).toMatchObject({
      name: "made-by-hand",
      description: "by hand",
      flavor: "modelarts.vm.cpu.2u",
      imageId: IMAGE,
      volume: { category: "EVS", capacityGb: 15 },
    });
    expect((await pulumi("6 preview (notebook)", ["preview", "--expect-no-changes"])).stdout).toContain("6 unchanged");

    // The mount's id alone cannot be read (no notebook to ask): the import says which id it needs.
    while ((await client.getNotebook(made.id!)).status !== "RUNNING") await new Promise((r) => setTimeout(r, 200));
    const mount = await client.attachStorage(made.id!, {
      category: "OBS",
      uri: "obs://e2e-bucket/by-hand/",
      mount_path: "/data/by-hand/",
    });
    const alone = await pulumi(
      "6 import mount (its id alone)",
      ["import", MOUNT, "byhandData", mount.id!, "--yes"],
      "fail",
    );
    expect(text(alone)).toContain("the id must be <notebookId>/<storageId>");
    await importAndDeclare("6 import mount", MOUNT, "byhandData", `${made.id}/${mount.id}`);
    expect(imported[1]!.args).toMatchObject({
      notebookId: made.id,
      uri: "obs://e2e-bucket/by-hand/",
      mountPath: "/data/by-hand/",
    });
    expect((await pulumi("6 preview (mount)", ["preview", "--expect-no-changes"])).stdout).toContain("7 unchanged");
    // The import records the category as the service reports it (OBSFS); the category the mount was made with, OBS,
    // names the same mount: declared so, it previews no change either (no replacement).
    expect(imported[1]!.args).toMatchObject({ category: "OBSFS" });
    imported[1]!.args = { ...(imported[1]!.args as Record<string, Json>), category: "OBS" };
    await ws.setConfig("imported", JSON.stringify(imported));
    expect((await pulumi("6 preview (mount as OBS)", ["preview", "--expect-no-changes"])).stdout).toContain(
      "7 unchanged",
    );

    const demanager = await createDemanagerClient(settings());
    const instance = await demanager.createInstance(
      {
        name: "v1-by-hand",
        profile_id: "Multi-Engine 1.0 (python3)-cpu",
        flavor: "modelarts.vm.cpu.2u",
        description: "a v1 instance by hand",
        spec: { storage: { type: "obs", location: { path: "/e2e-bucket/v1-by-hand/" } } },
      },
      async (err) => {
        throw err;
      },
    );
    await importAndDeclare("6 import instance", INSTANCE, "v1", instance.id!);
    expect(imported[2]!.args).toMatchObject({ name: "v1-by-hand", flavor: "modelarts.vm.cpu.2u" });
    expect((await pulumi("6 preview (instance)", ["preview", "--expect-no-changes"])).stdout).toContain("8 unchanged");
  },
  STEP_TIMEOUT,
);

test(
  "7. no secret in the state beyond the encrypted settings of both providers",
  async () => {
    const secrets = [...secretsOf(emulator), ...secretsOf(other)];
    const { raw, resources } = await steps.exported("7 stack export");
    expectNoSecretIn(raw, secrets);
    const defaultProvider = resources.find(
      (r) => r.type === "pulumi:providers:modelarts" && String(r.urn).includes("::default_"),
    );
    expect(defaultProvider?.inputs.secretKey).toHaveProperty("ciphertext");
    const explicit = resourceNamed(resources, "pulumi:providers:modelarts", "other");
    expect(explicit.inputs.accessKey).toHaveProperty("ciphertext");
    expect(explicit.inputs.secretKey).toHaveProperty("ciphertext");

    const shown = JSON.parse(
      (await pulumi("7 stack export --show-secrets", ["stack", "export", "--show-secrets"])).stdout,
    );
    const others = (shown.deployment.resources as Json[]).filter((r) => r.type !== "pulumi:providers:modelarts");
    expectNoSecretIn(JSON.stringify(others), secrets);
    // No internal key but an owner mark (what `up` created has one, unique to this deployment; a mount has none).
    for (const r of others.filter((r) => r.custom)) {
      const internal = Object.keys(r.outputs).filter((k) => k.startsWith("__"));
      expect({ urn: r.urn, other: internal.filter((k) => k !== "__ownerKey" && k !== "__ownerNonce") }).toEqual({
        urn: r.urn,
        other: [],
      });
    }
    expect(resourceNamed(others, NOTEBOOK, "dev").outputs).toMatchObject({
      __ownerKey: expect.stringMatching(/\/dev$/),
      __ownerNonce: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  },
  STEP_TIMEOUT,
);

test(
  "8. destroy leaves nothing in either project; no CLI output carried a secret",
  async () => {
    const destroy = await pulumi("8 destroy", ["destroy", "--yes"]);
    expect(destroy.stdout).toContain("- 8 deleted");
    expect(await liveNotebooks(emulator)).toEqual([]);
    expect(await liveNotebooks(other)).toEqual([]);
    expect((await emulator.admin.listInstances()).filter((i) => i.status !== "DELETED")).toEqual([]);
    expectNoSecretIn(outputsSeen.join("\n"), [...secretsOf(emulator), ...secretsOf(other)]);
  },
  STEP_TIMEOUT,
);

test(
  "9. a stack without settings fails preview with the settings check's message, before any API call",
  async () => {
    const bare = await createWorkspace({
      programDir,
      stack: `native-ts-bare-${process.pid}`,
      bin: await getPulumiBin(),
    });
    try {
      await bare.setConfig("description", "x");
      await bare.setConfig("otherEndpoint", other.url);
      await bare.setConfig("otherProjectId", OTHER_PROJECT);
      await bare.setConfig("otherAccessKey", OTHER_KEYS.accessKey, true);
      await bare.setConfig("otherSecretKey", OTHER_KEYS.secretKey, true);
      await emulator.admin.resetRequestCounts();
      const preview = await bare.run(["preview"]);
      expect(preview.code).not.toBe(0);
      expect(text(preview)).toContain(
        // The generated classes ask for the plugin at their version: the default provider is named after it.
        "pulumi:providers:modelarts resource 'default_0_1_0' has a problem: ModelArts credentials are not set: run `pulumi config set --secret modelarts:accessKey",
      );
      expect((await emulator.admin.requestCounts()).total).toBe(0);
    } finally {
      bare.dispose();
    }
  },
  STEP_TIMEOUT,
);

test(
  "examples/native-typescript: up with both lookups, then destroy",
  async () => {
    const dir = programCopy(path.join(REPO_ROOT, "examples/native-typescript"), "node_modules/pulumi-modelarts/bin");
    // The emulator's settings as environment variables, as examples/README.md runs an example here.
    const example = await createWorkspace({
      programDir: dir,
      stack: `example-${process.pid}`,
      bin: await getPulumiBin(),
      env: emulatorEnv(emulator),
    });
    try {
      const up = await example.ok(["up", "--yes"]);
      expect(up.stdout).toContain("+ 3 created");
      const out = JSON.parse((await example.ok(["stack", "output", "--json"])).stdout) as Record<string, string>;
      expect(out).toMatchObject({ status: "RUNNING", url: expect.stringMatching(/^https:\/\//) });
      expect((await example.ok(["destroy", "--yes"])).stdout).toContain("- 3 deleted");
    } finally {
      example.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  STEP_TIMEOUT,
);
