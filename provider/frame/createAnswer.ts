import { ConflictError } from "../base/errors.js";
import { describeSubject } from "../base/operationError.js";
import type { Step } from "./Step.js";

/**
 * The object a create's answer names, when it is the one the create made: a new object (not one of
 * `existedBefore`, listed before the create) with the name sent. Anything else is someone else's object, which would
 * otherwise be marked as this resource's and deleted by its destroy: the answer is refused, and the object it names
 * is not touched. `noun`: what messages call one object (`notebook`, `instance`) and one of them (`a notebook`).
 */
export function ownAnswer<T>(
  step: Step<unknown, T>,
  answer: T,
  sent: string,
  existedBefore: ReadonlySet<string>,
  noun: readonly [string, string],
): T {
  const subject = step.subjectOf(answer);
  const named = describeSubject(subject);
  const wrong =
    subject.id === undefined
      ? `names no ${noun[0]} id`
      : existedBefore.has(subject.id)
        ? `names ${named}, which existed before this create`
        : subject.name !== sent
          ? `names ${named}, not the name sent ("${sent}")`
          : undefined;
  if (wrong === undefined) return answer;
  throw new ConflictError(
    `the create's answer ${wrong}; it was not taken as this resource's ${noun[0]} and was left untouched. The ` +
      `${noun[0]} this create made, if any, is not known: look for ${noun[1]} named "${sent}"`,
    "ForeignCreateAnswer",
  );
}
