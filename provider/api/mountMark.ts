import { createHash } from "node:crypto";

/**
 * A storage mount's mark: how a Notebook can tell that a `NotebookStorageMount` of this package mounted a storage.
 * The mount itself has nothing to carry one (the attach body is category, mount path, uri and SFS Turbo id; a mount
 * has no tags or annotations [notebooks §12]), and the notebook's answer lists its mounts without ids
 * (`data_volumes` [notebooks §3]), so the mark is a tag of the notebook keyed by the mount path, which is unique
 * among a notebook's live mounts:
 * key `pulumi-modelarts.mount.<16 hex digits of the path's hash>`, value `<16 hex digits of the uri's hash> <path>`.
 * Hashes, because tag keys and values allow only letters, digits, spaces and `_ . : = + - @` (values also `/`)
 * [notebooks §13], and a uri may hold any character; the path after the hash is for people reading the tags.
 *
 * The mount writes its mark before it mounts and removes it after its unmount (storageMount/mountMarkTag.ts), so a
 * storage is marked only while a NotebookStorageMount declares this path and this uri: one mounted at a marked
 * path with another uri, or at a path without a mark, is not this package's. Like the owner tag, anyone who may tag
 * the notebook could write one by hand; nothing else writes keys of this form.
 */
export const MOUNT_MARK_PREFIX = "pulumi-modelarts.mount.";

const HASH_LENGTH = 16;
const MAX_VALUE_LENGTH = 255;

/** Paths and URIs compare without trailing slashes, as the mount's own look-ups do (`/data/x/` is `/data/x`). */
function canonical(text: string): string {
  return text.replace(/\/+$/, "");
}

function hashOf(text: string): string {
  return createHash("sha256").update(canonical(text)).digest("hex").slice(0, HASH_LENGTH);
}

/** The tag key of the mark for a mount at `mountPath`. */
export function mountMarkKey(mountPath: string): string {
  return `${MOUNT_MARK_PREFIX}${hashOf(mountPath)}`;
}

/** The mark's tag: the key of the path, the uri's hash and the readable path (with what a tag value cannot hold as "-"). */
export function mountMarkTag(mountPath: string, uri: string): { key: string; value: string } {
  const readable = mountPath.replace(/[^\p{L}\p{N} _.:=+\-@/]/gu, "-").slice(0, MAX_VALUE_LENGTH - HASH_LENGTH - 1);
  return { key: mountMarkKey(mountPath), value: `${hashOf(uri)} ${readable}` };
}

/** Whether a tag key is a mount's mark (not a user's tag). */
export function isMountMarkKey(key: string): boolean {
  return key.startsWith(MOUNT_MARK_PREFIX);
}

/** Whether the recorded value of the mark at a path says that `uri` is the storage a NotebookStorageMount mounted there. */
export function markNamesUri(value: string | undefined, uri: string): boolean {
  return (
    typeof value === "string" &&
    value.slice(0, HASH_LENGTH) === hashOf(uri) &&
    (value.length === HASH_LENGTH || value[HASH_LENGTH] === " ")
  );
}

/**
 * Whether the notebook's tags mark the storage at `mountPath` with `uri` as mounted by a NotebookStorageMount.
 * Without a readable path or uri nothing can be checked, so the answer is no.
 */
export function isMarkedMount(
  tags: readonly { key: string; value?: string }[] | undefined,
  mountPath: string | undefined,
  uri: string | undefined,
): boolean {
  if (mountPath === undefined || mountPath === "" || uri === undefined || uri === "") return false;
  const key = mountMarkKey(mountPath);
  return (tags ?? []).some((tag) => tag.key === key && markNamesUri(tag.value, uri));
}
