/**
 * Stored records of the demanager family. Wire shapes (snake_case) are built from these in `render.ts`; records
 * keep what was sent plus the scheduled status transitions, so a status is always computed from timestamps.
 */

import { INSTANCE_STATUSES, type InstanceStatus } from "../../protocol/demanager/wireTypes.js";

/** The documented demanager statuses [demanager §6.1] plus `DELETING`: the provider's own list. */
export type Status = InstanceStatus;

export const STATUSES: readonly Status[] = INSTANCE_STATUSES;

/** `GONE` is internal: the record has finished deleting and answers 6309 from then on. */
export type PhaseStatus = Status | "GONE";

/** One scheduled transition: from `at` (epoch ms) on, the instance is in `status`. */
export interface Phase {
  status: PhaseStatus;
  at: number;
  /** Queuing phases: milliseconds per queue rank, so `queuing_info.rank` counts down to 1. */
  rankStepMs?: number;
  /** Set on the STOPPING phase that auto-stop scheduled, so `stop_timestamp` can be reported. */
  autoStop?: true;
}

export interface AutoStopConfig {
  enable: boolean;
  duration?: number;
  prompt: boolean;
}

export interface FailedReasons {
  code: string;
  message: string;
  detail: Record<string, string>;
}

export interface StorageSpec {
  type: string;
  location?: Record<string, unknown> | null;
}

export interface InstanceRecord {
  id: string;
  projectId: string;
  name: string;
  description: string;
  /** The profile id as the client sent it; the wire `profile.id` is the catalog UUID (seed sample). */
  profileId: string;
  flavor: string;
  storage: StorageSpec;
  extendStorage: StorageSpec[] | null;
  annotations: Record<string, string>;
  autoStop: AutoStopConfig;
  workspaceId: string;
  aiProjectId: string;
  pool: Record<string, unknown> | null;
  user: { id: string; name: string };
  /** Git repository attached by the service (GPU flavors); carries a fake access token. */
  hasRepository: boolean;
  createdAt: number;
  updatedAt: number;
  timeline: Phase[];
  failedReasons: FailedReasons | null;
}
