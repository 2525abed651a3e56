/**
 * A resource diff as Pulumi's protocol reports it in detail: each changed property (a dotted path, as the resource's
 * diff names it) with its kind, so `pulumi preview --diff` shows what changes and which property forces a
 * replacement. The decision itself (what replaces, what changes in place) is the one diff of the frame.
 */
import type { FieldChange } from "../frame/changePlan.js";
export type DiffKind = "ADD" | "ADD_REPLACE" | "DELETE" | "DELETE_REPLACE" | "UPDATE" | "UPDATE_REPLACE";

type Props = Record<string, unknown>;

export interface DetailedDiff {
  /** Top-level properties that changed (the CLI's `[diff: ~description]`). */
  diffs: string[];
  /** Top-level properties whose change forces a replacement. */
  replaces: string[];
  /** Each changed path and how. */
  detailedDiff: Record<string, DiffKind>;
}

const topLevel = (path: string) => path.split(".")[0]!;

/** The value at a dotted path, or undefined. */
function at(props: Props, path: string): unknown {
  let value: unknown = props;
  for (const part of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Props)[part];
  }
  return value;
}

/** `input`: whether the path is an input's (an output such as `status` is never added or deleted by a program). */
function kindOf(olds: Props, news: Props, path: string, replace: boolean, input: boolean): DiffKind {
  const before = at(olds, path);
  const after = at(news, path);
  const base = !input
    ? "UPDATE"
    : before === undefined || before === null
      ? "ADD"
      : after === undefined
        ? "DELETE"
        : "UPDATE";
  return (replace ? `${base}_REPLACE` : base) as DiffKind;
}

/**
 * The one diff's changed paths (frame/changePlan.ts; `status` for a failed create, which is an output, not one of
 * `inputs`). An unknown new value (preview) is listed like any other: the CLI shows it as `[unknown]`, not as a
 * value, and the kind says what its change would do.
 */
export function detailedDiff(
  olds: Props,
  news: Props,
  fields: readonly FieldChange[],
  inputs: ReadonlySet<string>,
): DetailedDiff {
  const detailed: Record<string, DiffKind> = {};
  const isInput = (path: string) => inputs.has(topLevel(path));
  for (const { path, change } of fields) {
    detailed[path] = kindOf(olds, news, path, change === "replace", isInput(path));
  }
  const unique = (paths: string[]) => [...new Set(paths.map(topLevel))];
  const replaces = fields.filter((f) => f.change === "replace").map((f) => f.path);
  return {
    diffs: unique([...replaces, ...fields.filter((f) => f.change !== "replace").map((f) => f.path)]),
    replaces: unique(replaces),
    detailedDiff: detailed,
  };
}
