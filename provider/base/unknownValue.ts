/**
 * The value Pulumi sends for any input that is not known yet (during preview). Pulumi's, not the service's: the wire
 * contract in protocol/ knows nothing of it; the provider tells schema validation which value stands for an unknown.
 */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Whether an unknown sits anywhere inside `value`. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
