/**
 * The native provider (`pulumi-resource-modelarts`, bin/) through the real Pulumi CLI and Pulumi's YAML language
 * host, against a time-scaled emulator: a YAML program (programs/native-yaml) whose notebook's image comes from the
 * `getNotebookImages` invoke, with a storage mount on the notebook. Up; a preview after up shows no change; a
 * description change previews as an update of the notebook only, with a detailed diff naming `description`, and the
 * mount untouched (its `notebookId` stays known in the preview); a volume-category change is refused at preview (it
 * would delete the EVS volume) and, with `allowDataLossOnReplace`, previews as a replacement naming
 * `volume.category`; a description changed outside shows after a refresh; `pulumi import` of a notebook made outside
 * Pulumi, whose generated code then previews with no change; destroy leaves nothing. The credentials are stack config set
 * with `--secret` (nothing in the environment), so they reach the provider through Configure, and no secret is in
 * the exported state beyond the config's own values in the default provider.
 * Needs `npm run build` (the plugin runs dist/) and the YAML language host (scripts/get-pulumi.sh builds it).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { createNotebooksClient, resolveSettings } from "../../provider/index.js";
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

const TEMPLATE = path.join(__dirname, "programs/native-yaml");
const NOTEBOOK = "modelarts:index:Notebook";
const MOUNT = "modelarts:index:NotebookStorageMount";
const STEP_TIMEOUT = 10 * 60_000;
/** The emulator's image named notebook2.0-mul-kernel-cpu-cp36 (emulator/notebooks/imageCatalog.ts). */
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const STORAGE = "/v1/{project_id}/notebooks/{instance_id}/storage";

let bin: string;
let emulator: Emulator;
let ws: PulumiWorkspace;
let programDir: string;

/** Every CLI output of the test but the one that asks for the secrets, searched for secrets at the end. */
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

/** The emulator's settings, for the API calls the test makes outside Pulumi. */
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

beforeAll(async () => {
  bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  // A copy of the program, so the import step can add the generated code.
  programDir = programCopy(TEMPLATE, "../../../../bin");
  // Only the poll schedule comes from the environment: endpoint and credentials are stack config.
  const pollEnv = Object.fromEntries(Object.entries(emulatorEnv(emulator)).filter(([k]) => k.startsWith("MODELARTS_")));
  ws = await createWorkspace({ programDir, stack: `native-${process.pid}`, bin, env: pollEnv });
  const key = emulator.credentials.accessKeys[0]!;
  await ws.setConfig("modelarts:endpoint", emulator.url);
  await ws.setConfig("modelarts:projectId", emulator.projectId);
  await ws.setConfig("modelarts:accessKey", key.accessKey, true);
  await ws.setConfig("modelarts:secretKey", key.secretKey, true);
  await ws.setConfig("description", "first");
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e native yaml", "e2e-native-yaml.json", {}, 30);
  ws?.dispose();
  if (programDir) rmSync(programDir, { recursive: true, force: true });
  await emulator?.close();
});

let notebookId: string;
let storageId: string;

test(
  "1. up creates the notebook with the looked-up image and the mount on it; the secret key reached the provider",
  async () => {
    const up = await pulumi("1 up", ["up", "--yes"]);
    expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "+", "dev", "created"));
    expect(up.stdout).toMatch(resourceRow(MOUNT, "+", "data", "created"));
    const out = await outputs();
    expect(out).toMatchObject({ imageId: IMAGE, status: "RUNNING", name: expect.stringMatching(/^dev-[a-z0-9]{7}$/) });
    notebookId = out.notebookId as string;
    storageId = out.storageId as string;
    const live = await emulator.admin.getNotebook(notebookId);
    expect(live).toMatchObject({ status: "RUNNING", description: "first", image: { id: IMAGE } });
    expect(live.data_volumes).toEqual([
      expect.objectContaining({ mount_path: "/data/e2e/", status: "MOUNTED", url: "obs://e2e-bucket/data/" }),
    ]);
    expect(storageId).toMatch(/^[0-9a-f-]{36}$/);
  },
  STEP_TIMEOUT,
);

