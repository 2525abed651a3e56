/**
 * The examples users copy, and the quickstart, through the real Pulumi CLI against the emulator: `pulumi up` then
 * `pulumi destroy` on a temporary stack of each (no Pulumi.<stack>.yaml is left behind). Needs `npm run build`.
 * Durations go to test/.work/e2e-examples.json (and the console).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { startEmulator, type AdminInstance, type AdminNotebook, type Emulator } from "../../emulator/index.js";
import { NOTEBOOK_IMAGES } from "../../emulator/notebooks/imageCatalog.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, REPO_ROOT, type PulumiWorkspace } from "../../devkit/pulumiCli.js";

const TIMEOUT = 10 * 60_000;
const timings: { example: string; command: string; durationMs: number }[] = [];
const PYTORCH_IMAGE = NOTEBOOK_IMAGES.find((i) => i.name === "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04")!.id;

let bin: string;
let emulator: Emulator;

beforeAll(async () => {
  bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
}, 15 * 60_000);

beforeEach(() => emulator.admin.reset());

afterAll(async () => {
  mkdirSync(path.join(REPO_ROOT, "test/.work"), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, "test/.work/e2e-examples.json"), JSON.stringify({ timings }, null, 2));
  console.log(
    "e2e examples: CLI steps\n" +
      timings.map((t) => `  ${t.example.padEnd(24)} ${String(t.durationMs).padStart(6)} ms  ${t.command}`).join("\n"),
  );
  await emulator?.close();
});

/**
 * A temporary stack of a program (`examples/<name>`, the quickstart at the root, or a test program), pointed at the
 * emulator by environment.
 */
async function withProgram(
  programDir: string,
  body: (ws: PulumiWorkspace) => Promise<void>,
  stack = `e2e-examples-${process.pid}`,
): Promise<void> {
  const ws = await createWorkspace({ programDir, stack, bin, env: emulatorEnv(emulator) });
  try {
    await body(ws);
  } finally {
    // After a failed step, still remove what the stack holds (a no-op when the test destroyed it).
    const left = await ws.exportStack().catch(() => undefined);
    if (left?.deployment.resources?.length) await ws.run(["destroy", "--yes"]);
    ws.dispose();
  }
}

const example = (name: string) => path.join(REPO_ROOT, "examples", name);

async function step(ws: PulumiWorkspace, label: string, args: string[]): Promise<string> {
  const result = await ws.ok(args);
  timings.push({ example: label, command: `pulumi ${args.join(" ")}`, durationMs: result.durationMs });
  return result.stdout;
}

function urlOf(instance: AdminInstance): unknown {
  return (instance.spec as { annotations?: { url?: string } } | undefined)?.annotations?.url;
}

async function outputs(ws: PulumiWorkspace): Promise<Record<string, unknown>> {
  return JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout);
}

/** The emulator's notebooks (v2), by name. */
async function notebooksByName(): Promise<Record<string, AdminNotebook>> {
  return Object.fromEntries((await emulator.admin.listNotebooks()).map((n) => [n.name, n]));
}

test(
  "examples/team: one RUNNING Notebook per member with the team's defaults and each member's own settings",
  async () => {
    await withProgram(example("team"), async (ws) => {
      const up = await step(ws, "team", ["up", "--yes"]);
      expect(up).toContain("+ 5 created"); // stack, component, 3 notebooks

      const { urls, names } = (await outputs(ws)) as Record<string, Record<string, string>>;
      expect(Object.keys(urls!).sort()).toEqual(["alice", "bob", "carol"]);
      const live = await notebooksByName();
      expect(Object.keys(live).sort()).toEqual(Object.values(names!).sort());
      for (const [member, name] of Object.entries(names!)) {
        expect(name).toMatch(new RegExp(`^ml-team-${member}-[a-z0-9]{7}$`));
        const notebook = live[name]!;
        expect(notebook).toMatchObject({ status: "RUNNING", url: urls![member], image: { id: PYTORCH_IMAGE } });
        expect(notebook.tags).toEqual(expect.arrayContaining([{ key: "team", value: "ml-team" }]));
      }
      // The team's defaults, and what a member declared for itself.
      const member = (m: string) => live[names![m]!]!;
      expect(member("alice")).toMatchObject({ flavor: "modelarts.vm.cpu.2u", volume: { capacity: 20 } });
      expect(member("alice").lease).toMatchObject({ enable: true, duration: 3_600_000 });
      expect(member("bob")).toMatchObject({ flavor: "modelarts.vm.cpu.2u", volume: { capacity: 50 } });
      expect(member("carol")).toMatchObject({ flavor: "modelarts.vm.cpu.8u", volume: { capacity: 20 } });
      expect(member("carol").lease).toMatchObject({ enable: true, duration: 14_400_000 });

      const destroy = await step(ws, "team", ["destroy", "--yes"]);
      expect(destroy).toContain("- 5 deleted");
      expect(await emulator.admin.listNotebooks()).toEqual([]);
    });
  },
  TIMEOUT,
);

