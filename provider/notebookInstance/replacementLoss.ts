/**
 * What deleting a NotebookInstance deletes with it, for the replacement guard (frame/replacementGuard.ts). Its
 * `storage` is an OBS directory (the only type this provider takes [demanager §2.1]), and the files in an OBS path
 * survive the instance's deletion [demanager §3.4, the UMN]: a replacement finds them again. An `evs` entry of
 * `extendStorage` is a disk, removed with "all of its storage resources" [demanager §3.4]; obs and obsfs entries are
 * the user's buckets.
 */
export function lostByReplacement(olds: object): string | undefined {
  const { extendStorage } = olds as Record<string, unknown>;
  const extra = Array.isArray(extendStorage) ? (extendStorage as unknown[]) : [];
  const disks = extra.filter(
    (s): s is Record<string, unknown> =>
      typeof s === "object" && s !== null && String((s as Record<string, unknown>).type).toLowerCase() === "evs",
  );
  if (disks.length === 0) return undefined;
  const paths = disks.map((d) => JSON.stringify(d.path ?? "")).join(", ");
  return `its EVS extend storage (path ${paths}) and every file saved on it`;
}
