import type { StatusTimings } from "../wait/pollSchedule.js";
import type { WaitVerdict } from "../wait/waitFor.js";

/**
 * Instance statuses by what they mean to a waiter [demanager §6.1]. The demanager docs never list ERROR or
 * FROZEN, but the v2 API has them; they are treated as failures should they ever appear.
 */
export const FAILED_STATUSES: ReadonlySet<string> = new Set([
  "CREATE_FAILED",
  "START_FAILED",
  "UNAVAILABLE",
  "RESIZE_FAILED",
  "ERROR",
  "FROZEN",
]);

/** Statuses on the way to RUNNING; queue statuses included (free flavors queue for resources). */
export const STARTING_STATUSES: ReadonlySet<string> = new Set([
  "CREATE_QUEUING",
  "CREATING",
  "START_QUEUING",
  "READY_TO_START",
  "STARTING",
  "RESTARTING",
  "RESIZING",
]);

export const QUEUE_STATUSES: ReadonlySet<string> = new Set(["CREATE_QUEUING", "START_QUEUING", "READY_TO_START"]);

export const GONE_STATUSES: ReadonlySet<string> = new Set(["DELETED", "DELETING"]);

export type WaitTarget = "RUNNING" | "STOPPED" | "READY";

/**
 * Classifies a status for a waiter. READY (what a create waits for when power state is not managed) accepts
 * RUNNING, and STOPPED too: an auto-stop may already have stopped a healthy instance.
 */
export function classifyStatus(status: string, target: WaitTarget): WaitVerdict {
  if (FAILED_STATUSES.has(status)) return { state: "FAILURE", reason: `the instance is ${status}` };
  if (GONE_STATUSES.has(status)) return { state: "FAILURE", reason: `the instance is being deleted (${status})` };
  switch (target) {
    case "RUNNING":
      if (status === "RUNNING") return { state: "SUCCESS" };
      // A stop that was just requested may still be draining; start is called by the caller, not here.
      if (STARTING_STATUSES.has(status) || status === "STOPPING" || status === "STOPPED") return { state: "RETRY" };
      break;
    case "READY":
      if (status === "RUNNING" || status === "STOPPED") return { state: "SUCCESS" };
      if (STARTING_STATUSES.has(status) || status === "STOPPING") return { state: "RETRY" };
      break;
    case "STOPPED":
      if (status === "STOPPED") return { state: "SUCCESS" };
      if (STARTING_STATUSES.has(status) || status === "STOPPING" || status === "RUNNING") return { state: "RETRY" };
      break;
  }
  return { state: "RETRY" };
}

/** The power state a status settles into, for drift of `desiredStatus`. */
export function powerStateOf(status: string): "RUNNING" | "STOPPED" | undefined {
  if (status === "RUNNING" || STARTING_STATUSES.has(status)) return "RUNNING";
  if (status === "STOPPED" || status === "STOPPING") return "STOPPED";
  return undefined;
}

/**
 * How long each status typically lasts, for the poll schedule (wait/pollSchedule.ts), as the emulator plays the
 * demanager API (its timeline's NOMINAL_SECONDS): create 30 s + start 10 s, free flavors queue
 * 3 x 10 s first, stop and delete 5 s each.
 */
export const INSTANCE_STATUS_TIMINGS: StatusTimings = {
  CREATE_QUEUING: { typicalMs: 30_000, next: "CREATING" },
  CREATING: { typicalMs: 30_000, next: "STARTING" },
  START_QUEUING: { typicalMs: 20_000, next: "STARTING" },
  READY_TO_START: { typicalMs: 10_000, next: "STARTING" },
  STARTING: { typicalMs: 10_000 },
  RESTARTING: { typicalMs: 10_000 },
  STOPPING: { typicalMs: 5_000 },
  DELETING: { typicalMs: 5_000 },
};