test(
  "TeamNotebooks of NotebookInstances (examples/team/README.md): two stacks of one program side by side",
  async () => {
    const program = path.join(REPO_ROOT, "test/e2e/programs/team-v1");
    const names: Record<string, Record<string, string>> = {};
    let failed = false;
    // Two stacks at once: with the fixed names of 0.1 the second create of each name failed ("already exists").
    await Promise.all(
      ["a", "b"].map((s) =>
        withProgram(
          program,
          async (ws) => {
            const up = await step(ws, `team-v1 (stack ${s})`, ["up", "--yes"]);
            expect(up).toContain("+ 4 created"); // stack, component, 2 instances
            const out = (await outputs(ws)) as Record<string, Record<string, string>>;
            names[s] = out.names!;
            // Wait for the other stack, so that both teams exist at once before either is destroyed.
            await until(() => Object.keys(names).length === 2 || failed);
            const live = await emulator.admin.listInstances();
            for (const [member, name] of Object.entries(out.names!)) {
              const instance = live.find((i) => i.name === name)!;
              expect(urlOf(instance)).toBe(out.urls![member]);
              expect(instance.spec).toMatchObject({
                storage: { location: { path: `/ml-team-bucket/notebooks/${member}/` } },
                auto_stop: { enable: true, duration: 3600 },
              });
            }
            expect(live.find((i) => i.name === out.names!.alice)).toMatchObject({
              status: "RUNNING",
              flavor: "modelarts.vm.cpu.2u",
            });
            expect(live.find((i) => i.name === out.names!.bob)).toMatchObject({
              status: "STOPPED",
              flavor: "modelarts.vm.cpu.8u",
            });
            await step(ws, `team-v1 (stack ${s})`, ["destroy", "--yes"]);
          },
          `e2e-team-v1-${s}-${process.pid}`,
        ).catch((err: unknown) => {
          failed = true;
          throw err;
        }),
      ),
    );
    const all = [...Object.values(names.a!), ...Object.values(names.b!)];
    expect(new Set(all).size).toBe(4);
    for (const stack of ["a", "b"]) {
      expect(names[stack]!.alice).toMatch(/^ml-team-alice-[a-z0-9]{7}$/);
      expect(names[stack]!.bob).toMatch(/^ml-team-bob-[a-z0-9]{7}$/);
    }
    expect(await emulator.admin.listInstances()).toEqual([]);
  },
  TIMEOUT,
);

test(
  "examples/gpu-notebook: the image found by name, the smallest GPU flavor in stock, kept when stock changes",
  async () => {
    // The catalogue has the P100 sold out; with the T4 sold out too, the smallest GPU flavor in stock is the V100.
    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.gpu.t4");
    await withProgram(example("gpu-notebook"), async (ws) => {
      const up = await step(ws, "gpu-notebook", ["up", "--yes"]);
      expect(up).toContain("+ 2 created");
      const out = await outputs(ws);
      expect(out).toMatchObject({
        flavor: "modelarts.vm.gpu.v100",
        image: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04",
        status: "RUNNING",
      });
      const [notebook] = await emulator.admin.listNotebooks();
      expect(notebook).toMatchObject({
        id: out.id,
        name: out.name,
        url: out.url,
        flavor: "modelarts.vm.gpu.v100",
        image: { id: PYTORCH_IMAGE },
        volume: { category: "EVS", capacity: 50 },
        lease: { enable: true, type: "IDLE" },
      });

      // The T4 back in stock: the lookup now answers T4, and ignoreChanges keeps the V100. A description change is
      // the only diff (the output examples/pr-preview/README.md shows).
      await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.gpu.t4", false);
      await ws.setConfig("description", "GPU notebook for the T4 trial");
      const preview = await step(ws, "gpu-notebook", ["preview", "--diff"]);
      expect(preview).toMatch(/~ pulumi-nodejs:dynamic\/modelarts:Notebook: \(update\)/);
      expect(preview).toContain('~ description: "GPU notebook" => "GPU notebook for the T4 trial"');
      expect(preview).not.toMatch(/[-+~] flavor/);

      await step(ws, "gpu-notebook", ["destroy", "--yes"]);
      expect(await emulator.admin.listNotebooks()).toEqual([]);
    });
  },
  TIMEOUT,
);

test(
  "quickstart (the demo's program): a Notebook from the image found by name; id, status and URL",
  async () => {
    await withProgram(REPO_ROOT, async (ws) => {
      const up = await step(ws, "quickstart", ["up", "--yes"]);
      expect(up).toContain("+ 2 created");
      const out = await outputs(ws);
      expect(out).toMatchObject({ status: "RUNNING", name: expect.stringMatching(/^dev-[a-z0-9]{7}$/) });
      expect(out.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const [notebook] = await emulator.admin.listNotebooks();
      expect(notebook).toMatchObject({
        id: out.id,
        url: out.url,
        flavor: "modelarts.vm.cpu.2u",
        image: { id: PYTORCH_IMAGE },
        volume: { category: "EVS", capacity: 5 },
        lease: { enable: true },
      });
      await step(ws, "quickstart", ["destroy", "--yes"]);
      expect(await emulator.admin.listNotebooks()).toEqual([]);
    });
  },
  TIMEOUT,
);

test(
  "examples/stopped-with-autostop (NotebookInstance, v1): the instance ends STOPPED, with its auto-stop",
  async () => {
    await withProgram(example("stopped-with-autostop"), async (ws) => {
      const up = await step(ws, "stopped-with-autostop", ["up", "--yes"]);
      expect(up).toContain("+ 2 created");
      expect(await outputs(ws)).toEqual({ status: "STOPPED", autoStopSeconds: 7200 });
      const live = await emulator.admin.listInstances();
      expect(live).toHaveLength(1);
      expect(live[0]).toMatchObject({ status: "STOPPED", flavor: "modelarts.vm.cpu.8u" });
      expect(live[0]!.spec).toMatchObject({ auto_stop: { enable: true, duration: 7200 } });

      // Stopped as declared: nothing to do on the next preview.
      await step(ws, "stopped-with-autostop", ["preview", "--expect-no-changes"]);

      await step(ws, "stopped-with-autostop", ["destroy", "--yes"]);
      expect(await emulator.admin.listInstances()).toEqual([]);
    });
  },
  TIMEOUT,
);

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}
