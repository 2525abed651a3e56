import { isDeepStrictEqual } from "node:util";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import { same } from "../base/compareInputs.js";
import { powerStateOf } from "../api/notebookStatuses.js";

type Props = Record<string, unknown>;

export interface NotebookDiff {
  changes: boolean;
  replaces: string[];
  /** Changed in place, by name (`volume.capacityGb` for the EVS size). */
  updates: string[];
  /** The in-place changes that need the notebook stopped: a running notebook is stopped and started again. */
  restarts: string[];
  deleteBeforeReplace: boolean;
}

/** Volume fields that cannot change on an existing notebook ([notebooks §7]: PUT has no volume type, ownership, uri or id). */
const FIXED_VOLUME_FIELDS = ["category", "ownership", "uri", "id", "mountPath", "readOnly", "dewSecretName"] as const;

/**
 * Compares the stored outputs (the inputs as applied, plus what the service reported) with new checked inputs,
 * with the change rules of fields.ts: in place (`name`, `description`, the EVS size, `autoStop`, `tags`,
 * `desiredStatus`), in place with a stop and a start when running (`flavor`, `imageId`, `ssh`), replace (the rest
 * of `volume`, `poolId`, `workspaceId`). Every replacement deletes first: exactly one notebook per resource.
 */
export function diffNotebook(oldValues: object, newValues: object): NotebookDiff {
  const olds = oldValues as Props;
  const news = newValues as Props;
  const replaces: string[] = [];
  const oldVolume = (olds.volume ?? {}) as Props;
  const newVolume = (news.volume ?? {}) as Props;
  if (news.volume === UNKNOWN_VALUE) replaces.push("volume");
  else {
    for (const field of FIXED_VOLUME_FIELDS) {
      if (!same(oldVolume[field], newVolume[field])) replaces.push(`volume.${field}`);
    }
  }
  for (const field of ["poolId", "workspaceId"]) if (!same(olds[field], news[field])) replaces.push(field);
  // A notebook whose create failed cannot be repaired in place: like Terraform's taint, the next up replaces it.
  if (olds.status === "CREATE_FAILED") replaces.push("status");

  const updates: string[] = [];
  if (nameChanged(olds, news)) updates.push("name");
  if (!same(olds.description ?? "", news.description ?? "")) updates.push("description");
  if (news.volume !== UNKNOWN_VALUE && !same(oldVolume.capacityGb, newVolume.capacityGb)) {
    updates.push("volume.capacityGb");
  }
  if (!sameAutoStop(olds.autoStop, news.autoStop)) updates.push("autoStop");
  if (!same(olds.tags, news.tags)) updates.push("tags");
  if (desiredStatusDiffers(olds, news)) updates.push("desiredStatus");
  const restarts = ["flavor", "imageId", "ssh"].filter((field) => !same(olds[field], news[field]));
  updates.push(...restarts);

  return { changes: replaces.length > 0 || updates.length > 0, replaces, updates, restarts, deleteBeforeReplace: true };
}

/** A name counts only when declared (or its prefix changed): a generated or adopted name is never a change. */
function nameChanged(olds: Props, news: Props): boolean {
  if (news.name !== undefined && news.namePrefix === undefined) return !same(olds.name, news.name);
  return (olds.namePrefix !== undefined || news.namePrefix !== undefined) && !same(olds.namePrefix, news.namePrefix);
}

/** The duration matters only while auto-stop is on; the type defaults to TIMING on the service. */
function sameAutoStop(a: unknown, b: unknown): boolean {
  if (a === UNKNOWN_VALUE || b === UNKNOWN_VALUE) return a === b;
  const canon = (value: unknown) => {
    const v = (value ?? {}) as Props;
    if (Object.values(v).includes(UNKNOWN_VALUE)) return v;
    const enabled = v.enabled === true;
    return enabled ? { enabled, durationSeconds: v.durationSeconds, type: v.type ?? "TIMING" } : { enabled };
  };
  return isDeepStrictEqual(canon(a), canon(b));
}

/** Like NotebookInstance: a changed declaration, or an observed status settling in the other power state. */
function desiredStatusDiffers(olds: Props, news: Props): boolean {
  const desired = news.desiredStatus;
  if (desired === undefined) return false;
  if (desired === UNKNOWN_VALUE) return true;
  if (olds.desiredStatus !== desired) return true;
  const observed = typeof olds.status === "string" ? powerStateOf(olds.status) : undefined;
  return observed !== undefined && observed !== desired;
}
