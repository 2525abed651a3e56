/**
 * Turns a checked create request into a stored notebook, filling the defaults the docs name (notebooks API
 * reference [notebooks §4, §18]): capacity 5 GB for EVS and 50 GB for EFS, feature NOTEBOOK, workspace "0", mount path
 * /home/ma-user/work/, and the lease (enabled for one hour, TIMING, unless `duration: -1`).
 */
import { randomUUID } from "node:crypto";
import type { NotebookFeature } from "../../protocol/notebooks/wireTypes.js";
import { CUSTOM_FLAVOR_CODE } from "./flavorCatalog.js";
import { leaseAtCreate } from "./lease.js";
import type { NotebookCreateInput } from "./requestChecks.js";
import { planCreate } from "./timeline.js";
import type { EndpointRecord, NotebookRecord } from "./types.js";

const DEFAULT_CAPACITY_GB = { EVS: 5, EFS: 50 } as const;
const DEFAULT_MOUNT_PATH = "/home/ma-user/work/";

export interface NotebookCreateContext {
  projectId: string;
  user: NotebookRecord["user"];
  now: number;
  timeScale: number;
  /** Set when an admin fault makes this create end in CREATE_FAILED. */
  failReason?: string;
}

export function endpointsFrom(input: NotebookCreateInput["endpoints"]): EndpointRecord[] {
  return (input ?? []).map((e) => ({
    service: e.service ?? "NOTEBOOK",
    keyPairNames: e.key_pair_names,
    allowedAccessIps: e.allowed_access_ips,
  }));
}

export function createNotebookRecord(input: NotebookCreateInput, context: NotebookCreateContext): NotebookRecord {
  const { now, timeScale } = context;
  const v = input.volume;
  const lease = leaseAtCreate(now, input.duration, input.lease);
  return {
    id: randomUUID(),
    projectId: context.projectId,
    name: input.name,
    description: input.description ?? "",
    feature: (input.feature ?? "NOTEBOOK") as NotebookFeature,
    flavor: input.flavor ?? CUSTOM_FLAVOR_CODE,
    imageId: input.image_id,
    volume: {
      category: v.category,
      ownership: v.ownership,
      // The capacity is an EVS setting [notebooks §4.2]; EFS always shows 50 (OTC start example).
      capacity: v.category === "EVS" ? (v.capacity ?? DEFAULT_CAPACITY_GB.EVS) : DEFAULT_CAPACITY_GB.EFS,
      mountPath: v.mount_path ?? DEFAULT_MOUNT_PATH,
      uri: v.uri,
      id: v.id,
      readOnly: v.read_only,
      dewSecretName: v.dew_secret_name,
    },
    endpoints: endpointsFrom(input.endpoints),
    staticVolumes: (input.data_volumes ?? []).map((d) => ({
      category: d.category,
      ownership: d.ownership,
      uri: d.uri,
      mountPath: d.mount_path,
      readOnly: d.read_only,
    })),
    mounts: [],
    lease,
    poolId: input.pool_id,
    workspaceId: input.workspace_id ?? "0",
    extras: {
      customSpec: input.custom_spec,
      hooks: input.hooks,
      affinity: input.affinity,
      runUser: input.run_user,
      userVpc: input.user_vpc,
    },
    tags: [],
    user: context.user,
    createdAt: now,
    updatedAt: now,
    timeline: planCreate(now, context.failReason !== undefined, lease, timeScale),
    failReason: context.failReason ?? null,
  };
}
