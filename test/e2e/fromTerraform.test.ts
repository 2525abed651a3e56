/**
 * The move of a notebook Terraform manages under Pulumi (examples/from-terraform), through the real Pulumi CLI
 * against a time-scaled emulator, both ways the README gives. Terraform cannot run here: the "Terraform notebook"
 * (and its storage mount) is made by the example's make-terraform-notebook.js, which sends the huaweicloud
 * provider's requests for main.tf. For each way: one notebook before, the same notebook after (same id, RUNNING at
 * every sample taken while the CLI ran, same flavor, image, volume and mount), and the emulator's request log shows
 * every write the CLI made to the API.
 *
 * - The dynamic `Notebook` with `adoptId` (the example's index.ts, run in place): a notebook changed in the console
 *   since Terraform's last apply fails the preview, naming each difference, with nothing written; the move writes
 *   only the marks (the notebook's owner tag, then the mount's tag that makes it `managed` in the notebook's
 *   `mounts`); without the move's config the program previews with no change, and refreshes with none once the
 *   program's earlier read of the notebook shows the mount marked; `pulumi state delete` lets go of both (nothing
 *   written, a later destroy leaves them); a second move is refused at preview, naming this stack as the owner, and
 *   `adoptOwnedBy` takes it back; `retainOnDelete` and `pulumi destroy` let go of both again, with nothing written.
 * - The native provider's `pulumi import` of the notebook and the mount by Terraform's ids (the example's yaml/
 *   program, a copy): nothing written at all; the code it prints is the example's; a difference shows in
 *   `pulumi preview --diff` as an update naming the input; `protect` makes `pulumi destroy` fail; `retainOnDelete`
 *   and `pulumi destroy` leave the notebook and its mount.
 *
 * Needs `npm run build` (the example, the stand-in and the plugin load dist/). Durations of every CLI step go to
 * test/.work/e2e-from-terraform.json (and the console).
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { callApi, startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorCredentialsEnv, emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, REPO_ROOT, type PulumiWorkspace } from "../../devkit/pulumiCli.js";
import { isMountMarkKey, mountMarkTag } from "../../provider/api/mountMark.js";
import { CliSteps, cliText as text, findResource, resourceRow } from "../support/CliSteps.js";
import { programCopy } from "../support/programCopy.js";
import { notebooksRequest } from "../support/requestLog.js";

const EXAMPLE = path.join(REPO_ROOT, "examples/from-terraform");
const STAND_IN = path.join(EXAMPLE, "make-terraform-notebook.js");
const DYNAMIC_NOTEBOOK = "pulumi-nodejs:dynamic/modelarts:Notebook";
const DYNAMIC_MOUNT = "pulumi-nodejs:dynamic/modelarts:NotebookStorageMount";
const NATIVE_NOTEBOOK = "modelarts:index:Notebook";
const NATIVE_MOUNT = "modelarts:index:NotebookStorageMount";
const OWNER_TAG = "pulumi-modelarts.owner";
const STEP_TIMEOUT = 10 * 60_000;

let bin: string;
let emulator: Emulator;
/** The emulator's request log: `METHOD /path STATUS 12ms`, admin calls included. */
const requests: string[] = [];
let current: PulumiWorkspace;
const steps = new CliSteps(() => current);

beforeAll(async () => {
  bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02, log: (line) => requests.push(line) });
}, 15 * 60_000);

afterAll(async () => {
  steps.report("e2e from terraform", "e2e-from-terraform.json", {}, 36);
  await emulator?.close();
});

/**
 * What `terraform apply` of main.tf leaves: the ids Terraform keeps (the stand-in prints them as Terraform would):
 * the notebook's, the mount's own and Terraform's id of the mount (`<notebook id>/<mount id>`).
 */
