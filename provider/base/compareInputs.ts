import { isDeepStrictEqual } from "node:util";
import { UNKNOWN_VALUE } from "./unknownValue.js";

/**
 * Whether two input values mean the same thing to the API: absent, null and empty collections are alike, and key
 * order does not matter. A value that is Pulumi's unknown sentinel (preview) equals only itself, so an unknown
 * counts as a change of its field.
 */
export function same(a: unknown, b: unknown): boolean {
  if (b === UNKNOWN_VALUE || a === UNKNOWN_VALUE) return a === b;
  return isDeepStrictEqual(normalize(a), normalize(b));
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalize);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, normalize(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}
