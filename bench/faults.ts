/**
 * Faults: the scale stack (either API family) against an emulator that fails on purpose: 5xx, 429s, connections
 * dropped before and after the server applied the request (create, stop and delete included), and instances that end
 * CREATE_FAILED. Counts duplicates, untracked and leftover instances, and how every CLI run ended (clear error,
 * success, hang).
 */
import { startEmulator, type Emulator, type FaultSpec } from "../emulator/index.js";
import { emulatorEnv, scaledPollSchedule } from "./lib/env.js";
import {
  inventoryNow,
  stateResources,
  summarizeCounts,
  type Inventory,
  type ResourceKind,
  type RouteCounts,
} from "./lib/inventory.js";
import { tail } from "../devkit/pulumiCli.js";
import { errorLines } from "./lib/cliErrors.js";
import { createSampledWorkspace, type CliResult, type Workspace } from "./lib/sampledWorkspace.js";
import type { SectionOptions } from "./lib/sectionOptions.js";

const INSTANCES = "/v1/{project_id}/demanager/instances";
const INSTANCE = `${INSTANCES}/{instance_id}`;
const NOTEBOOKS = "/v1/{project_id}/notebooks";
const NOTEBOOK = `${NOTEBOOKS}/{id}`;

/** Armed before the first `pulumi up`. Faults on one route are used in this order. */
export const UP_FAULTS: FaultSpec[] = [
  { route: `POST ${INSTANCES}`, kind: "drop-after", count: 5 },
  { route: `POST ${INSTANCES}`, kind: "status", status: 500, count: 3 },
  { route: `POST ${INSTANCES}`, kind: "status", status: 503, count: 2 },
  { route: `POST ${INSTANCES}`, kind: "status", status: 429, retryAfterSeconds: 1, count: 5 },
  { route: `GET ${INSTANCES}`, kind: "status", status: 500, count: 2 },
  { route: `GET ${INSTANCE}`, kind: "status", status: 500, count: 20 },
  { route: `GET ${INSTANCE}`, kind: "status", status: 502, count: 5 },
  { route: `GET ${INSTANCE}`, kind: "status", status: 429, retryAfterSeconds: 1, count: 10 },
  { route: `GET ${INSTANCE}`, kind: "drop-before", count: 5 },
];
export const UP_CREATE_FAILURES = 3;

/** Armed before `pulumi destroy`. */
export const DESTROY_FAULTS: FaultSpec[] = [
  { route: `DELETE ${INSTANCE}`, kind: "drop-after", count: 3 },
  { route: `DELETE ${INSTANCE}`, kind: "status", status: 502, count: 3 },
  { route: `POST ${INSTANCE}/action`, kind: "drop-after", count: 3 },
  { route: `POST ${INSTANCE}/action`, kind: "status", status: 503, count: 3 },
  { route: `GET ${INSTANCE}`, kind: "status", status: 500, count: 10 },
  { route: `GET ${INSTANCE}`, kind: "status", status: 429, retryAfterSeconds: 1, count: 10 },
  { route: `GET ${INSTANCE}`, kind: "drop-before", count: 3 },
];

/** The same kinds on the notebooks (v2) routes; the owner tag's POST follows every create. */
export const V2_UP_FAULTS: FaultSpec[] = [
  { route: `POST ${NOTEBOOKS}`, kind: "drop-after", count: 5 },
  { route: `POST ${NOTEBOOKS}`, kind: "status", status: 500, count: 3 },
  { route: `POST ${NOTEBOOKS}`, kind: "status", status: 503, count: 2 },
  { route: `POST ${NOTEBOOKS}`, kind: "status", status: 429, retryAfterSeconds: 1, count: 5 },
  { route: `GET ${NOTEBOOKS}`, kind: "status", status: 500, count: 2 },
  { route: `POST ${NOTEBOOKS}/{resource_id}/tags/create`, kind: "drop-after", count: 3 },
  { route: `POST ${NOTEBOOKS}/{resource_id}/tags/create`, kind: "status", status: 502, count: 3 },
  { route: `GET ${NOTEBOOK}`, kind: "status", status: 500, count: 20 },
  { route: `GET ${NOTEBOOK}`, kind: "status", status: 502, count: 5 },
  { route: `GET ${NOTEBOOK}`, kind: "status", status: 429, retryAfterSeconds: 1, count: 10 },
  { route: `GET ${NOTEBOOK}`, kind: "drop-before", count: 5 },
];

