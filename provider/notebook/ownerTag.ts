import { createHash } from "node:crypto";
import type { Notebook } from "../../protocol/notebooks/wireTypes.js";

/**
 * The notebooks API has no annotations: a notebook is marked as this provider's, for one Pulumi resource, with a
 * TMS tag. Tag keys allow letters, digits, spaces and `_ . : = + - @` [notebooks §13], so the
 * key uses a dot; the value is a hash of the owner key (`<project>/<stack>/<resource>` may hold any character).
 */
export const OWNER_TAG_KEY = "pulumi-modelarts.owner";

export function ownerTagValue(ownerKey: string): string {
  return createHash("sha256").update(ownerKey).digest("hex").slice(0, 32);
}

/**
 * The owner mark recorded on a notebook, if any. A mark whose value came back null is still a mark (""): it is
 * nobody's, and the notebook is not an untagged candidate either.
 */
export function recordedOwnerTag(notebook: Notebook): string | undefined {
  const tag = notebook.tags?.find((t) => t.key === OWNER_TAG_KEY);
  return tag === undefined ? undefined : (tag.value ?? "");
}
