/**
 * Progress lines of long waits through the real Pulumi CLI: `pulumi up` and `pulumi destroy` of two instances,
 * one at the top level and one inside a TeamNotebooks component (programs/progress). Each line must reach the
 * engine once, against the URN of its own resource (the provider logs it through the engine's Log RPC, as an
 * ephemeral status), and show once on that resource's row, never on the Stack's nor in the final Diagnostics.
 * Needs `npm run build` (scripts/test.sh does it).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace, type RunResult } from "../../devkit/pulumiCli.js";

const PROGRAM = path.join(__dirname, "programs/progress");
const TYPE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
const TIMEOUT = 10 * 60_000;
/** resource name → instance name (programs/progress/index.js). */
const INSTANCES = { solo: "progress-solo", "team-ann": "progress-team-ann" } as const;
/** A progress line of any operation, e.g. `create notebook instance "progress-solo" (DE-...): RUNNING (1s elapsed)`. */
const PROGRESS = /^(create|adopt|update|delete) notebook instance /;

interface Diagnostic {
  urn?: string;
  message: string;
  severity: string;
  ephemeral?: boolean;
}

let emulator: Emulator;
let ws: PulumiWorkspace;
/** resource name → URN, from the state after `up`. */
const urns: Record<string, string> = {};

beforeAll(async () => {
  const bin = await getPulumiBin();
  emulator = await startEmulator({ timeScale: 0.02 });
  ws = await createWorkspace({
    programDir: PROGRAM,
    stack: `progress-${process.pid}`,
    bin,
    // PULUMI_DEBUG_COMMANDS enables --event-log.
    env: { ...emulatorEnv(emulator), PULUMI_DEBUG_COMMANDS: "true" },
  });
}, 15 * 60_000);

afterAll(async () => {
  if (ws && (await ws.exportStack().catch(() => undefined))?.deployment.resources?.length) {
    await ws.run(["destroy", "--yes"]);
  }
  ws?.dispose();
  await emulator?.close();
});

/** Runs `pulumi <args> --event-log`, returning the output and the non-debug diagnostics of the event log. */
async function withEvents(args: string[]): Promise<{ result: RunResult; diagnostics: Diagnostic[] }> {
  const log = path.join(ws.workDir, `events-${args[0]}.jsonl`);
  const result = await ws.ok([...args, "--event-log", log]);
  const diagnostics = readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line).diagnosticEvent as Diagnostic | undefined)
    .filter((d): d is Diagnostic => d !== undefined && d.severity !== "debug");
  return { result, diagnostics };
}

/**
 * Every progress diagnostic carries the URN of the instance it names and is ephemeral; each resource's lines
 * are distinct (none sent twice) and include `final`. Returns them per resource name.
 */
function expectAttributed(diagnostics: Diagnostic[], verb: string, final: RegExp): Record<string, string[]> {
  const progress = diagnostics.filter((d) => PROGRESS.test(d.message));
  const byResource: Record<string, string[]> = {};
  for (const [resource, instance] of Object.entries(INSTANCES)) {
    const mine = progress.filter((d) => d.message.startsWith(`${verb} notebook instance "${instance}" (`));
    for (const d of mine)
      expect({ urn: d.urn, ephemeral: d.ephemeral }).toEqual({ urn: urns[resource], ephemeral: true });
    const lines = mine.map((d) => d.message.trimEnd());
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.some((line) => final.test(line))).toBe(true);
    byResource[resource] = lines;
  }
  // Nothing else: no progress line without a URN (host stdout), none for another resource.
  expect(progress).toHaveLength(Object.values(byResource).flat().length);
  return byResource;
}

/**
 * In the CLI's text, each line shows once on its resource's in-progress row (`<type> <name> <status> (Ns) <line>`)
 * and nowhere else, except that the row, once done, repeats its last status; there is no Diagnostics section.
 */
function expectShownOnRows(stdout: string, byResource: Record<string, string[]>, inProgress: string): void {
  const outputLines = stdout.split("\n");
  for (const [resource, lines] of Object.entries(byResource)) {
    const row = new RegExp(`^ [-+~]\\s+${TYPE} ${resource} ${inProgress} \\(\\d+s\\) `);
    for (const line of lines) {
      const shown = outputLines.filter((l) => l.includes(line));
      expect({ line, onRow: shown.filter((l) => row.test(l)).length }).toEqual({ line, onRow: 1 });
      for (const l of shown) expect(l).toMatch(new RegExp(`^ [-+~]\\s+${TYPE} ${resource} `));
    }
  }
  expect(stdout).not.toContain("Diagnostics:");
  expect(stdout).not.toMatch(/pulumi:pulumi:Stack .*notebook instance/);
}

test(
  "pulumi up: each create's progress lines reach the engine once, against their own resource",
  async () => {
    const { result, diagnostics } = await withEvents(["up", "--yes"]);
    const state = await ws.exportStack();
    for (const resource of Object.keys(INSTANCES)) {
      const found = state.deployment.resources.find((r) => r.type === TYPE && r.urn.endsWith(`::${resource}`));
      expect(found).toBeDefined();
      urns[resource] = found!.urn;
      // The URN the SDK computed is the engine's, parent types included (team-ann is TeamNotebooks' child).
      expect(found!.inputs.__urn).toBe(found!.urn);
    }
    expect(urns["team-ann"]).toContain("::modelarts:index:TeamNotebooks$" + TYPE + "::team-ann");

    const byResource = expectAttributed(diagnostics, "create", /: RUNNING \(/);
    expectShownOnRows(result.stdout, byResource, "creating");
    console.log(
      `pulumi up: ${diagnostics.length} diagnostics, ` +
        `${diagnostics.filter((d) => !d.ephemeral).length} kept for the Diagnostics section\n` +
        result.stdout,
    );
    // __urn is internal: never part of a diff.
    const preview = await ws.ok(["preview", "--expect-no-changes", "--diff"]);
    expect(preview.stdout).not.toContain("__urn");
  },
  TIMEOUT,
);

test(
  "pulumi destroy: each delete's progress lines reach the engine once, against their own resource",
  async () => {
    const { result, diagnostics } = await withEvents(["destroy", "--yes"]);
    const byResource = expectAttributed(diagnostics, "delete", /: DELET/);
    expectShownOnRows(result.stdout, byResource, "deleting");
    expect(await emulator.admin.listInstances()).toEqual([]);
  },
  TIMEOUT,
);
