/**
 * Pulumi's `customTimeouts` resource option through the real CLI, Pulumi's YAML language host and the native plugin
 * (bin/), against a time-scaled emulator that holds the program's one NotebookInstance in CREATING: what the engine
 * really sends each operation, where customTimeouts.test.ts builds the requests itself. The program
 * (programs/native-timeouts) gives create, update and delete engine limits of 2s, 3s and 4s under a `timeouts`
 * input of 1m each: `pulumi up` fails after the create's 2s, naming `customTimeouts.create`, and records the held
 * instance; the next `up` resumes it as an update and fails after 3s; `pulumi destroy` waits for the instance to
 * start so as to stop it, and fails after 4s; once the emulator lets the instance go, destroy leaves nothing.
 * Needs `npm run build` (the plugin runs dist/) and the YAML language host (scripts/get-pulumi.sh builds it).
 */
import * as path from "node:path";
import { cliText as text, resourceNamed, resourceRow } from "../support/CliSteps.js";
import { useNativeStack } from "../support/nativeProgramSteps.js";

const TEMPLATE = path.join(__dirname, "programs/native-timeouts");
const INSTANCE = "modelarts:index:NotebookInstance";
/** The instance's name in the program: the emulator holds its next create in CREATING. */
const HELD = "held-by-the-emulator";
const STEP_TIMEOUT = 5 * 60_000;
/** The program's `timeouts` input, for every operation: had it bounded a step, the step would take this long. */
const INPUT_TIMEOUT_MS = 60_000;

const native = useNativeStack(TEMPLATE, `native-timeouts-${process.pid}`, {
  title: "e2e native customTimeouts",
  file: "e2e-native-timeouts.json",
  stepWidth: 24,
});
const { steps } = native;

/** The plugin's timeout error for a limit the engine sent (as the in-process test expects it). */
const timedOutBy = (limit: string, operation: string) =>
  `timed out after ${limit} (customTimeouts.${operation}, the limit for the whole ${operation})`;

/** The one live instance of the emulator: the held one, still CREATING (no step gave it up or deleted it). */
async function heldInstance(): Promise<{ id: string }> {
  const live = await native.emulator.admin.listInstances();
  expect(live.map((i) => [i.name, i.status])).toEqual([[HELD, "CREATING"]]);
  return { id: live[0]!.id };
}

beforeAll(async () => {
  // Held for good (nominal seconds, time-scaled): only the test's release in the last step ends CREATING.
  await native.emulator.admin.setCreateDurations({ [HELD]: 1e9 });
});

test(
  "1. up fails after customTimeouts.create (2s), not the 1m timeouts input; state records the held instance",
  async () => {
    const up = await steps.run("1 up", ["up", "--yes"], "fail");
    expect(text(up)).toContain(timedOutBy("2s", "create"));
    expect(text(up)).toContain("Raise the resource option customTimeouts.create to allow longer");
    expect(up.durationMs).toBeLessThan(INPUT_TIMEOUT_MS);

    const { id } = await heldInstance();
    const { resources } = await steps.exported("1 stack export");
    const held = resourceNamed(resources, INSTANCE, "held");
    // A partial failure: the engine keeps the instance's id to resume it.
    expect(held.id).toBe(id);
    expect(held.initErrors).toEqual([expect.stringContaining(timedOutBy("2s", "create"))]);
    // The engine keeps its option, in seconds, as it sends it; the plugin's inputs and outputs have none of it.
    expect(held.customTimeouts).toEqual({ create: 2, update: 3, delete: 4 });
    expect(held.outputs).toMatchObject({ status: "CREATING", timeouts: { create: "1m", update: "1m", delete: "1m" } });
    expect(JSON.stringify([held.inputs, held.outputs])).not.toMatch(/customTimeouts|"timeout"/);
  },
  STEP_TIMEOUT,
);

test(
  "2. the next up resumes the instance as an update, and fails after customTimeouts.update (3s)",
  async () => {
    const up = await steps.run("2 up (resume)", ["up", "--yes"], "fail");
    expect(text(up)).toContain(timedOutBy("3s", "update"));
    expect(up.durationMs).toBeLessThan(INPUT_TIMEOUT_MS);
    await heldInstance();
  },
  STEP_TIMEOUT,
);

test(
  "3. destroy waits for the instance to start so as to stop it, and fails after customTimeouts.delete (4s)",
  async () => {
    const destroy = await steps.run("3 destroy (held)", ["destroy", "--yes"], "fail");
    expect(text(destroy)).toContain(timedOutBy("4s", "delete"));
    expect(destroy.durationMs).toBeLessThan(INPUT_TIMEOUT_MS);
    await heldInstance();
  },
  STEP_TIMEOUT,
);

test(
  "4. once the emulator lets the instance go, destroy leaves nothing",
  async () => {
    const { id } = await heldInstance();
    await native.emulator.admin.updateInstance(id, { status: "STOPPED" });
    const destroy = await steps.run("4 destroy", ["destroy", "--yes"]);
    expect(destroy.stdout).toMatch(resourceRow(INSTANCE, "-", "held", "deleted"));
    expect(destroy.stdout).toContain("- 2 deleted");
    expect(await native.emulator.admin.listInstances()).toEqual([]);
  },
  STEP_TIMEOUT,
);
