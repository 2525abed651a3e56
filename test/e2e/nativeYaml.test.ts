/**
 * The native provider (`pulumi-resource-modelarts`, bin/) through the real Pulumi CLI and Pulumi's YAML language
 * host, against a time-scaled emulator: a YAML program (programs/native-yaml) whose notebook's image comes from the
 * `getNotebookImages` invoke, with a storage mount on the notebook. Up; a preview after up shows no change; a
 * description change previews as an update of the notebook only, with a detailed diff naming `description`, and the
 * mount untouched (its `notebookId` stays known in the preview); a volume-category change is refused at preview (it
 * would delete the EVS volume) and, with `allowDataLossOnReplace`, previews as a replacement naming
 * `volume.category`; a description changed outside shows after a refresh; `pulumi import` of a notebook made outside
 * Pulumi, whose generated code then previews with no change; `pulumi import` of the stack's own notebook (it
 * carries the stack's owner mark) under another name is refused, naming the owner, while a `get` of it reads it;
 * destroy leaves nothing. The credentials are stack config set with `--secret` (nothing in the environment), so they
 * reach the provider through Configure, and no secret is in the exported state beyond the config's own values in the
 * default provider.
 * Needs `npm run build` (the plugin runs dist/) and the YAML language host (scripts/get-pulumi.sh builds it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { secretsOf } from "../../emulator/testkit.js";
import { cliText as text, expectNoSecretIn, resourceNamed, type Json } from "../support/CliSteps.js";
import { OWNER_TAG_KEY, tagOwner } from "../../provider/notebook/ownerTag.js";
import { nativeExampleUpAndDestroy } from "../support/nativeExampleRun.js";
import {
  clientOutsidePulumi,
  IMAGE,
  notebookMadeByHand,
  sharedNativeSteps,
  upMadeTheNotebookAndItsMount,
  useNativeStack,
} from "../support/nativeProgramSteps.js";

const TEMPLATE = path.join(__dirname, "programs/native-yaml");
const NOTEBOOK = "modelarts:index:Notebook";
const STEP_TIMEOUT = 10 * 60_000;

const native = useNativeStack(TEMPLATE, `native-${process.pid}`, {
  title: "e2e native yaml",
  file: "e2e-native-yaml.json",
  stepWidth: 30,
});
const { steps, outputsSeen } = native;
const pulumi = (step: string, args: string[], expected?: "ok" | "fail") => steps.run(step, args, expected);

test(
  "1. up creates the notebook with the looked-up image and the mount on it; the secret key reached the provider",
  async () => {
    const up = await pulumi("1 up", ["up", "--yes"]);
    await upMadeTheNotebookAndItsMount(native, up);
    expect(native.storageId).toMatch(/^[0-9a-f-]{36}$/);
  },
  STEP_TIMEOUT,
);

sharedNativeSteps(native, { resources: 3, capacityGb: 5 });

test(
  "6. pulumi import of a notebook made outside Pulumi generates code that previews with no change",
  async () => {
    const client = await clientOutsidePulumi(native.emulator);
    const byHand = await notebookMadeByHand(client, 7_200_000);
    const generated = path.join(native.ws.workDir, "imported.yaml");
    const imported = await pulumi("6 import", ["import", NOTEBOOK, "byhand", byHand, "--yes", "--out", generated]);
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
    const manifest = path.join(native.programDir, "Pulumi.yaml");
    const resources = code.slice(code.indexOf("resources:\n") + "resources:\n".length);
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("resources:\n", `resources:\n${resources}`));
    const preview = await pulumi("6 preview (imported)", ["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("4 unchanged");
  },
  STEP_TIMEOUT,
);

test(
  "6b. pulumi import of the stack's own notebook under another name is refused, naming its owner; nothing is recorded",
  async () => {
    const live = await native.emulator.admin.getNotebook(native.notebookId);
    const tags = live.tags as { key: string; value: string }[];
    const owner = tagOwner(tags.find((t) => t.key === OWNER_TAG_KEY)!.value);
    expect(owner).toMatch(/\/dev$/);
    const refused = await pulumi(
      "6b import (owned)",
      ["import", NOTEBOOK, "again", native.notebookId, "--yes"],
      "fail",
    );
    expect(text(refused)).toContain(
      `import notebook "${live.name}" (${native.notebookId}): it carries the owner mark of ${owner}`,
    );
    expect(text(refused)).toContain(`adoptId: "${native.notebookId}" and adoptOwnedBy: ${JSON.stringify(owner)}`);
    expect((await native.emulator.admin.getNotebook(native.notebookId)).tags).toEqual(tags);
    const { resources } = await steps.exported("6b stack export");
    expect(resources.filter((r) => r.type === NOTEBOOK).map((r) => String(r.urn).split("::").pop())).not.toContain(
      "again",
    );
  },
  STEP_TIMEOUT,
);

test(
  "6c. a get of the stack's own notebook (it carries the owner mark) reads it: only an import is refused",
  async () => {
    // A `get` reaches the plugin as a Read with no stored properties, as an import does; the engine sends it the
    // program's state as inputs (none here), where an import sends no inputs at all (importOwned.ts).
    const manifest = path.join(native.programDir, "Pulumi.yaml");
    const program = readFileSync(manifest, "utf8");
    const reference = `  devRef:\n    type: ${NOTEBOOK}\n    get:\n      id: \${dev.id}\n`;
    writeFileSync(
      manifest,
      program
        .replace("resources:\n", `resources:\n${reference}`)
        .replace("outputs:\n", "outputs:\n  refName: ${devRef.name}\n"),
    );
    try {
      const preview = await pulumi("6c preview (get)", ["preview"]);
      expect(text(preview)).not.toContain("owner mark");
      expect(preview.stdout).toContain(`read ${NOTEBOOK} devRef`);
      const live = await native.emulator.admin.getNotebook(native.notebookId);
      expect(preview.stdout).toMatch(new RegExp(`refName\\s*: "${live.name}"`));
    } finally {
      writeFileSync(manifest, program);
    }
  },
  STEP_TIMEOUT,
);

test(
  "7. no secret in the state beyond the config's own values in the default provider",
  async () => {
    const secrets = secretsOf(native.emulator);
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
    const left = (await native.emulator.admin.listNotebooks()).filter((n) => n.status !== "DELETED");
    expect(left).toEqual([]);
    expectNoSecretIn(outputsSeen.join("\n"), secretsOf(native.emulator));
  },
  STEP_TIMEOUT,
);

test(
  "examples/native-yaml: up with both lookups, then destroy",
  async () => nativeExampleUpAndDestroy("native-yaml", native.emulator),
  STEP_TIMEOUT,
);
