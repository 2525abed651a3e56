import { isDeepStrictEqual } from "node:util";
import { REPLACE_ON_CHANGE } from "./fieldTables.js";
import { powerStateOf } from "./statusClasses.js";
import { UNKNOWN } from "./types.js";

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  /** In-place changes, for tests and logs (the host forwards only changes/replaces/deleteBeforeReplace). */
  updates: string[];
  deleteBeforeReplace: boolean;
}

type Props = Record<string, unknown>;

/**
 * Compares the stored outputs (`olds`: the inputs as applied, plus what the service reported) with the new
 * checked inputs. Only declared inputs count: server-filled values, `profile.id`, timestamps and an auto-stop
 * (when `desiredStatus` is not set) never show up as changes, and `timeouts`/`adoptId` steer the provider
 * without causing an API call.
 */
export function diffNotebookInstance(olds: Props, news: Props): DiffResult {
  const replaces = REPLACE_ON_CHANGE.filter((field) => !same(olds[field], news[field]));
  const updates: string[] = [];
  if (!same(olds.description ?? "", news.description ?? "")) updates.push("description");
  if (!sameAutoStop(olds.autoStop, news.autoStop)) updates.push("autoStop");
  if (desiredStatusDiffers(olds, news)) updates.push("desiredStatus");
  return {
    changes: replaces.length > 0 || updates.length > 0,
    replaces: [...replaces],
    updates,
    // Every replacement deletes first. Names are unique (ModelArts.6301), so a declared name that stays must;
    // and `pulumi up --replace` of an instance with a generated name keeps that name too (the engine does not
    // check the inputs again for a targeted replace), so creating first would collide with the old instance.
    // A notebook is a development environment: a short gap is cheaper than a collision or two billed instances.
    deleteBeforeReplace: !replaces.includes("name"),
  };
}

function same(a: unknown, b: unknown): boolean {
  if (b === UNKNOWN || a === UNKNOWN) return a === b;
  return isDeepStrictEqual(normalize(a), normalize(b));
}

/** Absent, null and empty collections mean the same thing to the API. */
function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalize);
  if (typeof value === "object") {
    const entries = Object.entries(value as Props)
      .map(([k, v]) => [k, normalize(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}

/** The duration only matters while auto-stop is enabled; prompt defaults to true on the service. */
function sameAutoStop(a: unknown, b: unknown): boolean {
  if (a === UNKNOWN || b === UNKNOWN) return a === b;
  const canon = (value: unknown) => {
    const v = (value ?? {}) as Props;
    if (v.enabled === UNKNOWN || v.durationSeconds === UNKNOWN || v.prompt === UNKNOWN) return v;
    const enabled = v.enabled === true;
    return { enabled, durationSeconds: enabled ? v.durationSeconds : undefined, prompt: v.prompt ?? true };
  };
  return isDeepStrictEqual(canon(a), canon(b));
}

/**
 * `desiredStatus` differs when it was changed, or when the last observed status (after a refresh) settles in
 * the other power state. Without `desiredStatus` power state is not managed and never differs.
 */
function desiredStatusDiffers(olds: Props, news: Props): boolean {
  const desired = news.desiredStatus;
  if (desired === undefined) return false;
  if (desired === UNKNOWN) return true;
  if (olds.desiredStatus !== desired) return true;
  const observed = typeof olds.status === "string" ? powerStateOf(olds.status) : undefined;
  return observed !== undefined && observed !== desired;
}
