/**
 * The life every resource goes through, run through the real Pulumi CLI (engine, language host, dynamic-provider
 * host) against one time-scaled emulator: up, a preview with no changes, an in-place update, the resource's own
 * steps, drift shown by refresh and put back by up, a replacement (deleted first), an out-of-band delete, a create
 * that ends CREATE_FAILED (recorded with its reason, replaced by the next up), destroy, and no credential or token
 * in the state or in anything the CLI printed. The program (test/e2e/programs/lifecycle) declares the resource
 * the test names and takes every input from stack config; each step changes config, runs the CLI, and checks what
 * a user would see: the CLI's text, the exported state and the emulator's objects. A resource's test file
 * (test/e2e/lifecycle.test.ts, notebookLifecycle.test.ts) says what differs and adds its own steps and checks.
 * Needs `npm run build`.
 */
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { secretsOf } from "../../emulator/testkit.js";
import { emulatorPollEnv } from "../../devkit/emulatorEnv.js";
import { createWorkspace, getPulumiBin, type PulumiWorkspace, type RunResult } from "../../devkit/pulumiCli.js";
import {
  CliSteps,
  cliText,
  expectNoSecretIn,
  findResource,
  resourceNamed,
  resourceRow,
  type ExpectedExit,
  type Json,
} from "./CliSteps.js";
import { setEmulatorConfig } from "./stackConfigCredentials.js";

const PROGRAM = path.join(__dirname, "../e2e/programs/lifecycle");
const STEP_TIMEOUT = 10 * 60_000;

/** An instance or a notebook as the emulator's admin API shows it. */
export type Live = Record<string, unknown> & { id: string; status: string };

/** The description the scenario declares first, then in its update, and the one a console edit sets. */
export const DESCRIPTIONS = { created: "created by e2e", updated: "updated by e2e", edited: "edited in the console" };

/** One run of the scenario: its emulator and stack, the CLI steps so far, and the ids it has seen. */
export class LifecycleRun {
  emulator!: Emulator;
  ws!: PulumiWorkspace;
  /** The id of the first `main`, and of the one the emulator holds now. */
  firstId = "";
  currentId = "";
  /** The stack config set so far (the program's inputs). */
  readonly declared: Record<string, string> = {};
  /** Every CLI output of the run, searched for secrets at the end. */
  readonly printed: string[] = [];
  readonly steps = new CliSteps(
    () => this.ws,
    (_step, result) => this.printed.push(result.stdout, result.stderr),
  );
  /** The number of the test that is running, which starts each CLI step's label. */
  testNumber = "";

  constructor(
    readonly type: string,
    private readonly listLive: (emulator: Emulator) => Promise<Live[]>,
  ) {}

  /** `pulumi <args>`, recorded as "<test number> <label>"; throws when the exit code is not the expected one. */
  pulumi(label: string, args: string[], expected?: ExpectedExit): Promise<RunResult> {
    return this.steps.run(`${this.testNumber} ${label}`, args, expected);
  }

  /** A line of the CLI's resource table for this resource type. */
  row(op: string, resource: string, rest: string): RegExp {
    return resourceRow(this.type, op, resource, rest);
  }

  async setConfig(key: string, value: string): Promise<void> {
    await this.ws.setConfig(key, value);
    this.declared[key] = value;
  }

  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.ws.ok(["stack", "output", "--json"])).stdout);
  }

  exported(label: string): Promise<{ raw: string; resources: Json[] }> {
    return this.steps.exported(`${this.testNumber} ${label}`);
  }

  resource(resources: Json[], name: string): Json {
    return resourceNamed(resources, this.type, name);
  }

  findResource(resources: Json[], name: string): Json | undefined {
    return findResource(resources, this.type, name);
  }

  /** The instances or notebooks the emulator holds. */
  live(): Promise<Live[]> {
    return this.listLive(this.emulator);
  }

  /** No credential, token or API-returned secret in plaintext in `text`. */
  expectNoSecrets(text: string): void {
    expectNoSecretIn(text, secretsOf(this.emulator));
  }
}

/** A step of the resource's own, run among the scenario's. */
export interface OwnStep {
  title: string;
  run(run: LifecycleRun): Promise<void>;
}

/** What the first up's test has seen, for a resource's own checks. */
export interface CreatedSeen {
  up: RunResult;
  out: Record<string, unknown>;
  live: Live[];
  raw: string;
  main: Json;
}