async function terraformApply(): Promise<{ notebookId: string; mountId: string; terraformMountId: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, [STAND_IN], {
    env: { ...process.env, ...emulatorCredentialsEnv(emulator), POLL_MS: "20" },
  });
  const notebookId = /notebook\.analysis: id = (\S+)/.exec(stdout)?.[1];
  const [, terraformMountId, mountId] = /mount_storage\.datasets: id = (\S+), mount_id = (\S+)/.exec(stdout) ?? [];
  if (!notebookId || !mountId || !terraformMountId) throw new Error(`the stand-in printed no ids:\n${stdout}`);
  return { notebookId, mountId, terraformMountId };
}

/**
 * `pulumi <args>`, with the notebook's status sampled while it runs and every request that wrote to the API (any
 * method but GET, as `METHOD what STATUS`): to this notebook, its tags or its mounts, or a create of another.
 */
async function watched(
  step: string,
  args: string[],
  notebookId: string,
  expected: "ok" | "fail" = "ok",
): Promise<{ output: string; statuses: string[]; writes: string[] }> {
  const from = requests.length;
  const statuses: string[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      const status = String((await emulator.admin.getNotebook(notebookId)).status);
      if (statuses[statuses.length - 1] !== status) statuses.push(status);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    const result = await steps.run(step, args, expected);
    return { output: text(result), statuses, writes: writesSince(from) };
  } finally {
    running = false;
    await sampler;
  }
}

function writesSince(from: number): string[] {
  return requests
    .slice(from)
    .filter((line) => line.startsWith("/v1/", line.indexOf(" ") + 1) && !line.startsWith("GET "))
    .map((line) => notebooksRequest(line) ?? line);
}

/** The ids of the notebooks the emulator has (not deleted). */
async function liveNotebookIds(): Promise<string[]> {
  return (await emulator.admin.listNotebooks()).filter((n) => n.status !== "DELETED").map((n) => n.id);
}

/** The notebook as the emulator has it, in the terms the test compares. */
async function asIs(notebookId: string, mountId: string) {
  const notebook = await emulator.admin.getNotebook(notebookId);
  const mount = await callApi(emulator, {
    method: "GET",
    path: `/v1/${emulator.projectId}/notebooks/${notebookId}/storage/${mountId}`,
  });
  const tags = (notebook.tags ?? []) as { key: string; value: string }[];
  return {
    name: notebook.name,
    description: notebook.description,
    status: notebook.status,
    flavor: notebook.flavor,
    image: (notebook.image as { id?: string }).id,
    volume: notebook.volume,
    lease: { enable: (notebook.lease as { enable?: boolean }).enable },
    userTags: tags.filter((t) => t.key !== OWNER_TAG && !isMountMarkKey(t.key)),
    ownerTags: tags.filter((t) => t.key === OWNER_TAG),
    mountMarks: tags.filter((t) => isMountMarkKey(t.key)),
    mount: { status: (mount.json as { status?: string }).status, uri: (mount.json as { uri?: string }).uri },
  };
}

/** `asIs` but for the marks (owner tag, mount's tag): what the move must leave exactly as Terraform did. */
async function asTerraformLeftIt(notebookId: string, mountId: string) {
  return { ...(await asIs(notebookId, mountId)), ownerTags: [], mountMarks: [] };
}

