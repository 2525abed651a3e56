/** Query-parameter readers for the notebooks family: the documented codes for a wrong type (6332) or value (6336). */
import { errors } from "../shared/errors.js";

/** An integer parameter, `undefined` when absent or empty; ModelArts.6332 when it is not an integer. */
export function integerParam(params: Map<string, string>, key: string): number | undefined {
  const raw = params.get(key);
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw)) throw errors.wrongType(key, "integer");
  return Number(raw);
}

/** A non-negative integer (offsets, limits), `fallback` when absent. */
export function countParam(params: Map<string, string>, key: string, fallback: number): number {
  const value = integerParam(params, key) ?? fallback;
  if (value < 0) throw errors.incorrectValue(key);
  return value;
}

/** An enum parameter compared case-insensitively ([notebooks §4.2]: the docs mix cases), answered in upper case. */
export function enumParam<T extends string>(
  params: Map<string, string>,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const raw = params.get(key);
  if (raw === undefined || raw === "") return undefined;
  const upper = raw.toUpperCase();
  const match = allowed.find((a) => a === upper);
  if (match === undefined) throw errors.incorrectValue(key);
  return match;
}

/** `true`/`false`, case-insensitive; ModelArts.6332 otherwise. */
export function booleanParam(params: Map<string, string>, key: string): boolean | undefined {
  const raw = params.get(key);
  if (raw === undefined || raw === "") return undefined;
  const lower = raw.toLowerCase();
  if (lower !== "true" && lower !== "false") throw errors.wrongType(key, "boolean");
  return lower === "true";
}
