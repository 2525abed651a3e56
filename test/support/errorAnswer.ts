/** An emulator's error answer, checked for what a client reads of it. */
import { validateWire, type SchemaDefName } from "../../protocol/validation/validators.js";

/** The answer has this HTTP status and `error_code`, and its body is of the family's error shape (`$defs`). */
export function expectErrorAnswer(
  response: { status: number; json: unknown },
  status: number,
  code: string,
  shape: SchemaDefName,
): void {
  expect({ status: response.status, code: (response.json as { error_code?: string }).error_code }).toEqual({
    status,
    code,
  });
  expect(validateWire(shape, response.json).valid).toBe(true);
}
