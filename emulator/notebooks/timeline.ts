/**
 * Scheduled status transitions of notebooks and their storage mounts [notebooks §12, §14], on
 * the same model as demanager records: phases with start times, the status is the last phase that started.
 * The docs give no durations; these are nominal seconds multiplied by the emulator's time scale.
 */
import { phaseAt, scaledMs } from "../shared/phases.js";
import type { LeaseRecord, MountPhase, NotebookPhase } from "./types.js";

export const NOTEBOOK_NOMINAL_SECONDS = {
  /** CREATING walks through the four `action_progress` steps in equal parts. */
  creating: 30,
  starting: 10,
  stopping: 5,
  deleting: 5,
  /** EVS `volume.status` RESIZING after a `storage_new_size` [notebooks §4.2]. */
  resizing: 10,
  mounting: 5,
  unmounting: 5,
  /** An unmounted storage stays listed as UNMOUNTED this long, then it is gone ([notebooks §12]: UNMOUNTED or not found). */
  unmountedVisible: 5,
} as const;

/** The real epoch ms at which the lease stops the notebook: createAt + duration, the duration scaled [notebooks §9]. */
export function leaseDeadline(lease: LeaseRecord, timeScale: number): number {
  return lease.createAt + Math.round(lease.duration * timeScale);
}

/** STOPPING → STOPPED at the lease deadline, when the lease is enabled; never before `runningAt`. */
function autoStopPhases(runningAt: number, lease: LeaseRecord, timeScale: number): NotebookPhase[] {
  if (!lease.enable) return [];
  const stopAt = Math.max(leaseDeadline(lease, timeScale), runningAt + 1);
  return [
    { status: "STOPPING", at: stopAt, autoStop: true },
    { status: "STOPPED", at: stopAt + scaledMs(NOTEBOOK_NOMINAL_SECONDS.stopping, timeScale), autoStop: true },
  ];
}

/** CREATING → RUNNING [→ lease stop], or CREATING → CREATE_FAILED (admin-armed failure). */
export function planCreate(now: number, fail: boolean, lease: LeaseRecord, timeScale: number): NotebookPhase[] {
  const end = now + scaledMs(NOTEBOOK_NOMINAL_SECONDS.creating, timeScale);
  if (fail) {
    return [
      { status: "CREATING", at: now },
      { status: "CREATE_FAILED", at: end },
    ];
  }
  return [{ status: "CREATING", at: now }, { status: "RUNNING", at: end }, ...autoStopPhases(end, lease, timeScale)];
}

export function planStart(now: number, lease: LeaseRecord, timeScale: number): NotebookPhase[] {
  const runningAt = now + scaledMs(NOTEBOOK_NOMINAL_SECONDS.starting, timeScale);
  return [
    { status: "STARTING", at: now },
    { status: "RUNNING", at: runningAt },
    ...autoStopPhases(runningAt, lease, timeScale),
  ];
}

export function planStop(now: number, timeScale: number): NotebookPhase[] {
  return [
    { status: "STOPPING", at: now },
    { status: "STOPPED", at: now + scaledMs(NOTEBOOK_NOMINAL_SECONDS.stopping, timeScale) },
  ];
}

/** DELETING for a while, then gone: GET answers not-found ([notebooks §8]; Terraform waits for that). */
export function planDelete(now: number, timeScale: number): NotebookPhase[] {
  return [
    { status: "DELETING", at: now },
    { status: "GONE", at: now + scaledMs(NOTEBOOK_NOMINAL_SECONDS.deleting, timeScale) },
  ];
}

/**
 * After a lease change: the lease's scheduled stop is replaced by one at the new deadline. A stop that has
 * already begun is left alone.
 */
export function rescheduleAutoStop(
  timeline: readonly NotebookPhase[],
  now: number,
  lease: LeaseRecord,
  timeScale: number,
): NotebookPhase[] {
  if (phaseAt(timeline, now).current.autoStop) return [...timeline];
  const kept = timeline.filter((p) => !(p.autoStop && p.at > now));
  const last = kept[kept.length - 1]!;
  if (last.status !== "RUNNING") return kept;
  return [...kept, ...autoStopPhases(Math.max(now, last.at), lease, timeScale)];
}

export function planMount(now: number, timeScale: number): MountPhase[] {
  return [
    { status: "MOUNTING", at: now },
    { status: "MOUNTED", at: now + scaledMs(NOTEBOOK_NOMINAL_SECONDS.mounting, timeScale) },
  ];
}

export function planUnmount(now: number, timeScale: number): MountPhase[] {
  const unmounted = now + scaledMs(NOTEBOOK_NOMINAL_SECONDS.unmounting, timeScale);
  return [
    { status: "UNMOUNTING", at: now },
    { status: "UNMOUNTED", at: unmounted },
    { status: "GONE", at: unmounted + scaledMs(NOTEBOOK_NOMINAL_SECONDS.unmountedVisible, timeScale) },
  ];
}

export interface ProgressStep {
  status: "WAITING" | "PROCESSING" | "FAILED" | "COMPLETED";
  step: number;
  description: string;
}

const STEP_DESCRIPTIONS = ["prepare storage", "prepare compute resources", "configure network", "initialize instance"];

/**
 * `action_progress` [notebooks §3]: while CREATING the four steps advance in equal parts of the phase; after a failed
 * create the last step is FAILED; once created every step is COMPLETED; INIT has not begun.
 */
export function actionProgress(timeline: readonly NotebookPhase[], now: number): ProgressStep[] {
  const { current, next } = phaseAt(timeline, now);
  const created = timeline.some((p) => p.status !== "INIT" && p.status !== "CREATING" && p.at <= now);
  let active = 0;
  if (current.status === "CREATING" && next !== undefined) {
    const fraction = (now - current.at) / Math.max(1, next.at - current.at);
    active = Math.min(4, Math.floor(fraction * 4) + 1);
  }
  const failed = current.status === "CREATE_FAILED";
  return STEP_DESCRIPTIONS.map((description, i) => {
    const step = i + 1;
    let status: ProgressStep["status"];
    if (failed) status = step === 4 ? "FAILED" : "COMPLETED";
    else if (current.status === "INIT") status = "WAITING";
    else if (current.status === "CREATING")
      status = step < active ? "COMPLETED" : step === active ? "PROCESSING" : "WAITING";
    else status = created ? "COMPLETED" : "WAITING";
    return { status, step, description };
  });
}
