/**
 * Where a resource's outputs carry a null or the string "null" below their top level. An output object the
 * service did not report is `null` by the SDK's types (`flavorDetails`, `queuingInfo`, `image`, …); inside an
 * output, a field that came back null is absent. Returns the paths found, for an `toEqual([])`.
 */
export function nullsInside(outputs: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (value === "null") found.push(`${path} = "null"`);
    if (value === null) {
      if (depth > 1) found.push(`${path} = null`);
      return;
    }
    if (typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      visit(inner, path === "" ? key : `${path}.${key}`, depth + 1);
    }
  };
  visit(outputs, "", 0);
  return found;
}
