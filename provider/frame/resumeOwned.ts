import { ConflictError } from "../base/errors.js";
import { describeSubject } from "../base/operationError.js";
import type { Step } from "./Step.js";

/** How a resource's left-over objects read in the choice of the one to resume. */
export interface Leftovers<T> {
  /** What the error calls one of them and several: `["a notebook", "notebooks"]`. */
  readonly noun: readonly [string, string];
  /** The fields only a new object can change that differ from what is declared (fixedFields.ts). */
  conflicts(object: T): string[];
  /** The object's status when it is a failed one (a failed create cannot be resumed). */
  failed(object: T): string | undefined;
}

/**
 * Of the objects that carry this resource's owner mark (left by an interrupted run), the one to resume: the only
 * one, when it can become what is declared (no fixed field differs, its create did not fail). Several, or one that
 * cannot, is an error naming each with what stops it: the provider deletes nothing a look-up found. None: undefined.
 */
export function resumableOwned<T>(step: Step<unknown, T>, owned: readonly T[], leftovers: Leftovers<T>): T | undefined {
  if (owned.length === 0) return undefined;
  const problems = owned.map((object) => {
    const failed = leftovers.failed(object);
    return [...leftovers.conflicts(object), ...(failed === undefined ? [] : [`it is ${failed}`])];
  });
  if (owned.length === 1 && problems[0]!.length === 0) return owned[0];
  const named = owned.map(
    (object, n) =>
      describeSubject(step.subjectOf(object)) + (problems[n]!.length > 0 ? ` (${problems[n]!.join("; ")})` : ""),
  );
  const [one, many] = leftovers.noun;
  throw new ConflictError(
    `${owned.length === 1 ? `${one} carries` : `${owned.length} ${many} carry`} this ` +
      `resource's owner mark (left by an interrupted run) and cannot be resumed: ${named.join(", ")}. Nothing was ` +
      `deleted: delete ${owned.length === 1 ? "it" : "the ones not to keep"}, or declare the values it has`,
    "OwnedConflict",
  );
}