describe("the dynamic Notebook with adoptId (examples/from-terraform/index.ts)", () => {
  const stack = `from-tf-${process.pid}`;
  const owner = `from-terraform/${stack}/analysis`;
  const notebookUrn = `urn:pulumi:${stack}::from-terraform::${DYNAMIC_NOTEBOOK}::analysis`;
  let ws: PulumiWorkspace;
  let ids: Awaited<ReturnType<typeof terraformApply>>;
  let before: Awaited<ReturnType<typeof asIs>>;

  beforeAll(async () => {
    await emulator.admin.reset();
    ids = await terraformApply();
    before = await asIs(ids.notebookId, ids.mountId);
    ws = await createWorkspace({ programDir: EXAMPLE, stack, bin, env: emulatorEnv(emulator) });
    current = ws;
    await ws.setConfig("notebookId", ids.notebookId);
    await ws.setConfig("mountId", ids.mountId);
  }, STEP_TIMEOUT);

  afterAll(() => ws?.dispose());

  test("1. Terraform's notebook: the only one, RUNNING, no auto-stop, no tags; its mount MOUNTED", async () => {
    expect(await liveNotebookIds()).toEqual([ids.notebookId]);
    expect(before).toEqual({
      name: "analysis_tf",
      description: "analysis notebook",
      status: "RUNNING",
      flavor: "modelarts.vm.cpu.8u",
      image: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
      volume: expect.objectContaining({ category: "EVS", ownership: "MANAGED", capacity: 20 }),
      lease: { enable: false },
      userTags: [],
      ownerTags: [],
      mountMarks: [],
      mount: { status: "MOUNTED", uri: "obs://analytics-datasets/raw/" },
    });
  });

  test(
    "2. changed in the console since Terraform's apply (flavor and description, then a tag): the preview fails naming each difference; nothing written",
    async () => {
      await emulator.admin.updateNotebook(ids.notebookId, { flavor: "modelarts.vm.cpu.2u", description: "by hand" });
      const { output, writes } = await watched("2 preview (drifted)", ["preview"], ids.notebookId, "fail");
      expect(output).toContain(
        `notebook ${ids.notebookId} differs from the declaration in description (declared "analysis notebook", ` +
          'the notebook has "by hand"); flavor (declared "modelarts.vm.cpu.8u", the notebook has ' +
          '"modelarts.vm.cpu.2u"). Adopting it would change that, so nothing was written',
      );
      await emulator.admin.updateNotebook(ids.notebookId, {
        flavor: "modelarts.vm.cpu.8u",
        description: "analysis notebook",
        tags: [{ key: "cost-center", value: "42" }],
      });
      // A tag the declaration leaves out (the adoption would delete it).
      const tagged = await watched("2 preview (tagged)", ["preview"], ids.notebookId, "fail");
      expect(tagged.output).toContain(
        `notebook ${ids.notebookId} differs from the declaration in tags (declared {}, the notebook has ` +
          '{"cost-center":"42"}). Adopting it would change that, so nothing was written',
      );
      expect([...writes, ...tagged.writes]).toEqual([]);
      await emulator.admin.updateNotebook(ids.notebookId, { tags: [] });
      expect(await asIs(ids.notebookId, ids.mountId)).toEqual(before);
    },
    STEP_TIMEOUT,
  );

  test(
    "3. as Terraform left it: the preview shows the adoption as creates, and writes nothing",
    async () => {
      const { output, writes } = await watched("3 preview", ["preview"], ids.notebookId);
      expect(output).toMatch(resourceRow(DYNAMIC_NOTEBOOK, "+", "analysis", "create"));
      expect(output).toMatch(resourceRow(DYNAMIC_MOUNT, "+", "datasets", "create"));
      expect(writes).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  test(
    "4. up takes over the same notebook and mount, RUNNING throughout; the writes are the notebook's owner tag and the mount's mark",
    async () => {
      const { output, statuses, writes } = await watched("4 up (the move)", ["up", "--yes"], ids.notebookId);
      expect(output).toContain("+ 3 created"); // the stack, the notebook, the mount (the read is not counted)
      expect(statuses).toEqual(["RUNNING"]);
      expect(writes).toEqual(["POST tags 204", "POST tags 204"]);
      const out = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as Record<string, string>;
      expect(out).toMatchObject({
        notebookId: ids.notebookId,
        storageId: ids.mountId,
        name: "analysis_tf",
        status: "RUNNING",
      });
      expect(await liveNotebookIds()).toEqual([ids.notebookId]);
      expect(await asTerraformLeftIt(ids.notebookId, ids.mountId)).toEqual(before);
      expect((await asIs(ids.notebookId, ids.mountId)).ownerTags).toEqual([
        { key: OWNER_TAG, value: expect.stringMatching(new RegExp(`^[0-9a-f]{32} ${owner}$`)) },
      ]);
      expect((await asIs(ids.notebookId, ids.mountId)).mountMarks).toEqual([
        mountMarkTag("/data/datasets/", "obs://analytics-datasets/raw/"),
      ]);
    },
    STEP_TIMEOUT,
  );

  test(
    "5. without the move's config the program previews with no change; a refresh changes only its earlier read of the notebook (the mount now marked), then nothing; nothing written",
    async () => {
      await ws.ok(["config", "rm", "notebookId"]);
      await ws.ok(["config", "rm", "mountId"]);
      const preview = await watched("5 preview", ["preview", "--expect-no-changes"], ids.notebookId);
      // The program's read of the notebook (sameAsNotebook.ts's Notebook.get) was taken before the move marked the
      // mount: its `mounts` show the mark after a refresh reads them again, the one change; then there is none.
      const asIsMounts = async (step: string) =>
        findResource((await steps.exported(step)).resources, DYNAMIC_NOTEBOOK, "analysis-as-is")?.outputs.mounts;
      const datasets = { category: "OBSFS", uri: "obs://analytics-datasets/raw/", mountPath: "/data/datasets/" };
      expect(await asIsMounts("5 stack export")).toEqual([expect.objectContaining({ ...datasets, managed: false })]);
      const refresh = await watched("5 refresh", ["refresh", "--yes"], ids.notebookId);
      expect(refresh.output).toContain("~ 1 updated");
      expect(refresh.output).toMatch(resourceRow(DYNAMIC_NOTEBOOK, "~", "analysis-as-is", "updated"));
      expect(await asIsMounts("5 stack export after")).toEqual([
        expect.objectContaining({ ...datasets, managed: true }),
      ]);
      const again = await watched("5 refresh again", ["refresh", "--yes", "--expect-no-changes"], ids.notebookId);
      expect([...preview.writes, ...refresh.writes, ...again.writes]).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  test(
    "6. pulumi state delete lets go of both: nothing written, and a destroy after it leaves them as they were",
    async () => {
      const deleted = await watched(
        "6 state delete",
        ["state", "delete", notebookUrn, "--target-dependents", "--yes"],
        ids.notebookId,
      );
      const { resources } = await steps.exported("6 stack export");
      expect(findResource(resources, DYNAMIC_NOTEBOOK, "analysis")).toBeUndefined();
      expect(findResource(resources, DYNAMIC_MOUNT, "datasets")).toBeUndefined();
      const destroy = await watched("6 destroy", ["destroy", "--yes"], ids.notebookId);
      expect([...deleted.writes, ...destroy.writes]).toEqual([]);
      expect(await liveNotebookIds()).toEqual([ids.notebookId]);
      expect(await asTerraformLeftIt(ids.notebookId, ids.mountId)).toEqual(before);
    },
    STEP_TIMEOUT,
  );

  test(
    "7. the move again: refused at preview, its owner tag naming this stack; adoptOwnedBy takes it back",
    async () => {
      await ws.setConfig("notebookId", ids.notebookId);
      await ws.setConfig("mountId", ids.mountId);
      const refused = await watched("7 preview (owned)", ["preview"], ids.notebookId, "fail");
      expect(refused.output).toContain(`notebook "analysis_tf" carries the owner mark of ${owner}`);
      expect(refused.output).toContain(`set adoptOwnedBy: "${owner}"`);
      expect(refused.writes).toEqual([]);

      await ws.setConfig("adoptOwnedBy", owner);
      const taken = await watched("7 up (adoptOwnedBy)", ["up", "--yes"], ids.notebookId);
      expect(taken.statuses).toEqual(["RUNNING"]);
      expect(taken.writes).toEqual(["POST tags 204", "POST tags 204"]);
      expect(await asTerraformLeftIt(ids.notebookId, ids.mountId)).toEqual(before);
    },
    STEP_TIMEOUT,
  );

  test(
    "8. retainOnDelete, then pulumi destroy: the stack lets go of both; nothing written, the notebook as it was",
    async () => {
      for (const key of ["notebookId", "mountId", "adoptOwnedBy"]) await ws.ok(["config", "rm", key]);
      await ws.setConfig("retain", "true");
      const up = await watched("8 up (retain)", ["up", "--yes"], ids.notebookId);
      const destroy = await watched("8 destroy", ["destroy", "--yes"], ids.notebookId);
      expect(destroy.output).toMatch(
        resourceRow(DYNAMIC_NOTEBOOK, "-", "analysis", "deleted \\([\\d.]+s\\)\\[retain\\]"),
      );
      expect(destroy.output).toMatch(resourceRow(DYNAMIC_MOUNT, "-", "datasets", "deleted \\([\\d.]+s\\)\\[retain\\]"));
      expect([...up.writes, ...destroy.writes]).toEqual([]);
      expect([...up.statuses, ...destroy.statuses]).toEqual(["RUNNING", "RUNNING"]);
      const { resources } = await steps.exported("8 stack export");
      expect(resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
      expect(await liveNotebookIds()).toEqual([ids.notebookId]);
      expect(await asTerraformLeftIt(ids.notebookId, ids.mountId)).toEqual(before);
    },
    STEP_TIMEOUT,
  );
});

describe("the native provider's pulumi import (examples/from-terraform/yaml, a copy)", () => {
  let ws: PulumiWorkspace;
  let programDir: string;
  let ids: Awaited<ReturnType<typeof terraformApply>>;
  let before: Awaited<ReturnType<typeof asIs>>;
  const manifest = () => path.join(programDir, "Pulumi.yaml");

  beforeAll(async () => {
    await emulator.admin.reset();
    ids = await terraformApply();
    before = await asIs(ids.notebookId, ids.mountId);
    programDir = programCopy(path.join(EXAMPLE, "yaml"), "node_modules/pulumi-modelarts/bin");
    ws = await createWorkspace({ programDir, stack: `from-tf-yaml-${process.pid}`, bin, env: emulatorEnv(emulator) });
    current = ws;
  }, STEP_TIMEOUT);

  afterAll(() => {
    ws?.dispose();
    if (programDir) rmSync(programDir, { recursive: true, force: true });
  });

  /** `pulumi import <type> <name> <id>`: what it wrote and the code it printed. */
  async function imported(step: string, type: string, name: string, id: string) {
    const generated = path.join(ws.workDir, `${name}.yaml`);
    const result = await watched(step, ["import", type, name, id, "--yes", "--out", generated], ids.notebookId);
    expect(result.output).toContain("1 imported");
    expect(result.output).not.toMatch(/failed to validate|warning/);
    return { ...result, code: readFileSync(generated, "utf8") };
  }

  test(
    "1. pulumi import of the notebook by Terraform's id reads it and writes nothing; the code it prints is the example's",
    async () => {
      current = ws;
      expect(await liveNotebookIds()).toEqual([ids.notebookId]);
      const notebook = await imported("yaml 1 import notebook", NATIVE_NOTEBOOK, "analysis", ids.notebookId);
      expect(notebook.statuses).toEqual(["RUNNING"]);
      expect(notebook.writes).toEqual([]);
      expect(resourceBlock(notebook.code, "analysis")).toEqual(
        resourceBlock(readFileSync(manifest(), "utf8"), "analysis"),
      );
    },
    STEP_TIMEOUT,
  );

  test(
    "2. pulumi import of the mount by Terraform's id (<notebook id>/<mount id>) writes nothing; the code is the example's",
    async () => {
      const mount = await imported("yaml 2 import mount", NATIVE_MOUNT, "datasets", ids.terraformMountId);
      expect(mount.statuses).toEqual(["RUNNING"]);
      expect(mount.writes).toEqual([]);
      // The example names the notebook by reference where the import prints its id.
      expect(resourceBlock(mount.code, "datasets")).toEqual(
        resourceBlock(readFileSync(manifest(), "utf8"), "datasets").map((line) =>
          line.replace("${analysis.notebookId}", ids.notebookId),
        ),
      );
    },
    STEP_TIMEOUT,
  );

  test(
    "3. a difference shows in pulumi preview --diff as an update naming the input, before anything is written",
    async () => {
      const program = readFileSync(manifest(), "utf8");
      writeFileSync(manifest(), program.replace("description: analysis notebook", "description: the analysis"));
      try {
        const { output, writes } = await watched(
          "yaml 3 preview (a difference)",
          ["preview", "--diff"],
          ids.notebookId,
        );
        expect(output).toMatch(/~ modelarts:index:Notebook: \(update\)/);
        expect(output).toContain('~ description: "analysis notebook" => "the analysis"');
        expect(writes).toEqual([]);
      } finally {
        writeFileSync(manifest(), program);
      }
    },
    STEP_TIMEOUT,
  );

  test(
    "4. as imported, the program previews and ups with no change; nothing written, the notebook and mount as they were",
    async () => {
      const preview = await watched("yaml 4 preview", ["preview", "--expect-no-changes"], ids.notebookId);
      const up = await watched("yaml 4 up", ["up", "--yes", "--expect-no-changes"], ids.notebookId);
      expect([...preview.writes, ...up.writes]).toEqual([]);
      expect([...preview.statuses, ...up.statuses]).toEqual(["RUNNING", "RUNNING"]);
      const out = JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout) as Record<string, string>;
      expect(out).toEqual({ notebookId: ids.notebookId, storageId: ids.mountId, status: "RUNNING" });
      expect(await liveNotebookIds()).toEqual([ids.notebookId]);
      expect(await asIs(ids.notebookId, ids.mountId)).toEqual(before);
    },
    STEP_TIMEOUT,
  );

  test(
    "5. protect (as the import sets it): pulumi destroy fails, and nothing is written",
    async () => {
      const destroy = await watched("yaml 5 destroy (protected)", ["destroy", "--yes"], ids.notebookId, "fail");
      expect(destroy.output).toContain("protect");
      expect(destroy.writes).toEqual([]);
      expect(await asIs(ids.notebookId, ids.mountId)).toEqual(before);
    },
    STEP_TIMEOUT,
  );

  test(
    "6. retainOnDelete, then pulumi destroy: the stack lets go; the notebook and its mount stay, nothing written",
    async () => {
      const program = readFileSync(manifest(), "utf8");
      expect(program.split("      protect: true").length).toBe(3); // the notebook's and the mount's
      writeFileSync(manifest(), program.replaceAll("      protect: true", "      retainOnDelete: true"));
      const up = await watched("yaml 6 up (retainOnDelete)", ["up", "--yes"], ids.notebookId);
      const destroy = await watched("yaml 6 destroy", ["destroy", "--yes"], ids.notebookId);
      expect(destroy.output).toMatch(
        resourceRow(NATIVE_NOTEBOOK, "-", "analysis", "deleted \\([\\d.]+s\\)\\[retain\\]"),
      );
      expect(destroy.output).toMatch(resourceRow(NATIVE_MOUNT, "-", "datasets", "deleted \\([\\d.]+s\\)\\[retain\\]"));
      expect([...up.writes, ...destroy.writes]).toEqual([]);
      expect(await liveNotebookIds()).toEqual([ids.notebookId]);
      expect(await asIs(ids.notebookId, ids.mountId)).toEqual(before);
    },
    STEP_TIMEOUT,
  );
});

/**
 * A resource's lines in a Pulumi YAML program, from its name to the next resource; comments and blank lines left
 * out, quotes as Prettier writes them (the CLI quotes with ').
 */
function resourceBlock(yaml: string, name: string): string[] {
  const lines = yaml
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^\s*#/.test(line))
    .map((line) => line.replace(/'/g, '"'));
  const start = lines.indexOf(`  ${name}:`);
  if (start < 0) throw new Error(`no resource ${name} in:\n${yaml}`);
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line));
  return lines.slice(start, end < 0 ? undefined : end);
}