/** A v2 destroy is a DELETE and polls (no stop: a running notebook may be deleted). */
export const V2_DESTROY_FAULTS: FaultSpec[] = [
  { route: `DELETE ${NOTEBOOK}`, kind: "drop-after", count: 3 },
  { route: `DELETE ${NOTEBOOK}`, kind: "status", status: 502, count: 3 },
  { route: `DELETE ${NOTEBOOK}`, kind: "status", status: 429, retryAfterSeconds: 1, count: 3 },
  { route: `GET ${NOTEBOOK}`, kind: "status", status: 500, count: 10 },
  { route: `GET ${NOTEBOOK}`, kind: "status", status: 429, retryAfterSeconds: 1, count: 10 },
  { route: `GET ${NOTEBOOK}`, kind: "drop-before", count: 3 },
];

const FAULTS: Record<ResourceKind, { up: FaultSpec[]; destroy: FaultSpec[] }> = {
  NotebookInstance: { up: UP_FAULTS, destroy: DESTROY_FAULTS },
  Notebook: { up: V2_UP_FAULTS, destroy: V2_DESTROY_FAULTS },
};

export interface FaultStep {
  name: string;
  command: string;
  faults: string[];
  exitCode: number;
  /** The CLI did not finish within the timeout (its process tree was killed): a hang. */
  hung: boolean;
  wallMs: number;
  /** Faults armed for this step that were not used up (a fault never hit proves nothing). */
  faultsLeft: number;
  /** `error:` lines of the run: every failed operation should name its instance and the reason. */
  errors: string[];
  requests: RouteCounts;
  inventory: Inventory;
  /** State resources recorded with init errors (a create that failed after the POST). */
  resourcesWithInitErrors: number;
}

export interface FaultsResult {
  resource: ResourceKind;
  count: number;
  timeScale: number;
  steps: FaultStep[];
  summary: {
    duplicates: number;
    untrackedAfterAnyStep: number;
    leftAfterDestroy: number;
    hangs: number;
    failedRunsWithClearErrors: number;
    failedRunsWithoutClearErrors: number;
    converged: boolean;
  };
}

function describeFault(f: FaultSpec): string {
  const what =
    f.kind === "status"
      ? `HTTP ${f.status}${f.retryAfterSeconds ? ` (Retry-After ${f.retryAfterSeconds})` : ""}`
      : f.kind;
  return `${f.route}: ${what} x${f.count ?? 1}`;
}

/** An error line is clear when it names the operation and the instance, and says what happened. */
export function isClearError(line: string): boolean {
  return /(create|delete|update|read|adopt) notebook( instance)? "[^"]+"( \([^)]+\))?: \S/.test(line);
}

async function step(
  name: string,
  ws: Workspace,
  emulator: Emulator,
  args: string[],
  options: {
    resource: ResourceKind;
    timeoutMs: number;
    faults?: FaultSpec[];
    createFailures?: number;
    log: (l: string) => void;
    /** The command as shown in the report, when the real one is too long (URNs). */
    display?: string;
  },
): Promise<FaultStep> {
  await emulator.admin.clearFaults();
  await emulator.admin.resetRequestCounts();
  for (const f of options.faults ?? []) await emulator.admin.injectFault(f);
  if (options.createFailures && options.resource === "NotebookInstance") {
    await emulator.admin.failNextCreates({
      count: options.createFailures,
      code: "ModelArts.6200",
      message: "No resources available.",
    });
  } else if (options.createFailures) {
    await emulator.admin.failNextNotebookCreates({
      count: options.createFailures,
      reason: "Insufficient resources. Try again later.",
    });
  }
  const faults = [
    ...(options.faults ?? []).map(describeFault),
    ...(options.createFailures ? [`CREATE_FAILED: the next ${options.createFailures} creates`] : []),
  ];
  const run: CliResult = await ws.run(args, { timeoutMs: options.timeoutMs });
  const left = (await emulator.admin.listFaults()).reduce((n, f) => n + f.remaining, 0);
  const requests = summarizeCounts(await emulator.admin.requestCounts());
  await emulator.admin.clearFaults();
  const state = await ws.exportStack();
  const inventory = await inventoryNow(emulator, options.resource, state);
  const resourcesWithInitErrors = state.deployment.resources.filter((r) => (r.initErrors ?? []).length > 0).length;
  options.log(
    `faults: ${options.resource}: ${name}: exit ${run.code}${run.timedOut ? " (TIMED OUT)" : ""} in ${(run.durationMs / 1000).toFixed(1)} s; ` +
      `${inventory.instances} instances ${JSON.stringify(inventory.byStatus)}; untracked ${inventory.untracked?.length}; faults left ${left}`,
  );
  if (run.code !== 0) options.log(tail(run.stdout + run.stderr, 25));
  return {
    name,
    command: options.display ?? run.command,
    faults,
    exitCode: run.code,
    hung: run.timedOut,
    wallMs: run.durationMs,
    faultsLeft: left,
    errors: errorLines(run),
    requests,
    inventory,
    resourcesWithInitErrors,
  };
}

