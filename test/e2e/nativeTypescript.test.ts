/**
 * The native provider from a TypeScript program, through the real Pulumi CLI and the Node.js language host: the
 * classes generated from the package schema (`pulumi-modelarts/native`, sdks/nodejs compiled into dist/native),
 * the plugin found through Pulumi.yaml `plugins.providers[].path` (programs/native-typescript), against two
 * time-scaled emulators. The steps of the YAML test (nativeYaml.test.ts) and more: up; a preview after up shows no
 * change; a description change previews as an update of the notebook only, with a detailed diff naming
 * `description`, the mount untouched; a volume-category change is refused at preview (it would delete the EVS
 * volume) and, with `allowDataLossOnReplace`, previews as a replacement naming `volume.category`; drift made outside
 * shows after a refresh; the notebook's `customTimeouts.read` (a resource option YAML cannot give) bounds its
 * refresh, as the engine records and sends it; `pulumi import` of a notebook, a storage mount
 * (`<notebookId>/<storageId>`) and a v1 NotebookInstance made outside Pulumi, each previewing clean once declared as
 * imported; destroy leaves nothing.
 * The default provider's credentials are stack config set with `--secret`; an explicit `new Provider(...)` reaches
 * a second emulator (another project, other keys) with secret arguments only; no secret is in the state beyond the
 * encrypted settings, nor in any CLI output. Needs `npm run build` (the plugin and the classes run from dist/).
 */
import * as path from "node:path";
import { createDemanagerClient, resolveSettings } from "../../provider/index.js";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { secretsOf } from "../../emulator/testkit.js";
import { emulatorCredentialsEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin } from "../../devkit/pulumiCli.js";
import { cliText as text, expectNoSecretIn, resourceNamed, resourceRow, type Json } from "../support/CliSteps.js";
import { nativeExampleUpAndDestroy } from "../support/nativeExampleRun.js";
import {
  clientOutsidePulumi,
  IMAGE,
  notebookMadeByHand,
  sharedNativeSteps,
  upMadeTheNotebookAndItsMount,
  useNativeStack,
} from "../support/nativeProgramSteps.js";

const TEMPLATE = path.join(__dirname, "programs/native-typescript");
const NOTEBOOK = "modelarts:index:Notebook";
const MOUNT = "modelarts:index:NotebookStorageMount";
const INSTANCE = "modelarts:index:NotebookInstance";
const STEP_TIMEOUT = 10 * 60_000;
const OTHER_PROJECT = "5a6b7c8d9e0f11223344556677889900";
const OTHER_KEYS = { accessKey: "OTHERPROJECTACCESSKEY01", secretKey: "other-project-secret-key-0123456789abcdef" };

/** The other project, reached only through the explicit provider's arguments. */
let other: Emulator;
const native = useNativeStack(TEMPLATE, `native-ts-${process.pid}`, {
  title: "e2e native typescript",
  file: "e2e-native-typescript.json",
  stepWidth: 34,
});
const { steps, outputsSeen } = native;
const pulumi = (step: string, args: string[], expected?: "ok" | "fail") => steps.run(step, args, expected);

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
  await native.ws.setConfig("imported", JSON.stringify(imported));
}

beforeAll(async () => {
  other = await startEmulator({
    timeScale: 0.02,
    projectId: OTHER_PROJECT,
    credentials: { accessKeys: [OTHER_KEYS], users: [], tokens: [] },
  });
  // The other project is reached only through the explicit Provider: its settings are program config.
  await native.ws.setConfig("otherEndpoint", other.url);
  await native.ws.setConfig("otherProjectId", OTHER_PROJECT);
  await native.ws.setConfig("otherAccessKey", OTHER_KEYS.accessKey, true);
  await native.ws.setConfig("otherSecretKey", OTHER_KEYS.secretKey, true);
}, 15 * 60_000);

afterAll(async () => {
  await other?.close();
});

test(
  "1. up: the notebook with the looked-up image and the mount on it; the explicit provider's secret arguments reach the other project",
  async () => {
    const up = await pulumi("1 up", ["up", "--yes"]);
    expect(up.stdout).toMatch(resourceRow("pulumi:providers:modelarts", "+", "other", "created"));
    expect(up.stdout).toMatch(resourceRow(NOTEBOOK, "+", "elsewhere", "created"));
    const out = await upMadeTheNotebookAndItsMount(native, up);
    // Each project has its own notebook: the other one was reached with the Provider's endpoint and keys.
    expect((await liveNotebooks(native.emulator)).map((n) => n.id)).toEqual([native.notebookId]);
    expect((await liveNotebooks(other)).map((n) => n.id)).toEqual([out.elsewhereId]);
  },
  STEP_TIMEOUT,
);

sharedNativeSteps(native, { resources: 5, capacityGb: 10 });

