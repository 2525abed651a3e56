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

/** A copy with every object key in camelCase (`flavor_type` → `flavorType`), at any depth. */
export function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      key.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
      camelCaseKeys(inner),
    ]),
  );
}