/** What differs between resources; every `check` adds the resource's own assertions to the scenario's. */
export interface LifecycleResource {
  /** The resource class the program declares (`pulumi-nodejs:dynamic/modelarts:<type>`). */
  type: "NotebookInstance" | "Notebook";
  /** "instance", "notebook": what the titles call it. */
  noun: string;
  /** The output that repeats the resource's id. */
  idOutput: string;
  /** The stack's name, before the process id. */
  stack: string;
  /** The program's inputs of the first up, besides the resource, its description and the provider's settings. */
  config: Record<string, string>;
  live(emulator: Emulator): Promise<Live[]>;
  report: { title: string; file: string; stepWidth?: number; extra?: () => Record<string, unknown> };

  created: {
    title: string;
    check(run: LifecycleRun, seen: CreatedSeen): Promise<void> | void;
  };
  /** The description changes, with `config`; `diff` is the CLI's `[diff: …]` of it. */
  inPlace: {
    title: string;
    config: Record<string, string>;
    diff: string;
    /** Between the preview and the up. */
    beforeUp?(run: LifecycleRun): Promise<void>;
    check(run: LifecycleRun, live: Live[]): Promise<void> | void;
  };
  /** Steps of the resource's own, after the in-place update. */
  ownSteps?: OwnStep[];
  /** A console edit of the description (`edit` sets DESCRIPTIONS.edited, and may change more). */
  drift: { edit(run: LifecycleRun): Promise<void> };
  /** `config` replaces the resource; with `optIn`, only once `optIn.config` is set, after `refused` checked the refusal. */
  replacement: {
    title: string;
    config: Record<string, string>;
    optIn?: { config: Record<string, string>; refused(run: LifecycleRun): Promise<void> };
    diff: string;
    check(run: LifecycleRun, seen: { out: Record<string, unknown>; live: Live[] }): Promise<void> | void;
  };
  deleteOutOfBand(run: LifecycleRun): Promise<void>;
  /** `second`'s create ends CREATE_FAILED (`arm` makes it), with `error` in the CLI and `reason` in its init errors. */
  failedCreate: {
    arm(run: LifecycleRun): Promise<void>;
    error: RegExp;
    reason: string;
    /** Outputs of the failed one, and of its replacement, besides status and id. */
    failedOutputs?: Record<string, unknown>;
    replacedOutputs?: Record<string, unknown>;
    checkFailed?(run: LifecycleRun, seen: { raw: string; resources: Json[]; second: Json }): Promise<void> | void;
    /** Around the up that replaces the failed one. */
    beforeReplace?(run: LifecycleRun): Promise<void>;
    checkReplace?(run: LifecycleRun): Promise<void> | void;
  };
}

