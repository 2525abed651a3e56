import { OperationError } from "./errors.js";

/** What an operation acts on: a kind ("notebook instance"), and its name and id where known. */
export interface Subject {
  kind: string;
  name?: string;
  id?: string;
}

/** `notebook instance "dev-h0at7vj" (DE-ff97…)`; the name alone, or the id alone, when only one is known. */
export function describeSubject(subject: Subject): string {
  if (subject.name !== undefined && subject.name !== "") {
    return `${subject.kind} ${JSON.stringify(subject.name)}${subject.id ? ` (${subject.id})` : ""}`;
  }
  return subject.id ? `${subject.kind} ${subject.id}` : subject.kind;
}

/**
 * `<verb> <subject>: <what happened>`; the API errors already end with the HTTP status, error_code, message and
 * request id. Only our own error family is kept as the cause: an unexpected error's message is kept, its
 * properties (which could hold anything) are not.
 */
export function operationError(verb: string, subject: Subject, err: unknown): OperationError {
  const what = err instanceof Error ? err.message : String(err);
  const prefix = `${verb} ${describeSubject(subject)}: `;
  return new OperationError(what.startsWith(prefix) ? what : prefix + what, err);
}
