import { isDeepStrictEqual } from "node:util";
import { same } from "../base/compareInputs.js";
import { inputsWith, type FieldsWith } from "../frame/fieldCatalogue.js";
import { INPUT_FIELDS } from "./fields.js";
import { powerStateOf } from "./statusClasses.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  /** In-place changes, for tests and logs (the host forwards only changes/replaces/deleteBeforeReplace). */
  updates: string[];
  deleteBeforeReplace: boolean;
}

// Inputs and stored outputs are compared field by field, whatever their static type.
type Props = object & Record<string, unknown>;

/**
 * Compares the stored outputs (`olds`: the inputs as applied, plus what the service reported) with the new
 * checked inputs. Only declared inputs count: server-filled values, `profile.id`, timestamps and an auto-stop
 * (when `desiredStatus` is not set) never show up as changes, and `timeouts`/`adoptId` steer the provider
 * without causing an API call.
 */
export function diffNotebookInstance(oldValues: object, newValues: object): DiffResult {
  const olds = oldValues as Props;
  const news = newValues as Props;
  const replaces: string[] = REPLACED_FIELDS.filter((field) => !same(olds[field], news[field]));
  const nameChange = nameChangeOf(olds, news);
  if (nameChange) replaces.unshift(nameChange);
  // An instance whose create failed cannot be repaired in place: like Terraform's taint, the next `pulumi up`
  // replaces it (the failed one is deleted first, then created anew).
  if (olds.status === "CREATE_FAILED") replaces.push("status");
  const updates = Object.entries(CHANGED_IN_PLACE)
    .filter(([, differs]) => differs(olds, news))
    .map(([field]) => field);
  return {
    changes: replaces.length > 0 || updates.length > 0,
    replaces,
    updates,
    // Names are unique (ModelArts.6301): a replacement that keeps its name must delete first. The SDK also sets
    // deleteBeforeReplace as a resource option, because the engine does not ask diff about `--replace`.
    deleteBeforeReplace: nameChange === undefined,
  };
}

/**
 * A name can cause a replacement only when the user declared it: a declared `name` that differs from the
 * instance's, or a changed `namePrefix`. A generated name is never compared (it derives from the inputs, and an
 * adopted or resumed instance keeps its own), so no replacement is ever planned from a name nobody declared.
 */
function nameChangeOf(olds: Props, news: Props): "name" | "namePrefix" | undefined {
  const declared = news.name !== undefined && news.namePrefix === undefined;
  if (declared) return same(olds.name, news.name) ? undefined : "name";
  if (olds.namePrefix === undefined && news.namePrefix === undefined) return undefined;
  return same(olds.namePrefix, news.namePrefix) ? undefined : "namePrefix";
}

/** Fields whose change replaces the instance; `name` is compared apart (only a declared name counts). */
const REPLACED_FIELDS = inputsWith(INPUT_FIELDS, "replace").filter((field) => field !== "name");

/**
 * How each in-place field is compared, with the service's own rules (absent means the default, a disabled
 * auto-stop's duration does not matter). The type requires one entry per in-place field of the catalogue.
 */
const CHANGED_IN_PLACE: Record<
  FieldsWith<typeof INPUT_FIELDS, "update" | "action">,
  (olds: Props, news: Props) => boolean
> = {
  description: (olds, news) => !same(olds.description ?? "", news.description ?? ""),
  autoStop: (olds, news) => !sameAutoStop(olds.autoStop, news.autoStop),
  desiredStatus: (olds, news) => desiredStatusDiffers(olds, news),
};

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