/** Registers the scenario's tests for `resource`, numbered in order, with its own steps after the in-place update. */
export function lifecycleScenario(resource: LifecycleResource): LifecycleRun {
  const run = new LifecycleRun(`pulumi-nodejs:dynamic/modelarts:${resource.type}`, resource.live);
  const row = (op: string, name: string, rest: string) => run.row(op, name, rest);

  beforeAll(async () => {
    const bin = await getPulumiBin();
    run.emulator = await startEmulator({ timeScale: 0.02 });
    // Only the poll schedule comes from the environment; endpoint and credentials are stack config, as a user
    // would set them (README, "Configuration"), so the state check covers the config Pulumi copies into it.
    run.ws = await createWorkspace({
      programDir: PROGRAM,
      stack: `${resource.stack}-${process.pid}`,
      bin,
      env: emulatorPollEnv(),
    });
    await setEmulatorConfig(run.ws, run.emulator);
    const config = { resource: resource.type, description: DESCRIPTIONS.created, ...resource.config };
    for (const [k, v] of Object.entries(config)) await run.setConfig(k, v);
  }, 15 * 60_000);

  afterAll(async () => {
    const { title, file, stepWidth, extra } = resource.report;
    run.steps.report(title, file, extra?.() ?? {}, stepWidth);
    run.ws?.dispose();
    await run.emulator?.close();
  });

  let number = 0;
  const step = (title: string, body: () => Promise<void>) => {
    const n = String(++number);
    test(
      `${n}. ${title}`,
      async () => {
        run.testNumber = n;
        await body();
      },
      STEP_TIMEOUT,
    );
  };

  step(resource.created.title, async () => {
    const up = await run.pulumi("up (create)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("+", "main", "created"));
    expect(up.stdout).toContain("+ 2 created");

    const out = await run.outputs();
    expect(out).toMatchObject({ status: "RUNNING", flavor: run.declared.flavor });
    expect(out.url).toEqual(expect.stringMatching(/^https:\/\/.+/));
    run.firstId = run.currentId = out.id as string;

    const live = await run.live();
    expect(live).toEqual([
      expect.objectContaining({ id: run.firstId, status: "RUNNING", description: DESCRIPTIONS.created }),
    ]);

    const { raw, resources } = await run.exported("stack export");
    run.expectNoSecrets(raw);
    const main = run.resource(resources, "main");
    expect(main).toMatchObject({ id: run.firstId, outputs: { status: "RUNNING", [resource.idOutput]: run.firstId } });
    expect(main.initErrors).toBeUndefined();
    // Credentials set with --secret are in the state only as ciphertext (Pulumi copies the stack config into
    // the default provider's inputs).
    const providerRes = resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
    expect(providerRes?.inputs["modelarts:secretKey"]).toHaveProperty("ciphertext");
    await resource.created.check(run, { up, out, live, raw, main });
  });

  step("pulumi preview --expect-no-changes passes", async () => {
    const preview = await run.pulumi("preview (no changes)", ["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("2 unchanged");
    expect(preview.stdout).not.toMatch(/to (update|replace|create|delete)/);
  });

  step(resource.inPlace.title, async () => {
    const { config, diff } = resource.inPlace;
    for (const [k, v] of Object.entries({ description: DESCRIPTIONS.updated, ...config })) await run.setConfig(k, v);
    const preview = await run.pulumi("preview (update)", ["preview"]);
    expect(preview.stdout).toMatch(row("~", "main", `update \\[diff: ${diff}\\]`));
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).not.toMatch(/replace/);

    await resource.inPlace.beforeUp?.(run);
    const up = await run.pulumi("up (update)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", `updated \\([\\d.]+s\\) \\[diff: ${diff}\\]`));
    expect(up.stdout).toContain("~ 1 updated");

    const live = await run.live();
    expect(live).toEqual([
      expect.objectContaining({ id: run.currentId, status: "RUNNING", description: DESCRIPTIONS.updated }),
    ]);
    await resource.inPlace.check(run, live);
  });

  for (const own of resource.ownSteps ?? []) step(own.title, () => own.run(run));

  step("an out-of-band change shows in refresh, and up puts the declared value back", async () => {
    await resource.drift.edit(run);
    const refresh = await run.pulumi("refresh (drift)", ["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(row("~", "main", "update \\[diff: ~description\\]"));
    expect(refresh.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
    expect(refresh.stdout).toContain("~ 1 updated");
    const afterRefresh = await run.exported("stack export");
    run.expectNoSecrets(afterRefresh.raw);
    expect(run.resource(afterRefresh.resources, "main").inputs.description).toBe(DESCRIPTIONS.edited);

    const preview = await run.pulumi("preview --diff (back)", ["preview", "--diff"]);
    expect(preview.stdout).toMatch(/~ description\s*: "edited in the console" => "updated by e2e"/);
    expect(preview.stdout).toContain("~ 1 to update");
    expect(preview.stdout).not.toMatch(/replace/);

    const up = await run.pulumi("up (correct drift)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("~", "main", "updated \\([\\d.]+s\\) \\[diff: ~description\\]"));
    expect(await run.live()).toEqual([
      expect.objectContaining({ id: run.currentId, description: DESCRIPTIONS.updated }),
    ]);
    await run.pulumi("preview (no changes)", ["preview", "--expect-no-changes"]);
  });

  step(resource.replacement.title, async () => {
    const { config, optIn, diff } = resource.replacement;
    for (const [k, v] of Object.entries(config)) await run.setConfig(k, v);
    if (optIn) {
      await optIn.refused(run);
      for (const [k, v] of Object.entries(optIn.config)) await run.setConfig(k, v);
    }
    const preview = await run.pulumi("preview (replace)", ["preview"]);
    expect(preview.stdout).toMatch(row("--", "main", "delete original"));
    expect(preview.stdout).toMatch(row("+-", "main", `replace \\[diff: ${diff}\\]`));
    expect(preview.stdout).toMatch(row("++", "main", `create replacement \\[diff: ${diff}\\]`));
    expect(preview.stdout).toContain("+-1 to replace");

    const up = await run.pulumi("up (replace)", ["up", "--yes"]);
    const deleted = up.stdout.search(row("--", "main", "deleted original"));
    const created = up.stdout.search(row("++", "main", "created replacement"));
    expect(deleted).toBeGreaterThan(-1);
    expect(created).toBeGreaterThan(deleted); // delete-before-replace
    expect(up.stdout).toContain("+-1 replaced");

    const out = await run.outputs();
    expect(out).toMatchObject({ status: "RUNNING", flavor: run.declared.flavor });
    expect(out.id).not.toBe(run.currentId);
    run.currentId = out.id as string;
    const live = await run.live();
    expect(live.map((l) => l.id)).toEqual([run.currentId]);
    expect(live[0]).toMatchObject({ flavor: run.declared.flavor, description: DESCRIPTIONS.updated });
    await resource.replacement.check(run, { out, live });
  });

  step("an out-of-band delete: refresh drops it from state, up creates it again", async () => {
    await resource.deleteOutOfBand(run);
    const refresh = await run.pulumi("refresh (deleted)", ["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(row("-", "main", "deleted"));
    expect(refresh.stdout).toContain("- 1 deleted");
    const { resources } = await run.exported("stack export");
    expect(run.findResource(resources, "main")).toBeUndefined();

    const up = await run.pulumi("up (recreate)", ["up", "--yes"]);
    expect(up.stdout).toMatch(row("+", "main", "created"));
    expect(up.stdout).toContain("+ 1 created");
    const out = await run.outputs();
    expect(out.id).not.toBe(run.currentId);
    run.currentId = out.id as string;
    const live = await run.live();
    expect(live.map((l) => l.id)).toEqual([run.currentId]);
    expect(live[0]).toMatchObject({
      status: "RUNNING",
      flavor: run.declared.flavor,
      description: DESCRIPTIONS.updated,
    });
  });

  step("a create that ends CREATE_FAILED is recorded in state with the reason; the next up replaces it", async () => {
    const failed = resource.failedCreate;
    await failed.arm(run);
    await run.setConfig("second", "true");
    const up = await run.pulumi("up (create fails)", ["up", "--yes"], "fail");
    expect(up.stdout).toMatch(row("+", "second", "\\*\\*creating failed\\*\\*"));
    expect(cliText(up)).toMatch(failed.error);

    const { raw, resources } = await run.exported("stack export");
    run.expectNoSecrets(raw);
    const second = run.resource(resources, "second");
    expect(second.outputs).toMatchObject({
      status: "CREATE_FAILED",
      [resource.idOutput]: second.id,
      ...failed.failedOutputs,
    });
    expect(second.initErrors).toEqual([expect.stringContaining(failed.reason)]);
    expect((await run.live()).find((l) => l.id === second.id)).toMatchObject({ status: "CREATE_FAILED" });
    await failed.checkFailed?.(run, { raw, resources, second });

    // The next `pulumi up` replaces the failed one (deleted first, then created anew), like a Terraform taint.
    await failed.beforeReplace?.(run);
    const again = await run.pulumi("up (replaces the failed one)", ["up", "--yes"]);
    expect(again.stdout).toMatch(row("+-", "second", "replaced"));
    await failed.checkReplace?.(run);
    const replaced = run.resource((await run.exported("stack export after replace")).resources, "second");
    expect(replaced.id).not.toBe(second.id);
    expect(replaced.initErrors ?? []).toEqual([]);
    expect(replaced.outputs).toMatchObject({ status: "RUNNING", ...failed.replacedOutputs });
    expect((await run.live()).map((l) => l.id).sort()).toEqual([run.currentId, replaced.id].sort());

    const destroy = await run.pulumi("destroy --target second", ["destroy", "--yes", "--target", replaced.urn]);
    expect(destroy.stdout).toMatch(row("-", "second", "deleted"));
    expect(destroy.stdout).toContain("- 1 deleted");
    expect((await run.live()).map((l) => l.id)).toEqual([run.currentId]);
    await run.setConfig("second", "false");
  });

  step(`pulumi destroy leaves no ${resource.noun}, and no secret was ever written or printed`, async () => {
    const destroy = await run.pulumi("destroy", ["destroy", "--yes"]);
    expect(destroy.stdout).toMatch(row("-", "main", "deleted"));
    expect(destroy.stdout).toContain("- 2 deleted");
    expect(await run.live()).toEqual([]);
    const { raw, resources } = await run.exported("stack export");
    expect(resources).toEqual([]);
    run.expectNoSecrets(raw);
    run.expectNoSecrets(run.printed.join("\n"));
  });

  return run;
}
