/**
 * Record → wire notebook object [notebooks §3], shaped like the OTC examples: integer ms
 * timestamps, `url` from creation on (the show example has it while CREATING), the image object of the
 * create example, and the `token` secret, which is rendered here and never stored.
 */
import { FAKE_NOTEBOOK_TOKEN } from "../shared/defaults.js";
import { phaseAt, statusAt } from "../shared/phases.js";
import { findNotebookFlavor } from "./flavorCatalog.js";
import { findNotebookImage, notebookImageWire } from "./imageCatalog.js";
import { leaseWire } from "./lease.js";
import { actionProgress } from "./timeline.js";
import type { EndpointRecord, NotebookRecord, StorageMountRecord } from "./types.js";

export interface NotebookRenderContext {
  now: number;
  region: string;
}

/** The web (JupyterLab) URL, in the form of the OTC start example. */
export function notebookUrl(record: NotebookRecord, region: string): string {
  return `https://authoring-modelarts-${region}.huaweicloud.com/${record.id}/lab`;
}

/** A stable fake SSH port per notebook, so `endpoints[SSH].uri` does not change between reads. */
function sshPort(id: string): number {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return 30000 + (hash % 2768);
}

function endpointWire(endpoint: EndpointRecord, record: NotebookRecord, region: string): Record<string, unknown> {
  const wire: Record<string, unknown> = { service: endpoint.service, dev_service: endpoint.service };
  // The SDKs and Terraform read key_pair_names; OTC's ssh_keys is not sent ([notebooks §19] question 5).
  if (endpoint.keyPairNames !== undefined) wire.key_pair_names = [...endpoint.keyPairNames];
  if (endpoint.allowedAccessIps !== undefined) wire.allowed_access_ips = [...endpoint.allowedAccessIps];
  wire.uri =
    endpoint.service === "SSH"
      ? `ssh://dev-modelarts-${region}.huaweicloud.com:${sshPort(record.id)}`
      : notebookUrl(record, region);
  return wire;
}

export function storageWire(mount: StorageMountRecord, now: number): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    category: mount.category,
    id: mount.id,
    mount_path: mount.mountPath,
    status: statusAt(mount.timeline, now),
    uri: mount.uri,
  };
  if (mount.efsId !== undefined) wire.efs_id = mount.efsId;
  return wire;
}

function volumeWire(record: NotebookRecord, now: number): Record<string, unknown> {
  const v = record.volume;
  const wire: Record<string, unknown> = {
    capacity: v.capacity,
    category: v.category,
    mount_path: v.mountPath,
    mount_type: "STATIC",
    ownership: v.ownership,
  };
  if (v.uri !== undefined) wire.uri = v.uri;
  if (v.id !== undefined) wire.id = v.id;
  if (v.readOnly !== undefined) wire.read_only = v.readOnly;
  // Only the EVS resize status is documented [notebooks §4.2]; outside a resize nothing is reported.
  if (v.resizingUntil !== undefined && v.resizingUntil > now) wire.status = "RESIZING";
  return wire;
}

function dataVolumesWire(record: NotebookRecord, now: number): Record<string, unknown>[] {
  const fixed = record.staticVolumes.map((v) => ({
    category: v.category,
    mount_path: v.mountPath ?? "/data/",
    mount_type: "STATIC",
    status: "MOUNTED",
    url: v.uri ?? "",
  }));
  // A mount whose unmount has ended is no longer listed, as in the storage listing.
  const dynamic = record.mounts
    .filter((m) => statusAt(m.timeline, now) !== "GONE")
    .map((m) => ({
      category: m.category,
      mount_path: m.mountPath,
      mount_type: "DYNAMIC",
      status: statusAt(m.timeline, now),
      url: m.uri,
    }));
  return [...fixed, ...dynamic];
}

/** `list: true` leaves out `action_progress`, as the list item model NotebookResp does [notebooks §3]. */
export function renderNotebook(
  record: NotebookRecord,
  context: NotebookRenderContext,
  options: { list?: boolean } = {},
): Record<string, unknown> {
  const { now, region } = context;
  const { current } = phaseAt(record.timeline, now);
  const status = current.status;
  const image = findNotebookImage(record.imageId);
  const free = findNotebookFlavor(record.flavor)?.free ?? false;
  const wire: Record<string, unknown> = {
    billing_items: free ? ["STORAGE"] : ["COMPUTE", "STORAGE"],
    create_at: record.createdAt,
    data_volumes: dataVolumesWire(record, now),
    description: record.description,
    endpoints: record.endpoints.map((e) => endpointWire(e, record, region)),
    feature: record.feature,
    flavor: record.flavor,
    id: record.id,
    image: image ? notebookImageWire(image, region) : { id: record.imageId },
    lease: leaseWire(record.lease),
    name: record.name,
    status,
    tags: record.tags.map((t) => ({ key: t.key, value: t.value })),
    token: FAKE_NOTEBOOK_TOKEN,
    // A status change is an update too: the later of the last modification and the current phase's start.
    update_at: Math.max(record.updatedAt, current.at),
    url: notebookUrl(record, region),
    user: {
      domain: { id: record.user.domainId, name: record.user.domainName },
      id: record.user.id,
      name: record.user.name,
    },
    user_id: record.user.id,
    volume: volumeWire(record, now),
    workspace_id: record.workspaceId,
  };
  if (!options.list) wire.action_progress = actionProgress(record.timeline, now);
  if ((status === "CREATE_FAILED" || status === "START_FAILED") && record.failReason !== null) {
    wire.fail_reason = record.failReason;
  }
  if (record.poolId !== undefined) wire.pool = { id: record.poolId, name: record.poolId };
  if (record.extras.customSpec !== undefined) wire.custom_spec = record.extras.customSpec;
  if (record.extras.hooks !== undefined) wire.hooks = record.extras.hooks;
  if (record.extras.affinity !== undefined) wire.affinity = record.extras.affinity;
  if (record.extras.runUser !== undefined) wire.run_user = record.extras.runUser;
  if (record.extras.userVpc !== undefined) wire.user_vpc = record.extras.userVpc;
  return wire;
}
