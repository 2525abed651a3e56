import { same } from "../base/compareInputs.js";
import { containsUnknown, UNKNOWN_VALUE } from "../base/unknownValue.js";
import type { Catalogue, ChangeRule } from "./fieldCatalogue.js";

type Props = Record<string, unknown>;

/** One changed property: its path (`description`, `volume.capacityGb`), how it changes, and whether it is unknown. */
export interface FieldChange {
  readonly path: string;
  readonly change: Exclude<ChangeRule, "none">;
  /** A preview's unknown new value: it counts as a change of its kind, and is shown as unknown, not compared. */
  readonly unknown: boolean;
}

/** What a status the service reported means to the next `up`, besides any input. */
export interface StatusRules {
  /** Statuses that only a new object cures (a failed create, a failed mount): the next up replaces it. */
  readonly replacedWhen?: ReadonlySet<string>;
  /** Statuses of an operation an earlier run left unfinished (a mount left MOUNTING): the next up resumes it. */
  readonly resumedWhen?: ReadonlySet<string>;
}

/**
 * The one diff of every resource and every host: each changed property path with its change kind, and the views
 * the hosts and the update take from it. The dynamic provider's diff answers `changes`, `replaces` and
 * `deleteBeforeReplace`; the native host's detailed diff lists `fields`; an update takes its PUT fields and whether
 * it needs a stop and a start from `fields`.
 */
export interface ChangePlan {
  readonly fields: readonly FieldChange[];
  readonly changes: boolean;
  /** The paths only a new object can take. */
  readonly replaces: readonly string[];
  /** The paths changed in place (`update`, `restart`, `action` and `record`). */
  readonly updates: readonly string[];
  /** The in-place paths that need the object stopped and started again when it runs. */
  readonly restarts: readonly string[];
  /** Whether `path` changed with kind `update` or `restart`: what the update call (PUT) sends (never a `record`). */
  sends(path: string): boolean;
}

/**
 * Compares the stored outputs (the inputs as applied, plus what the service reported) with new checked inputs,
 * field by field as the catalogue says: each field by its `differs` or `same` rule (by `same` with absent equal to
 * its default otherwise), an object field with `parts` part by part. A field of kind `none` never changes anything.
 * Statuses the service reported add a `status` path (`statuses`).
 */
export function planChanges(
  catalogue: Catalogue,
  oldValues: object,
  newValues: object,
  statuses: StatusRules = {},
): ChangePlan {
  const olds = oldValues as Props;
  const news = newValues as Props;
  const fields: FieldChange[] = [];
  const add = (path: string, change: ChangeRule, value: unknown) => {
    if (change !== "none") fields.push({ path, change, unknown: containsUnknown(value) });
  };
  for (const [key, field] of Object.entries(catalogue)) {
    if (field.change === "none") continue;
    const before = olds[key];
    const after = news[key];
    if (field.differs) {
      if (field.differs(olds, news)) add(key, field.change, after);
    } else if (field.parts && after !== UNKNOWN_VALUE) {
      const oldParts = isObject(before) ? before : {};
      const newParts = isObject(after) ? after : {};
      for (const part of new Set([...Object.keys(newParts), ...Object.keys(oldParts)])) {
        if (!same(oldParts[part], newParts[part]))
          add(`${key}.${part}`, field.parts[part] ?? field.change, newParts[part]);
      }
    } else {
      const compare = field.same ?? same;
      const orDefault = (value: unknown) => (value === undefined || value === null ? field.default : value);
      if (!compare(orDefault(before), orDefault(after))) add(key, field.change, after);
    }
  }
  const status = typeof olds.status === "string" ? olds.status : undefined;
  if (status !== undefined && statuses.replacedWhen?.has(status)) add("status", "replace", undefined);
  else if (status !== undefined && statuses.resumedWhen?.has(status)) add("status", "update", undefined);
  return viewsOf(fields);
}

function viewsOf(fields: FieldChange[]): ChangePlan {
  const paths = (test: (f: FieldChange) => boolean) => fields.filter(test).map((f) => f.path);
  const replaces = paths((f) => f.change === "replace");
  const updates = paths((f) => f.change !== "replace");
  const toSend = new Set(paths((f) => f.change === "update" || f.change === "restart"));
  return {
    fields,
    changes: fields.length > 0,
    replaces,
    updates,
    restarts: paths((f) => f.change === "restart"),
    sends: (path) => toSend.has(path),
  };
}

/**
 * A name counts only when the user declared it (a declared `name` that differs), or when its prefix changed: a
 * generated name derives from the owner mark, and an adopted or resumed object keeps its own, so no change is ever
 * planned from a name nobody declared.
 */
export function declaredNameDiffers(olds: Props, news: Props): boolean {
  if (news.name !== undefined && news.namePrefix === undefined) return !same(olds.name, news.name);
  return (olds.namePrefix !== undefined || news.namePrefix !== undefined) && !same(olds.namePrefix, news.namePrefix);
}

/**
 * `desiredStatus` differs when it was changed, or when the last observed `status` (after a refresh) settles in the
 * other power state (`powerStateOf`, the resource's own statuses). Without `desiredStatus` the power state is not
 * managed and never differs.
 */
export function powerStateDiffers(
  powerStateOf: (status: string) => string | undefined,
): (olds: Props, news: Props) => boolean {
  return (olds, news) => {
    const desired = news.desiredStatus;
    if (desired === undefined) return false;
    if (desired === UNKNOWN_VALUE) return true;
    if (olds.desiredStatus !== desired) return true;
    const observed = typeof olds.status === "string" ? powerStateOf(olds.status) : undefined;
    return observed !== undefined && observed !== desired;
  };
}

function isObject(value: unknown): value is Props {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
