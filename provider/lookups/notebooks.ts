import { NOTEBOOK_STATUSES, type Notebook } from "../../protocol/notebooks/wireTypes.js";
import { ConfigurationError, ConflictError } from "../base/errors.js";
import type { NotebookListQuery, NotebooksClient } from "../api/NotebooksClient.js";
import { sanitizeServiceText } from "../base/redact.js";
import { operationError, type Subject } from "../base/operationError.js";
import { NOTEBOOK_NAME_LENGTH } from "../notebook/fields.js";
import { userTags } from "../notebook/mapping.js";
import { recordedOwnerTag, tagOwner } from "../notebook/ownerTag.js";
import type { GetNotebooksArgs, GetNotebooksResult, NotebookInfo } from "./lookupShapes.js";

export type { GetNotebooksArgs, GetNotebooksResult, NotebookInfo } from "./lookupShapes.js";

const SUBJECT: Subject = { kind: "notebooks" };

/**
 * The project's notebooks (GET /v1/{project_id}/notebooks, every page, bounded: api/boundedListing.ts), filtered:
 * what a user adopts or imports, and how a program tells whether a name is taken. The listing's own filters are
 * used where they are exact (`status`, `flavor`, `image_id`, `workspace_id`); its `name` is fuzzy [notebooks §6], so
 * an exact name is sent to narrow the listing and compared here, and the name pattern and the tags are matched here
 * only. Every filter the service applied is checked again on each entry, so a service that ignores one cannot hand
 * back notebooks that were not asked for. An empty result is an answer (a free name), not a failure. The arguments
 * are checked before `notebooksClient` is asked for. Run by the SDK's `getNotebooks` in the program's process, and
 * by the native provider's invoke `modelarts:index:getNotebooks`.
 */
export async function findNotebooks(
  args: GetNotebooksArgs,
  notebooksClient: () => Promise<NotebooksClient>,
): Promise<GetNotebooksResult> {
  try {
    checkArgs(args);
    const pattern = args.namePattern === undefined ? undefined : globToRegExp(args.namePattern);
    const client = await notebooksClient();
    const query: NotebookListQuery = {
      ...(args.name !== undefined && { name: args.name }),
      ...(args.status !== undefined && { status: args.status }),
      ...(args.flavor !== undefined && { flavor: args.flavor }),
      ...(args.imageId !== undefined && { image_id: args.imageId }),
      ...(args.workspaceId !== undefined && { workspace_id: args.workspaceId }),
    };
    const listed = await client.listNotebooks(query);
    const candidates = listed.filter((n) => matchesBesidesName(n, args));
    // An entry the lookup could return is never skipped for a name it cannot read: an error says which.
    const unreadable = candidates.find((n) => n.name === undefined);
    if (unreadable) throw unreadableName(unreadable);
    const notebooks = (candidates as (Notebook & { name: string })[])
      .filter(
        (n) => (args.name === undefined || n.name === args.name) && (pattern === undefined || pattern.test(n.name)),
      )
      .map(toNotebookInfo)
      .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    return { notebooks };
  } catch (err) {
    throw operationError("look up", SUBJECT, err);
  }
}

/**
 * The filters but the name's. A field the service did not report (null, absent) is taken on the service's word: it
 * was asked for that filter; one it reported with another value is not what was asked for. Tags are read strictly
 * (they carry the owner mark), so every entry has them or none.
 */
function matchesBesidesName(notebook: Notebook, args: GetNotebooksArgs): boolean {
  const tags = new Map((notebook.tags ?? []).map((t) => [t.key, t.value ?? ""]));
  return (
    (args.status === undefined || notebook.status === args.status) &&
    (args.flavor === undefined || notebook.flavor === undefined || notebook.flavor === args.flavor) &&
    (args.imageId === undefined || notebook.image?.id === undefined || notebook.image.id === args.imageId) &&
    (args.workspaceId === undefined ||
      notebook.workspace_id === undefined ||
      notebook.workspace_id === args.workspaceId) &&
    Object.entries(args.tags ?? {}).every(([key, value]) => tags.get(key) === value) &&
    (args.tagKeys ?? []).every((key) => tags.has(key))
  );
}

