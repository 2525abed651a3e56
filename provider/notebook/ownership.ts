import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError } from "../base/errors.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { sanitizeServiceText } from "../base/redact.js";
import { generatedNamePattern } from "../base/autoName.js";
import { isoFromEpochMs } from "../base/outputFormats.js";
import { readableOwner } from "../frame/ownerMark.js";
import { NOTEBOOK_NAME_LENGTH } from "./fields.js";
import { GONE_STATUSES } from "../api/notebookStatuses.js";
import { recordedOwnerTag, tagIsMark, tagIsNamesake, tagOwner } from "./ownerTag.js";

/**
 * How the provider recognises its own notebooks. Names may repeat in the notebooks API and a create body has no
 * annotations or tags [notebooks §4.1], so a notebook is ours when:
 * - it carries this resource's owner tag (added right after the POST answered), whose mark is unique to this
 *   deployment of the resource (frame/ownerMark.ts), or
 * - it has no owner tag and the name this resource generated, which derives from that mark (so nobody else's
 *   notebook has it), covering an interrupted run between the POST and the tag.
 * A notebook with a declared name and no tag is never taken as ours here; a lost create answer is resolved by
 * `findLostCreate` instead, and an untagged namesake an interrupted run may have left is only reported
 * (`leftBehind`).
 */
export function isOwned(notebook: Notebook, mark: string, generatedName: string | undefined): boolean {
  const tag = recordedOwnerTag(notebook);
  if (tag !== undefined) return tagIsMark(tag, mark);
  return generatedName !== undefined && notebook.name === generatedName;
}

/**
 * Live notebooks (not deleting or deleted) of this resource, in the workspace (`owned`), every notebook the same
 * listing showed (`all`), and the ids of all of them, whoever's and in whatever status (`listed`): taken before a
 * POST, they are what that POST cannot have made (`findLostCreate`, and the POST's own answer). Many creates start
 * at once, so they share one recent listing (NotebooksClient.listNotebooksRecent, at most 10 s old); what it shows
 * of this owner is confirmed with a fresh GET, so a notebook deleted since (the old one of a replacement) is never
 * taken for ours. (`listed` is then as old as the shared listing: under pacing a create's own listing was seconds
 * older than its POST too.)
 */
export async function findOwnedNotebooks(
  client: NotebooksClient,
  mark: string,
  generatedName: string | undefined,
  workspaceId: string,
): Promise<{ owned: Notebook[]; all: readonly Notebook[]; listed: ReadonlySet<string> }> {
  const notebooks = await client.listNotebooksRecent({ workspace_id: workspaceId });
  // Without an owner tag, a notebook is ours by its generated name: one whose name cannot be read may be ours.
  if (generatedName !== undefined) {
    const unreadable = notebooks.find((n) => recordedOwnerTag(n) === undefined && n.name === undefined);
    if (unreadable) throw unreadableName(unreadable, `is the one named "${generatedName}" this resource made`);
  }
  const live = (n: Notebook | undefined): n is Notebook =>
    n !== undefined && isOwned(n, mark, generatedName) && !GONE_STATUSES.has(String(n.status));
  const candidates = notebooks.filter(live);
  const confirmed = await Promise.all(candidates.map((n) => client.findNotebook(n.id!)));
  return {
    owned: confirmed.filter(live),
    all: notebooks,
    listed: new Set(notebooks.flatMap((n) => (n.id === undefined ? [] : [n.id]))),
  };
}

/**
 * How long after its create an untagged notebook still counts as possibly left by an interrupted run: long enough
 * for a run retried the next day, short enough that a namesake kept on purpose is not reported at every create.
 */
export const LEFT_BEHIND_WINDOW_MS = 24 * 3_600_000;

/** A notebook that may be this resource's, left by an interrupted run, but cannot be shown to be. */
export interface LeftBehind {
  notebook: Notebook;
  /** Why it looks like this resource's, e.g. `untagged, created 2026-…, with the same flavor and image`. */
  why: string;
  /** The owner its tag names (for `adoptOwnedBy`), if it has one. */
  owner?: string;
}

/**
 * Notebooks that look like this resource's but carry no evidence that they are, which a create reports and never
 * touches:
 * - another deployment's mark of the same `<project>/<stack>/<resource>` (a run interrupted before Pulumi recorded
 *   the create, whose random part was never kept; or a stack of the same name on another state backend), or the
 *   mark an earlier version gave this resource;
 * - no owner tag, created within the last day with the declared flavor and image, and either the declared name
 *   or a name generated from the same prefix (a run interrupted between the POST and the owner tag).
 * The evidence that would make one of them ours (this deployment's mark, or this deployment's generated name)
 * is what `isOwned` checks; these are only named, so the user can adopt or delete them.
 */