export async function runFaults(options: SectionOptions & { resource: ResourceKind }): Promise<FaultsResult> {
  const { resource, count, timeScale, log } = options;
  const emulator = await startEmulator({ timeScale });
  const ws = await createSampledWorkspace({
    bin: options.bin,
    program: "notebooks",
    stack: `faults-${resource === "Notebook" ? "v2" : "v1"}`,
    env: { ...emulatorEnv(emulator, scaledPollSchedule(timeScale)), ...options.providerEnv },
    config: { "modelarts-bench:count": String(count), "modelarts-bench:resource": resource },
  });
  const cli = ["--yes", "--skip-preview", "--parallel", String(options.parallel)];
  const common = { resource, timeoutMs: options.timeoutMs, log };
  const steps: FaultStep[] = [];
  try {
    steps.push(
      await step("up under faults", ws, emulator, ["up", ...cli], {
        ...common,
        faults: FAULTS[resource].up,
        createFailures: UP_CREATE_FAILURES,
      }),
    );
    // A plain second up replaces the instances that ended CREATE_FAILED (diff reports a replacement, like a
    // Terraform taint): the failed instance is deleted first, then created anew.
    steps.push(
      await step("second up (no faults): replaces the failed instances", ws, emulator, ["up", ...cli], common),
    );
    // A targeted `--replace` of healthy instances must keep exactly one instance per resource (it once deleted it).
    const some = stateResources(await ws.exportStack(), resource).slice(0, 3);
    const replace = some.flatMap((r) => ["--replace", r.urn]);
    const display = `pulumi up ${cli.join(" ")} ${some.map((r) => `--replace <urn of ${r.urn.split("::").pop()}>`).join(" ")}`;
    steps.push(
      await step("up --replace <3 healthy instances>", ws, emulator, ["up", ...cli, ...replace], {
        ...common,
        display,
      }),
    );
    steps.push(await step("preview: nothing left to do", ws, emulator, ["preview", "--expect-no-changes"], common));
    steps.push(
      await step("destroy under faults", ws, emulator, ["destroy", ...cli], {
        ...common,
        faults: FAULTS[resource].destroy,
      }),
    );
  } finally {
    ws.dispose();
    await emulator.close();
  }

  const failed = steps.filter((s) => s.exitCode !== 0 && !s.hung);
  const destroy = steps[steps.length - 1]!;
  const secondUp = steps[1]!;
  const replaced = steps[2]!;
  const preview = steps[3]!;
  return {
    resource,
    count,
    timeScale,
    steps,
    summary: {
      duplicates: Math.max(...steps.map((s) => s.inventory.duplicateNames.length + s.inventory.duplicateOwners.length)),
      untrackedAfterAnyStep: Math.max(...steps.map((s) => s.inventory.untracked?.length ?? 0)),
      leftAfterDestroy: destroy.inventory.instances,
      hangs: steps.filter((s) => s.hung).length,
      failedRunsWithClearErrors: failed.filter((s) => s.errors.length > 0 && s.errors.every(isClearError)).length,
      failedRunsWithoutClearErrors: failed.filter((s) => s.errors.length === 0 || !s.errors.every(isClearError)).length,
      converged: secondUp.exitCode === 0 && replaced.exitCode === 0 && preview.exitCode === 0,
    },
  };
}
