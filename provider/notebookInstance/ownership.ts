import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import { GONE_STATUSES } from "./statusClasses.js";
import { OWNER_ANNOTATION } from "./mapping.js";

/**
 * Internal input set by the SDK: `<project>/<stack>/<resource name>`. Recorded on the instance at create (the
 * `pulumi-modelarts/owner` annotation), it is how the provider recognises its own instances: after a create whose
 * answer was lost, and after a run that was interrupted before Pulumi recorded the instance. An instance without
 * this mark is never adopted or deleted by accident.
 */
export const OWNER_KEY_INPUT = "__ownerKey";

/** The owner key of a create: the SDK's, or (in-process use without the SDK) one derived from the name. */
export function ownerKeyOf(inputs: { __ownerKey?: string }, name: string): string {
  const key = inputs.__ownerKey;
  return typeof key === "string" && key !== "" ? key : `in-process/${name}`;
}

/** The owner key recorded on an instance at create, if any. */
export function recordedOwnerKey(instance: Instance): string | undefined {
  const value = instance.spec?.annotations?.[OWNER_ANNOTATION];
  return typeof value === "string" ? value : undefined;
}

/**
 * Live instances (not deleting or deleted) that carry this owner key, whatever their name. Many creates start at
 * once, so they share one recent listing (DemanagerClient.listInstancesRecent); what it shows of this owner is
 * confirmed with a fresh GET, so an instance deleted since (the old one of a replacement) is never taken for ours.
 */
export async function findOwnedInstances(
  client: DemanagerClient,
  ownerKey: string,
  workspaceId: string | undefined,
  options: { fresh?: boolean } = {},
): Promise<Instance[]> {
  const query = workspaceId === undefined ? {} : { workspace_id: workspaceId };
  const listed = options.fresh ? await client.listInstances(query) : await client.listInstancesRecent(query);
  const candidates = listed.filter((i) => recordedOwnerKey(i) === ownerKey && !GONE_STATUSES.has(String(i.status)));
  if (options.fresh) return candidates;
  const confirmed = await Promise.all(candidates.map((i) => client.findInstance(i.id)));
  return confirmed.filter(
    (i): i is Instance => i !== undefined && recordedOwnerKey(i) === ownerKey && !GONE_STATUSES.has(String(i.status)),
  );
}
