/**
 * The examples users copy, through the real Pulumi CLI against the emulator: `pulumi up` then `pulumi destroy`
 * on a temporary stack of each (no Pulumi.<stack>.yaml is left behind). Needs `npm run build`.
 * Durations go to test/.work/e2e-examples.json (and the console).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { startEmulator, type AdminInstance, type Emulator } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, REPO_ROOT, type PulumiWorkspace } from "../../devkit/pulumiCli.js";

const TIMEOUT = 10 * 60_000;
const timings: { example: string; command: string; durationMs: number }[] = [];

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

/** A temporary stack of `examples/<example>`, pointed at the emulator by environment. */
async function withExample(example: string, body: (ws: PulumiWorkspace) => Promise<void>): Promise<void> {
  const ws = await createWorkspace({
    programDir: path.join(REPO_ROOT, "examples", example),
    stack: `e2e-examples-${process.pid}`,
    bin,
    env: emulatorEnv(emulator),
  });
  try {
    await body(ws);
  } finally {
    // After a failed step, still remove what the stack holds (a no-op when the test destroyed it).
    const left = await ws.exportStack().catch(() => undefined);
    if (left?.deployment.resources?.length) await ws.run(["destroy", "--yes"]);
    ws.dispose();
  }
}

async function step(ws: PulumiWorkspace, example: string, args: string[]): Promise<string> {
  const result = await ws.ok(args);
  timings.push({ example, command: `pulumi ${args.join(" ")}`, durationMs: result.durationMs });
  return result.stdout;
}

function urlOf(instance: AdminInstance): unknown {
  return (instance.spec as { annotations?: { url?: string } } | undefined)?.annotations?.url;
}

async function outputs(ws: PulumiWorkspace): Promise<Record<string, unknown>> {
  return JSON.parse((await ws.ok(["stack", "output", "--json"])).stdout);
}

test(
  "examples/team: one RUNNING notebook per member, and a member -> URL map",
  async () => {
    await withExample("team", async (ws) => {
      const up = await step(ws, "team", ["up", "--yes"]);
      expect(up).toContain("+ 5 created"); // stack, component, 3 notebooks

      const urls = (await outputs(ws)).urls as Record<string, string>;
      expect(Object.keys(urls).sort()).toEqual(["alice", "bob", "carol"]);
      const live = await emulator.admin.listInstances();
      expect(live).toHaveLength(3);
      for (const instance of live) {
        expect(instance.status).toBe("RUNNING");
        expect(Object.values(urls)).toContain(urlOf(instance));
      }
      for (const [member, url] of Object.entries(urls)) {
        expect(url).toMatch(/^https:\/\/.+\/DE-[0-9a-f-]+$/);
        const instance = live.find((i) => urlOf(i) === url)!;
        expect(instance.spec).toMatchObject({
          storage: { location: { path: `/ml-team-bucket/notebooks/${member}/` } },
        });
      }

      const destroy = await step(ws, "team", ["destroy", "--yes"]);
      expect(destroy).toContain("- 5 deleted");
      expect(await emulator.admin.listInstances()).toEqual([]);
    });
  },
  TIMEOUT,
);

test(
  "examples/stopped-with-autostop: the instance ends STOPPED, with its auto-stop",
  async () => {
    await withExample("stopped-with-autostop", async (ws) => {
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
