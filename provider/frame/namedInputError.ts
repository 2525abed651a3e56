import { ApiError, OperationError } from "../base/errors.js";

/** API error codes that are about one input, and that input (a dotted path into the inputs). */
export type InputErrorCodes = Readonly<Record<string, string>>;

/**
 * An API error about one input, reworded to name it and its value (`flavor "modelarts.vm.cpu.9u" was refused:
 * HTTP 400 ModelArts.6323 …`): the service's own messages often do not say which value they refused. Other
 * errors are returned as they are.
 */
export function nameTheInput(err: unknown, inputs: object, codes: InputErrorCodes): unknown {
  if (!(err instanceof ApiError) || err.errorCode === undefined) return err;
  const field = codes[err.errorCode];
  if (field === undefined) return err;
  const value = field
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], inputs);
  if (value === undefined) return err;
  return new OperationError(`${field} ${JSON.stringify(value)} was refused: ${err.message}`, err);
}
