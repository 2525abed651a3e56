import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { GONE_STATUSES } from "./statusClasses.js";
import { ownerTagValue, recordedOwnerTag } from "./ownerTag.js";

/**
 * How the provider recognises its own notebooks. Names may repeat in the notebooks API and a create body has no
 * annotations [notebooks §4.1], so a notebook is ours when:
 * - it carries this resource's owner tag (added right after the POST answered), or
 * - it has no owner tag and the name this resource generated, which derives from the owner key (so nobody else's
 *   notebook has it), covering an interrupted run between the POST and the tag.
 * A notebook with a declared name and no tag is never taken as ours here; a lost create answer is resolved by
 * `findLostCreate` instead.
 */
export function isOwned(notebook: Notebook, ownerKey: string, generatedName: string | undefined): boolean {
  const tag = recordedOwnerTag(notebook);
  if (tag !== undefined) return tag === ownerTagValue(ownerKey);
  return generatedName !== undefined && notebook.name === generatedName;
}

/** Live notebooks (not deleting or deleted) of this resource, in the workspace. */
export async function findOwnedNotebooks(
  client: NotebooksClient,
  ownerKey: string,
  generatedName: string | undefined,
  workspaceId: string,
): Promise<Notebook[]> {
  const notebooks = await client.listNotebooks({ workspace_id: workspaceId });
  return notebooks.filter((n) => isOwned(n, ownerKey, generatedName) && !GONE_STATUSES.has(String(n.status)));
}

/**
 * How far the service's clock may be behind ours when comparing a notebook's `create_at` with the time our POST
 * was sent. Generous on purpose: the other conditions (same name, no owner tag, same flavor, image and volume) are
 * what identify the notebook; the time only keeps older namesakes out.
 */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * After a create whose answer was lost: the notebook that POST made, if it can be told apart. Candidates have the
 * declared name, no owner tag (ours would be untagged: the tag comes after the answer), a `create_at` after the POST
 * was sent, and the declared flavor, image and volume category. Exactly one is ours; none means the POST was not
 * applied; several cannot be told apart, and the caller stops rather than take someone else's.
 */
export async function findLostCreate(
  client: NotebooksClient,
  expected: { name: string; flavor: string; imageId: string; volumeCategory: string; workspaceId: string },
  postSentAtMs: number,
): Promise<Notebook[]> {
  const named = await client.listNotebooks({ name: expected.name, workspace_id: expected.workspaceId });
  return named.filter(
    (n) =>
      n.name === expected.name &&
      recordedOwnerTag(n) === undefined &&
      !GONE_STATUSES.has(String(n.status)) &&
      (typeof n.create_at !== "number" || n.create_at >= postSentAtMs - CLOCK_SKEW_MS) &&
      (n.flavor === undefined || n.flavor === expected.flavor) &&
      (n.image?.id === undefined || n.image.id === expected.imageId) &&
      (n.volume?.category === undefined || n.volume.category.toUpperCase() === expected.volumeCategory),
  );
}