export function leftBehind(
  notebooks: readonly Notebook[],
  expected: {
    mark: string;
    name?: string;
    generatedName?: string;
    namePrefix?: string;
    flavor: string;
    imageId: string;
  },
  nowMs: number,
): LeftBehind[] {
  const generatedPattern =
    expected.namePrefix === undefined ? undefined : generatedNamePattern(expected.namePrefix, NOTEBOOK_NAME_LENGTH);
  const found: LeftBehind[] = [];
  for (const n of notebooks) {
    if (n.id === undefined || GONE_STATUSES.has(String(n.status))) continue;
    const tag = recordedOwnerTag(n);
    if (tag !== undefined) {
      if (tagIsNamesake(tag, expected.mark)) {
        const owner = tagOwner(tag);
        const which =
          owner === readableOwner(expected.mark)
            ? `another deployment of ${owner}`
            : `${readableOwner(expected.mark)} by an earlier version of pulumi-modelarts`;
        found.push({ notebook: n, owner, why: `carries the owner mark of ${which}` });
      }
      continue;
    }
    if (n.name === expected.generatedName) continue; // this deployment's own: isOwned resumes it
    const sameName =
      expected.generatedName === undefined
        ? n.name === expected.name
        : generatedPattern !== undefined && typeof n.name === "string" && generatedPattern.test(n.name);
    const recent = typeof n.create_at === "number" && nowMs - n.create_at <= LEFT_BEHIND_WINDOW_MS;
    if (sameName && recent && n.flavor === expected.flavor && n.image?.id === expected.imageId) {
      found.push({
        notebook: n,
        why: `has no owner tag, was created ${isoFromEpochMs(n.create_at)} with the same flavor and image`,
      });
    }
  }
  return found;
}

/**
 * How far the service's clock may be behind ours when comparing a notebook's `create_at` with the time our POST
 * was sent. Generous on purpose: the other conditions (same name, no owner tag, same flavor, image and volume) are
 * what identify the notebook; the time only keeps older namesakes out.
 */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * After a create whose answer was lost: the notebook that POST made, if it can be told apart. Candidates have the
 * declared name, no owner tag (ours would be untagged: the tag comes after the answer), were not listed before the
 * POST (`existedBefore`: a namesake someone made minutes earlier is not ours, however alike), a `create_at` after the
 * POST was sent, and the declared flavor, image and volume category. Exactly one is ours; none means the POST was
 * not applied; several cannot be told apart, and the caller stops rather than take someone else's.
 */
export async function findLostCreate(
  client: NotebooksClient,
  expected: { name: string; flavor: string; imageId: string; volumeCategory: string; workspaceId: string },
  postSentAtMs: number,
  existedBefore: ReadonlySet<string>,
): Promise<Notebook[]> {
  const named = await client.listNotebooks({ name: expected.name, workspace_id: expected.workspaceId });
  const mayBeOurs = (n: Notebook) =>
    !existedBefore.has(String(n.id)) && recordedOwnerTag(n) === undefined && !GONE_STATUSES.has(String(n.status));
  // The listing was asked for this name: a new, untagged notebook in it whose name cannot be read may be the one.
  const unreadable = named.find((n) => n.name === undefined && mayBeOurs(n));
  if (unreadable) throw unreadableName(unreadable, "is the one the lost create made");
  return named.filter(
    (n) =>
      n.name === expected.name &&
      mayBeOurs(n) &&
      (typeof n.create_at !== "number" || n.create_at >= postSentAtMs - CLOCK_SKEW_MS) &&
      (n.flavor === undefined || n.flavor === expected.flavor) &&
      (n.image?.id === undefined || n.image.id === expected.imageId) &&
      (n.volume?.category === undefined || n.volume.category.toUpperCase() === expected.volumeCategory),
  );
}

function unreadableName(notebook: Notebook, what: string): ConflictError {
  const id = JSON.stringify(sanitizeServiceText(String(notebook.id)).slice(0, 80));
  return new ConflictError(
    `the service listed notebook ${id} without a readable name, so the provider cannot tell whether it ${what}; ` +
      "nothing was created or changed. Retry when the listing shows its name, or set adoptId",
    "UnreadableListingEntry",
  );
}