test(
  "2. a preview after up shows no change",
  async () => {
    const preview = await pulumi("2 preview", ["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("3 unchanged");
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
    expect(json.changeSummary).toEqual({ same: 2, update: 1 });
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
    }).toEqual({
      attach: 0,
      detach: 0,
    });
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
    expect(text(refused)).toContain("its EVS volume (5 GB)");
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
  "6. pulumi import of a notebook made outside Pulumi generates code that previews with no change",
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
        lease: { duration: 7_200_000, type: "TIMING" },
      },
      async (err) => {
        throw err;
      },
    );
    const generated = path.join(ws.workDir, "imported.yaml");
    const imported = await pulumi("6 import", ["import", NOTEBOOK, "byhand", made.id!, "--yes", "--out", generated]);
    expect(imported.stdout).toContain("1 imported");
    expect(text(imported)).not.toMatch(/failed to validate|warning/);
    const code = readFileSync(generated, "utf8");
    expect(code).toContain("type: modelarts:Notebook");
    for (const line of [
      "name: made-by-hand",
      "description: by hand",
      "flavor: modelarts.vm.cpu.2u",
      `imageId: ${IMAGE}`,
      "capacityGb: 15",
      "category: EVS",
      "durationSeconds: 7200",
    ]) {
      expect(code).toContain(line);
    }
    // The generated resource goes into the program, as a user would paste it.
    const manifest = path.join(programDir, "Pulumi.yaml");
    const resources = code.slice(code.indexOf("resources:\n") + "resources:\n".length);
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("resources:\n", `resources:\n${resources}`));
    const preview = await pulumi("6 preview (imported)", ["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("4 unchanged");
  },
  STEP_TIMEOUT,
);

test(
  "7. no secret in the state beyond the config's own values in the default provider",
  async () => {
    const secrets = secretsOf(emulator);
    const { raw, resources } = await steps.exported("7 stack export");
    expectNoSecretIn(raw, secrets);
    const provider = resources.find((r) => r.type === "pulumi:providers:modelarts");
    expect(provider?.inputs.secretKey).toHaveProperty("ciphertext");
    expect(provider?.inputs.accessKey).toHaveProperty("ciphertext");

    const shown = JSON.parse(
      (await pulumi("7 stack export --show-secrets", ["stack", "export", "--show-secrets"])).stdout,
    );
    const others = (shown.deployment.resources as Json[]).filter((r) => r.type !== "pulumi:providers:modelarts");
    expectNoSecretIn(JSON.stringify(others), secrets);
    const notebook = resourceNamed(others, NOTEBOOK, "dev");
    // No internal key but the owner mark, unique to this deployment, which state keeps for the notebook's life.
    expect(Object.keys(notebook.outputs).filter((k) => k.startsWith("__"))).toEqual(["__ownerKey", "__ownerNonce"]);
    expect(notebook.outputs.__ownerNonce).toMatch(/^[0-9a-f]{16}$/);
  },
  STEP_TIMEOUT,
);

test(
  "8. destroy leaves nothing; no CLI output carried a secret",
  async () => {
    await pulumi("8 unprotect", ["state", "unprotect", "--all", "--yes"]);
    const destroy = await pulumi("8 destroy", ["destroy", "--yes"]);
    expect(destroy.stdout).toContain("- 4 deleted");
    const left = (await emulator.admin.listNotebooks()).filter((n) => n.status !== "DELETED");
    expect(left).toEqual([]);
    expectNoSecretIn(outputsSeen.join("\n"), secretsOf(emulator));
  },
  STEP_TIMEOUT,
);

test(
  "examples/native-yaml: up with both lookups, then destroy",
  async () => {
    const dir = programCopy(path.join(REPO_ROOT, "examples/native-yaml"), "node_modules/pulumi-modelarts/bin");
    // The emulator's settings as environment variables, as examples/README.md runs an example here.
    const example = await createWorkspace({
      programDir: dir,
      stack: `example-${process.pid}`,
      bin,
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
