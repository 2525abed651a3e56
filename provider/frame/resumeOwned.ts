import { ConflictError } from "../base/errors.js";
import { describeSubject, type Subject } from "../base/operationError.js";

/** How a resource's objects read in the choice of the one to resume. */
export interface Leftovers<T> {
  /** What the error calls one of them and several: `a notebook`, `notebooks`. */
  readonly one: string;
  readonly many: string;
  subject(object: T): Subject;
  /** The fields only a new object can change that differ from what is declared (fixedFields.ts). */
  conflicts(object: T): string[];
  /** The statuses of a failed create, which cannot be resumed. */
  readonly failed: ReadonlySet<string>;
  status(object: T): unknown;
}

/**
 * Of the objects that carry this resource's owner mark (left by an interrupted run), the one to resume: the only
 * one, when it can become what is declared (no fixed field differs, its create did not fail). Several, or one that
 * cannot, is an error naming each with what stops it: the provider deletes nothing a look-up found. None: undefined.
 */
export function resumableOwned<T>(owned: readonly T[], leftovers: Leftovers<T>): T | undefined {
  if (owned.length === 0) return undefined;
  const problems = owned.map((object) => {
    const found = leftovers.conflicts(object);
    const status = leftovers.status(object);
    if (leftovers.failed.has(String(status))) found.push(`it is ${String(status)}`);
    return found;
  });
  if (owned.length === 1 && problems[0]!.length === 0) return owned[0];
  const named = owned.map(
    (object, n) =>
      describeSubject(leftovers.subject(object)) + (problems[n]!.length > 0 ? ` (${problems[n]!.join("; ")})` : ""),
  );
  throw new ConflictError(
    `${owned.length === 1 ? `${leftovers.one} carries` : `${owned.length} ${leftovers.many} carry`} this ` +
      `resource's owner mark (left by an interrupted run) and cannot be resumed: ${named.join(", ")}. Nothing was ` +
      `deleted: delete ${owned.length === 1 ? "it" : "the ones not to keep"}, or declare the values it has`,
    "OwnedConflict",
  );
}
