/**
 * The forms of the storage URIs the notebooks API takes, per category [notebooks §4.2, §12]: an OBS directory
 * (`obs://bucket/dir/`) for OBS and OBSFS, an SFS Turbo path (`<address or name>:/<path>`) for EFS. Shared by a
 * Notebook's `volume.uri` and a NotebookStorageMount's `uri`; schema.json already refused what no category allows
 * (control characters, "." and ".." segments), so these rules only look at the shape.
 */

/**
 * `obs://` and a bucket name (3 to 63 of lower-case letters, digits, "." and "-", starting and ending with a letter
 * or digit), then directories, ending in "/": a mount is a directory (§12's `obs://bucket/dir/`).
 */
const OBS_DIRECTORY = /^obs:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[^/\s]+\/)*$/;

/**
 * A host (an address or a DNS name such as `<id>.sfsturbo.internal`), ":" and an absolute path without spaces; not
 * "://", which is a URL's scheme (an `obs://` URI is not an SFS Turbo path).
 */
const SFS_TURBO_PATH = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?:\/(?!\/)\S*$/;

/** Why `uri` does not have the form `category` needs, as a check failure of `property`; undefined when it does. */
export function storageUriFailure(
  property: string,
  category: unknown,
  uri: string,
): { property: string; reason: string } | undefined {
  const got = JSON.stringify(uri.length > 80 ? `${uri.slice(0, 80)}…` : uri);
  if ((category === "OBS" || category === "OBSFS") && !OBS_DIRECTORY.test(uri)) {
    return {
      property,
      reason: `${property} must be an OBS directory such as "obs://bucket/dir/" for category ${category} (got ${got})`,
    };
  }
  if (category === "EFS" && !SFS_TURBO_PATH.test(uri)) {
    return {
      property,
      reason: `${property} must be an SFS Turbo path such as "192.168.0.1:/share/" for category EFS (got ${got})`,
    };
  }
  return undefined;
}
