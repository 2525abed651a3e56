/**
 * The formats every output of every resource uses, whatever the API sends: times are ISO 8601 in UTC (the
 * demanager API sends 13-digit millisecond strings, the notebooks API integers), and object keys are camelCase.
 */

/** ISO 8601 (UTC) for epoch milliseconds given as a number or a string of digits; "" when there is none. */
export function isoFromEpochMs(value: unknown): string {
  const ms = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(ms) || ms <= 0) return "";
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/**
 * A copy with every object key in camelCase (`flavor_type` → `flavorType`), at any depth, and without the nulls
 * the service wrote for unset fields (an output field that came back null is absent).
 */
export function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(camelCaseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== null)
      .map(([key, inner]) => [
        key.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
        camelCaseKeys(inner),
      ]),
  );
}

/**
 * An output object made of what the service reported, or null when it reported none of it: an object whose fields
 * all came back null is no more an answer than a null object.
 */
export function reportedOrNull<T extends Record<string, unknown>>(fields: T): T | null {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as T;
  return Object.keys(defined).length > 0 ? defined : null;
}
