import { createHash } from "node:crypto";
import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { readableOwner } from "../frame/ownerMark.js";

/**
 * The notebooks API has no annotations: a notebook is marked as this provider's, for one deployment of one Pulumi
 * resource, with a TMS tag. Tag keys allow letters, digits, spaces and `_ . : = + - @`, values the same and `/`,
 * up to 255 characters [notebooks §13], so the key uses a dot, and the value is `<hash> <owner>`: 32 hex digits
 * of the owner mark's hash (frame/ownerMark.ts; the mark may hold any character), which is what identifies the
 * owner, then the readable owner (`<project>/<stack>/<resource>`, other characters as "-") for people and for
 * refusals that name it. Tags made before the readable part existed hold the hash alone.
 */
export const OWNER_TAG_KEY = "pulumi-modelarts.owner";

const HASH_LENGTH = 32;
const MAX_VALUE_LENGTH = 255;

function markHash(mark: string): string {
  return createHash("sha256").update(mark).digest("hex").slice(0, HASH_LENGTH);
}

/** The readable owner as a tag value can hold it. */
function tagSafe(owner: string): string {
  return owner.replace(/[^\p{L}\p{N} _.:=+\-@/]/gu, "-").slice(0, MAX_VALUE_LENGTH - HASH_LENGTH - 1);
}

export function ownerTagValue(mark: string): string {
  return `${markHash(mark)} ${tagSafe(readableOwner(mark))}`;
}

/** Whether a recorded owner tag is this mark's (its hash part; a tag of any other form is someone else's). */
export function tagIsMark(value: string, mark: string): boolean {
  return value.slice(0, HASH_LENGTH) === markHash(mark) && (value.length === HASH_LENGTH || value[HASH_LENGTH] === " ");
}

/**
 * Who a recorded owner tag names, as a refusal shows it and as `adoptOwnedBy` must repeat it: the readable owner,
 * or for a tag of the earlier hash-only form (or of no known form) the value itself.
 */
export function tagOwner(value: string): string {
  const match = /^[0-9a-f]{32} (.+)$/s.exec(value);
  return match ? match[1]! : value;
}

/**
 * Whether a recorded owner tag names the same readable owner as `mark` (another deployment of a resource with the
 * same project, stack and name, or an earlier version's mark of it) without being `mark` itself.
 */
export function tagIsNamesake(value: string, mark: string): boolean {
  if (tagIsMark(value, mark)) return false;
  const readable = readableOwner(mark);
  if (/^[0-9a-f]{32}$/.test(value)) return value === markHash(readable);
  return tagOwner(value) === tagSafe(readable);
}

/**
 * The owner mark recorded on a notebook, if any. A mark whose value came back null is still a mark (""): it is
 * nobody's, and the notebook is not an untagged candidate either.
 */
export function recordedOwnerTag(notebook: Notebook): string | undefined {
  const tag = notebook.tags?.find((t) => t.key === OWNER_TAG_KEY);
  return tag === undefined ? undefined : (tag.value ?? "");
}

/** The owner a notebook's owner tag names, as `adoptOwnedBy` must repeat it (tagOwner), if it carries one. */
export function markedOwner(notebook: Notebook): string | undefined {
  const tag = recordedOwnerTag(notebook);
  return tag === undefined ? undefined : tagOwner(tag);
}
