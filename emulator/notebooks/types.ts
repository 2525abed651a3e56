/**
 * Stored records of the notebooks (v2) family. Wire shapes are built from these in `render.ts`. As for
 * demanager records, a status is never stored as such: it is computed from the scheduled phases.
 */
import type {
  LeaseType,
  NotebookFeature,
  NotebookStatus,
  StorageMountStatus,
} from "../../protocol/notebooks/wireTypes.js";

/** `GONE` is internal: the notebook finished deleting (or the mount finished unmounting) and is not found. */
export type NotebookPhaseStatus = NotebookStatus | "GONE";

export interface NotebookPhase {
  status: NotebookPhaseStatus;
  at: number;
  /** Set on the STOPPING and STOPPED phases the lease scheduled, so a lease renewal can replace them. */
  autoStop?: true;
}

export interface MountPhase {
  status: StorageMountStatus | "GONE";
  at: number;
}

/** The lease as the service keeps it [notebooks §9]: deadline = createAt + duration. */
export interface LeaseRecord {
  /** Epoch ms; set at create and kept for the notebook's life (start and stop examples, [notebooks §9]). */
  createAt: number;
  updateAt: number;
  /** Nominal milliseconds: the real deadline is createAt + duration × timeScale. */
  duration: number;
  enable: boolean;
  type: LeaseType;
}

export interface VolumeRecord {
  category: string;
  ownership: string;
  capacity: number;
  mountPath: string;
  uri?: string;
  id?: string;
  readOnly?: boolean;
  dewSecretName?: string;
  /** Epoch ms until which an EVS resize is running (`volume.status` RESIZING, [notebooks §4.2]). */
  resizingUntil?: number;
}

export interface EndpointRecord {
  service: string;
  keyPairNames?: string[];
  allowedAccessIps?: string[];
}

/** Storage given at create time (`data_volumes`): mounted with the notebook, `mount_type` STATIC. */
export interface StaticVolumeRecord {
  category: string;
  ownership: string;
  uri?: string;
  mountPath?: string;
  readOnly?: boolean;
}

/** A storage mounted while running [notebooks §12]. */
export interface StorageMountRecord {
  id: string;
  /** As the service answers it: a request for OBS comes back as OBSFS ([notebooks §12], OTC example). */
  category: string;
  mountPath: string;
  uri: string;
  efsId?: string;
  timeline: MountPhase[];
}

export interface NotebookTagRecord {
  key: string;
  value: string;
}

export interface NotebookRecord {
  id: string;
  projectId: string;
  name: string;
  description: string;
  feature: NotebookFeature;
  /** Flavor code; `custom.flavor.spec.code` when created with `custom_spec` [notebooks §3]. */
  flavor: string;
  imageId: string;
  volume: VolumeRecord;
  endpoints: EndpointRecord[];
  staticVolumes: StaticVolumeRecord[];
  mounts: StorageMountRecord[];
  lease: LeaseRecord;
  poolId?: string;
  workspaceId: string;
  /** Echoed as sent (wire objects the emulator does not interpret). */
  extras: { customSpec?: unknown; hooks?: unknown; affinity?: unknown; runUser?: unknown; userVpc?: unknown };
  tags: NotebookTagRecord[];
  user: { id: string; name: string; domainId: string; domainName: string };
  createdAt: number;
  updatedAt: number;
  timeline: NotebookPhase[];
  /** Shown while CREATE_FAILED or START_FAILED. */
  failReason: string | null;
}