test(
  "5b. customTimeouts.read: 2s, recorded by up, bounds the notebook's refresh while the service throttles its GET for 10s",
  async () => {
    await native.ws.setConfig("readTimeout", "2s");
    const up = await pulumi("5b up (readTimeout)", ["up", "--yes"]);
    expect(up.stdout).toContain("5 unchanged");
    const { resources } = await steps.exported("5b stack export");
    const dev = resourceNamed(resources, NOTEBOOK, "dev");
    // The engine keeps the option beside the state, in seconds, and sends it with the refresh's Read.
    expect(dev.customTimeouts).toEqual({ read: 2 });

    const get = "GET /v1/{project_id}/notebooks/{id}";
    await native.emulator.admin.resetRequestCounts();
    await native.emulator.admin.injectFault({ route: get, kind: "status", status: 429, retryAfterSeconds: 10 });
    const refresh = await pulumi("5b refresh (throttled)", ["refresh", "--yes", "--target", dev.urn], "fail");
    expect(text(refresh)).toMatch(
      new RegExp(
        `read notebook "dev-[a-z0-9]{7}" \\(${native.notebookId}\\): ` +
          "timed out after 2s \\(customTimeouts\\.read, the limit for the whole read\\)",
      ),
    );
    expect(text(refresh)).toContain("Raise the resource option customTimeouts.read to allow longer");
    expect(await native.emulator.admin.requestCount(get, 429)).toBe(1);
    // The limit is for this step: the next up records none, so no later read of a loaded machine meets it.
    await native.ws.ok(["config", "rm", "readTimeout"]);
  },
  STEP_TIMEOUT,
);

test(
  "6. pulumi import of a notebook, its storage mount (<notebookId>/<storageId>) and a v1 NotebookInstance made outside Pulumi; each previews clean",
  async () => {
    const client = await clientOutsidePulumi(native.emulator);
    const byHand = await notebookMadeByHand(client, 259_200_000);
    await importAndDeclare("6 import notebook", NOTEBOOK, "byhand", byHand);
    expect(imported[0]!.args).toMatchObject({
      name: "made-by-hand",
      description: "by hand",
      flavor: "modelarts.vm.cpu.2u",
      imageId: IMAGE,
      volume: { category: "EVS", capacityGb: 15 },
    });
    expect((await pulumi("6 preview (notebook)", ["preview", "--expect-no-changes"])).stdout).toContain("6 unchanged");

    // The mount's id alone cannot be read (no notebook to ask): the import says which id it needs.
    while ((await client.getNotebook(byHand)).status !== "RUNNING") await new Promise((r) => setTimeout(r, 200));
    const mount = await client.attachStorage(byHand, {
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
    await importAndDeclare("6 import mount", MOUNT, "byhandData", `${byHand}/${mount.id}`);
    expect(imported[1]!.args).toMatchObject({
      notebookId: byHand,
      uri: "obs://e2e-bucket/by-hand/",
      mountPath: "/data/by-hand/",
    });
    expect((await pulumi("6 preview (mount)", ["preview", "--expect-no-changes"])).stdout).toContain("7 unchanged");
    // The import records the category as the service reports it (OBSFS); the category the mount was made with, OBS,
    // names the same mount: declared so, it previews no change either (no replacement).
    expect(imported[1]!.args).toMatchObject({ category: "OBSFS" });
    imported[1]!.args = { ...(imported[1]!.args as Record<string, Json>), category: "OBS" };
    await native.ws.setConfig("imported", JSON.stringify(imported));
    expect((await pulumi("6 preview (mount as OBS)", ["preview", "--expect-no-changes"])).stdout).toContain(
      "7 unchanged",
    );

    const demanager = await createDemanagerClient(resolveSettings({ env: emulatorCredentialsEnv(native.emulator) }));
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
    const secrets = [...secretsOf(native.emulator), ...secretsOf(other)];
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
    expect(await liveNotebooks(native.emulator)).toEqual([]);
    expect(await liveNotebooks(other)).toEqual([]);
    expect((await native.emulator.admin.listInstances()).filter((i) => i.status !== "DELETED")).toEqual([]);
    expectNoSecretIn(outputsSeen.join("\n"), [...secretsOf(native.emulator), ...secretsOf(other)]);
  },
  STEP_TIMEOUT,
);

test(
  "9. a stack without settings fails preview with the settings check's message, before any API call",
  async () => {
    const bare = await createWorkspace({
      programDir: native.programDir,
      stack: `native-ts-bare-${process.pid}`,
      bin: await getPulumiBin(),
    });
    try {
      await bare.setConfig("description", "x");
      await bare.setConfig("otherEndpoint", other.url);
      await bare.setConfig("otherProjectId", OTHER_PROJECT);
      await bare.setConfig("otherAccessKey", OTHER_KEYS.accessKey, true);
      await bare.setConfig("otherSecretKey", OTHER_KEYS.secretKey, true);
      await native.emulator.admin.resetRequestCounts();
      const preview = await bare.run(["preview"]);
      expect(preview.code).not.toBe(0);
      expect(text(preview)).toContain(
        // The generated classes ask for the plugin at their version: the default provider is named after it.
        "pulumi:providers:modelarts resource 'default_0_1_0' has a problem: ModelArts credentials are not set: run `pulumi config set --secret modelarts:accessKey",
      );
      expect((await native.emulator.admin.requestCounts()).total).toBe(0);
    } finally {
      bare.dispose();
    }
  },
  STEP_TIMEOUT,
);

test(
  "examples/native-typescript: up with both lookups, then destroy",
  async () => nativeExampleUpAndDestroy("native-typescript", native.emulator),
  STEP_TIMEOUT,
);