function toNotebookInfo(notebook: Notebook & { name: string }): NotebookInfo {
  const image = {
    ...(notebook.image?.id !== undefined && { id: notebook.image.id }),
    ...(notebook.image?.name !== undefined && { name: notebook.image.name }),
  };
  const volume = notebook.volume;
  const volumeInfo = {
    ...(volume?.category !== undefined && { category: volume.category.toUpperCase() }),
    ...(volume?.capacity !== undefined && { capacityGb: volume.capacity }),
    ...(volume?.ownership !== undefined && { ownership: volume.ownership.toUpperCase() }),
  };
  const ownerTag = recordedOwnerTag(notebook);
  return {
    id: notebook.id,
    name: notebook.name,
    status: notebook.status,
    ...(notebook.flavor !== undefined && { flavor: notebook.flavor }),
    ...(Object.keys(image).length > 0 && { image }),
    ...(Object.keys(volumeInfo).length > 0 && { volume: volumeInfo }),
    tags: userTags(notebook),
    // What the tag says, as adoption reads it (notebook/adoption.ts): its hash identifies one deployment of the owner,
    // which only that stack's state can check, so nothing more is claimed.
    ...(ownerTag !== undefined && { ownerMark: { tag: ownerTag, owner: tagOwner(ownerTag) } }),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `*` any run of characters, `?` one character, the rest literal; the whole name must match. A notebook name holds
 * only letters, digits, `-` and `_` [notebooks §4.1], so no other wildcard syntax is needed.
 */
export function globToRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "su");
}

function unreadableName(notebook: Notebook): ConflictError {
  return new ConflictError(
    `the service listed notebook ${JSON.stringify(sanitizeServiceText(notebook.id).slice(0, 80))} without a ` +
      "readable name, so the lookup cannot tell whether it matches; retry, or narrow the filters",
    "UnreadableListingEntry",
  );
}

/** Plain JavaScript callers and other languages get a clear message for a value the types would have refused. */
function checkArgs(args: GetNotebooksArgs): void {
  const problems: string[] = [];
  for (const field of ["name", "namePattern", "flavor", "imageId", "workspaceId"] as const) {
    const value = args[field];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      problems.push(`${field} must be a non-empty string (got ${JSON.stringify(value)})`);
    }
  }
  if (typeof args.name === "string" && args.name.length > NOTEBOOK_NAME_LENGTH) {
    problems.push(
      `name must be at most ${NOTEBOOK_NAME_LENGTH} characters, as a notebook's name (got ${args.name.length})`,
    );
  }
  if (args.status !== undefined && !(NOTEBOOK_STATUSES as readonly unknown[]).includes(args.status)) {
    problems.push(`status must be one of ${NOTEBOOK_STATUSES.join(", ")} (got ${JSON.stringify(args.status)})`);
  }
  const tags: unknown = args.tags;
  if (
    tags !== undefined &&
    (tags === null ||
      typeof tags !== "object" ||
      Array.isArray(tags) ||
      Object.values(tags).some((v) => typeof v !== "string"))
  ) {
    problems.push(`tags must map tag keys to values, e.g. { team: "ml" } (got ${JSON.stringify(tags)})`);
  }
  const keys: unknown = args.tagKeys;
  if (keys !== undefined && (!Array.isArray(keys) || keys.some((k) => typeof k !== "string" || k === ""))) {
    problems.push(`tagKeys must be a list of tag keys, e.g. ["team"] (got ${JSON.stringify(keys)})`);
  }
  if (problems.length > 0) throw new ConfigurationError(problems.join("; "), "InvalidLookupArgs");
}
