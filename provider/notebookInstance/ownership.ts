import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import { readableOwner } from "../frame/ownerMark.js";
import { GONE_STATUSES } from "./statusClasses.js";
import { OWNER_ANNOTATION } from "./mapping.js";

/**
 * The owner mark (frame/ownerMark.ts: `<project>/<stack>/<resource>#<random>`, the readable part alone for
 * instances made before the random part existed) is recorded on the instance at create, in the
 * `pulumi-modelarts/owner` annotation of the create body itself. It is how the provider recognises its own
 * instances: after a create whose answer was lost, and after a run that was interrupted before Pulumi recorded
 * the instance. An instance without this mark is never adopted or deleted by accident.
 */

/** The owner mark recorded on an instance at create, if any. */
export function recordedOwnerKey(instance: Instance): string | undefined {
  const value = instance.spec?.annotations?.[OWNER_ANNOTATION];
  return typeof value === "string" ? value : undefined;
}

/** The owner an instance's mark names, as `adoptOwnedBy` must repeat it (readableOwner), if it carries one. */
export function markedOwner(instance: Instance): string | undefined {
  const recorded = recordedOwnerKey(instance);
  return recorded === undefined ? undefined : readableOwner(recorded);
}

/**
 * Live instances (not deleting or deleted) that carry this owner mark, whatever their name (`owned`); with the
 * shared listing, every instance it showed (`all`) and their ids (`listed`): taken before a POST, they are what
 * that POST cannot have made. Many creates start at once, so they share one recent listing
 * (DemanagerClient.listInstancesRecent); what it shows of this owner is confirmed with a fresh GET, so an instance
 * deleted since (the old one of a replacement) is never taken for ours.
 */
export async function findOwnedInstances(
  client: DemanagerClient,
  mark: string,
  workspaceId: string | undefined,
  options: { fresh?: boolean } = {},
): Promise<{ owned: Instance[]; all: readonly Instance[]; listed: ReadonlySet<string> }> {
  const query = workspaceId === undefined ? {} : { workspace_id: workspaceId };
  const instances = options.fresh ? await client.listInstances(query) : await client.listInstancesRecent(query);
  const listed = new Set(instances.map((i) => i.id));
  const candidates = instances.filter((i) => recordedOwnerKey(i) === mark && !GONE_STATUSES.has(String(i.status)));
  if (options.fresh) return { owned: candidates, all: instances, listed };
  const confirmed = await Promise.all(candidates.map((i) => client.findInstance(i.id)));
  const owned = confirmed.filter(
    (i): i is Instance => i !== undefined && recordedOwnerKey(i) === mark && !GONE_STATUSES.has(String(i.status)),
  );
  return { owned, all: instances, listed };
}

/**
 * Live instances carrying another deployment's mark of the same `<project>/<stack>/<resource>` (a run interrupted
 * before Pulumi recorded the create, whose random part was never kept; or a stack of the same name on another state
 * backend), or the mark an earlier version gave this resource. A create names them and never touches them.
 */
export function leftBehindInstances(instances: readonly Instance[], mark: string): Instance[] {
  const readable = readableOwner(mark);
  return instances.filter((i) => {
    const recorded = recordedOwnerKey(i);
    return (
      recorded !== undefined &&
      recorded !== mark &&
      readableOwner(recorded) === readable &&
      !GONE_STATUSES.has(String(i.status))
    );
  });
}
