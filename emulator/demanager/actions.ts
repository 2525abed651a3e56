/**
 * The state machine behind `POST …/{id}/action` [demanager §3.5] and DELETE [demanager §3.4]: which status allows what, and
 * which documented code answers a request in the wrong status (6304–6308, 6327, 6357).
 */
import { EmulatorError, errors } from "../shared/errors.js";
import { replan, statusAt } from "../shared/phases.js";
import type { ActionName } from "./requestChecks.js";
import { planDelete, planRestart, planStart, planStop } from "./timeline.js";
import type { InstanceRecord, Phase, PhaseStatus } from "./types.js";

export interface ActionOutcome {
  current_status: PhaseStatus;
  previous_state: PhaseStatus;
}

/** The documented "wrong state" answers shared by start, stop and restart [demanager §3.5]. */
function busyError(status: PhaseStatus): EmulatorError | undefined {
  if (status === "STARTING" || status === "RESTARTING" || status === "START_QUEUING") return errors.starting();
  if (status === "STOPPING") return errors.stopping();
  return undefined;
}

function plan(
  record: InstanceRecord,
  action: ActionName,
  status: PhaseStatus,
  free: boolean,
  now: number,
  timeScale: number,
): Phase[] {
  switch (action) {
    case "start":
      if (status === "STOPPED" || status === "START_FAILED") return planStart(now, free, record.autoStop, timeScale);
      // READY_TO_START: the queue is done, only the start is missing [demanager §4].
      if (status === "READY_TO_START") return planStart(now, false, record.autoStop, timeScale);
      if (status === "RUNNING") throw errors.alreadyRunning();
      throw busyError(status) ?? errors.operationNotAllowed();
    case "stop":
      if (status === "RUNNING") return planStop(now, timeScale);
      if (status === "STOPPED") throw errors.alreadyStopped();
      throw busyError(status) ?? errors.notRunning();
    case "restart":
      if (status === "RUNNING") return planRestart(now, record.autoStop, timeScale);
      throw busyError(status) ?? errors.notRunning();
    case "queue":
      // "queue and dequeue only for free resources" (HWC-CN, HWC-INTL; [demanager §3.5]).
      if (!free) throw errors.operationNotAllowed();
      if (status === "STOPPED" || status === "START_FAILED") return planStart(now, true, record.autoStop, timeScale);
      if (status === "RUNNING") throw errors.alreadyRunning();
      throw busyError(status) ?? errors.operationNotAllowed();
    case "dequeue":
      if (!free) throw errors.operationNotAllowed();
      if (status === "CREATE_QUEUING" || status === "START_QUEUING" || status === "READY_TO_START") {
        return [{ status: "STOPPED", at: now }];
      }
      throw errors.operationNotAllowed();
  }
}

/** Applies an action to `record` in place. */
export function applyAction(
  record: InstanceRecord,
  action: ActionName,
  free: boolean,
  now: number,
  timeScale: number,
): ActionOutcome {
  const previous = statusAt(record.timeline, now);
  const phases = plan(record, action, previous, free, now, timeScale);
  record.timeline = replan(record.timeline, now, phases);
  record.updatedAt = now;
  return { current_status: phases[0]!.status, previous_state: previous };
}

/** Starts the asynchronous delete: a RUNNING instance must be stopped first (6304). */
export function applyDelete(record: InstanceRecord, now: number, timeScale: number): void {
  const status = statusAt(record.timeline, now);
  if (status === "RUNNING") throw errors.stopBeforeDelete();
  if (status === "DELETING") throw errors.operationNotAllowed();
  record.timeline = replan(record.timeline, now, planDelete(now, timeScale));
  record.updatedAt = now;
}

/** While the service is moving an instance between states, its auto-stop settings are locked (6347). */
const AUTO_STOP_LOCKED: ReadonlySet<PhaseStatus> = new Set([
  "CREATE_QUEUING",
  "CREATING",
  "START_QUEUING",
  "STARTING",
  "RESTARTING",
  "STOPPING",
  "RESIZING",
  "DELETING",
]);

export function checkModifiable(status: PhaseStatus, fields: { description: boolean; autoStop: boolean }): void {
  if (fields.autoStop && AUTO_STOP_LOCKED.has(status)) throw errors.notModifiable(status, "auto_stop");
  if (fields.description && status === "DELETING") throw errors.notModifiable(status, "description");
}
