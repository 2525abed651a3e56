/**
 * The whole life of a notebook instance through the real Pulumi CLI: the lifecycle scenario
 * (test/support/lifecycleScenario.ts) with an explicit name, description and autoStop changed in place, a flavor
 * change that replaces it (no opt-in: the instance keeps no data of its own), and a create that fails after the
 * POST. Besides the scenario's checks: the progress lines, auto-stop as the API holds it, and the secrets a
 * repository brings into the API's answers. Needs `npm run build` (scripts/test.sh does it).
 *
 * Durations of every CLI step and the state sizes go to test/.work/e2e-lifecycle.json (and the console).
 */
import { FAKE_OBS_CREDENTIAL, FAKE_REPOSITORY_ACCESS_TOKEN, type Emulator } from "../../emulator/index.js";
import type { RunResult } from "../../devkit/pulumiCli.js";
import { DESCRIPTIONS, lifecycleScenario, type LifecycleRun } from "../support/lifecycleScenario.js";

const NAME = "e2e-main";

/** `providerBytes`: one `__provider` (stored twice per resource, in its inputs and its outputs). */
const sizes: Record<
  string,
  { providerBytes: number; providerCopies: number; resourceBytes: number; stateBytes: number }
> = {};

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

lifecycleScenario({
  type: "NotebookInstance",
  noun: "instance",
  idOutput: "instanceId",
  stack: "lifecycle",
  // Long enough that the time-scaled emulator (x 0.02: 12 h is 14 min) does not stop the instance during the test
  // on a loaded machine (an hour, 72 s, did); a change applies from the next start.
  config: { name: NAME, flavor: "modelarts.vm.cpu.2u", autoStopSeconds: "43200" },
  live: (emulator: Emulator) => emulator.admin.listInstances(),
  report: { title: "e2e lifecycle", file: "e2e-lifecycle.json", extra: () => ({ sizes }) },

  created: {
    title: "pulumi up creates the instance: RUNNING, with a URL",
    check(_run, { up, out, live, raw, main }) {
      // The provider's progress lines reach the user.
      expect(up.stdout).toMatch(/create notebook instance "e2e-main" \(DE-[^)]+\): RUNNING/);
      expect(out).toMatchObject({ name: NAME });
      expect(live[0]).toMatchObject({ name: NAME });
      expect(live[0]!.spec).toMatchObject({ auto_stop: { enable: true, duration: 43200 } });
      recordSize("main (RUNNING, after create)", raw, main);
    },
  },

  inPlace: {
    title: "description and autoStop change in place: preview shows an update, up applies it",
    config: { autoStopSeconds: "86400" },
    diff: "~autoStop,description",
    async beforeUp(run: LifecycleRun) {
      const diff: RunResult = await run.pulumi("preview --diff", ["preview", "--diff"]);
      expect(diff.stdout).toMatch(/~ durationSeconds: 43200 => 86400/);
      expect(diff.stdout).toMatch(/~ description: "created by e2e" => "updated by e2e"/);
    },
    check(_run, live) {
      expect(live[0]!.spec).toMatchObject({ auto_stop: { enable: true, duration: 86400 } });
    },
  },

  drift: {
    async edit(run) {
      // A console edit; the instance also gains a repository, whose access token the API then returns.
      await run.emulator.admin.updateInstance(run.currentId, { description: DESCRIPTIONS.edited, repository: true });
      // The API does return these secrets (so the state checks after it mean something).
      const apiView = JSON.stringify(await run.emulator.admin.getInstance(run.currentId));
      expect(apiView).toContain(FAKE_REPOSITORY_ACCESS_TOKEN);
      expect(apiView).toContain(FAKE_OBS_CREDENTIAL.secret_key);
    },
  },

  replacement: {
    title: "a flavor change replaces the instance, deleting the old one first (explicit name)",
    config: { flavor: "modelarts.vm.cpu.8u" },
    diff: "~flavor",
    check(_run, { live }) {
      expect(live[0]).toMatchObject({ name: NAME });
    },
  },

  deleteOutOfBand: (run) => run.emulator.admin.deleteInstance(run.currentId),

  failedCreate: {
    arm: (run) => run.emulator.admin.failNextCreates({ code: "ModelArts.6200", message: "No resources available." }),
    error:
      /create notebook instance "second-[a-z0-9]+" \(DE-[^)]+\): the instance is CREATE_FAILED; ModelArts\.6200: No resources available\./,
    reason: "ModelArts.6200: No resources available.",
    checkFailed(run, { raw, resources, second }) {
      expect(second.id).toMatch(/^DE-/);
      recordSize("second (CREATE_FAILED, with init errors)", raw, second);
      recordSize("main (RUNNING, after drift and recreate)", raw, run.resource(resources, "main"));
    },
  },
});
