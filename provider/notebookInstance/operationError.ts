import { ModelArtsError } from "../api/errors.js";

/**
 * `<verb> notebook instance "<name or id>": <what happened>`; the ModelArts errors already end with the HTTP
 * status, error_code, message and request id. Only our own error family's text is reused: an unexpected
 * error's message is kept, its properties (which could hold anything) are not.
 */
export function operationError(verb: string, label: string, err: unknown): Error {
  const what = err instanceof Error ? err.message : String(err);
  const prefix = `${verb} notebook instance "${label}": `;
  const error = new Error(what.startsWith(prefix) ? what : prefix + what);
  if (err instanceof ModelArtsError) Object.defineProperty(error, "code", { value: err.code, enumerable: false });
  return error;
}
