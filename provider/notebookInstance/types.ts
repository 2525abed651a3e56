/**
 * Plain shapes the provider sees (no pulumi.Input): the resource's inputs after `check` filled the defaults,
 * and its outputs. The user-facing `NotebookInstanceArgs` in sdk/ mirror the inputs with pulumi.Input types.
 */

import type { TimeoutsInput } from "../core/timeouts.js";

export type { TimeoutsInput };

export type DesiredStatus = "RUNNING" | "STOPPED";

export interface StorageInput {
  type: "obs";
  path: string;
}

export interface ExtendStorageInput {
  type: string;
  path: string;
}

export interface AutoStopInput {
  enabled: boolean;
  durationSeconds?: number;
  prompt?: boolean;
}

export interface PoolInput {
  id: string;
  type?: string;
  name?: string;
  ownerProjectId?: string;
}

export interface NotebookInstanceInputs {
  /**
   * After check: the declared name, or a generated one. Absent only when `adoptId` is set without a declared
   * name: an adopted instance keeps its own name.
   */
  name?: string;
  /** Prefix of a generated name (the resource name by default); unused when `name` is declared. */
  namePrefix?: string;
  profileId: string;
  flavor: string;
  description: string;
  storage: StorageInput;
  extendStorage?: ExtendStorageInput[];
  autoStop: AutoStopInput;
  annotations?: Record<string, string>;
  workspaceId: string;
  pool?: PoolInput;
  aiProjectId?: string;
  desiredStatus?: DesiredStatus;
  /** true: a replacement may delete the instance's EVS extend storage (core/replacementGuard.ts). */
  allowDataLossOnReplace?: boolean;
  timeouts?: TimeoutsInput;
  adoptId?: string;
  /** With `adoptId`: the owner named on the instance, to take it over from (ownership.ts). */
  adoptOwnedBy?: string;
  /** Internal, set by the SDK: the readable part of the owner mark recorded on the instance (core/ownerMark.ts). */
  __ownerKey?: string;
  /** Internal, set by the SDK and kept by check: the random part of the owner mark (core/ownerMark.ts). */
  __ownerNonce?: string;
  /** Internal, set by the SDK: the resource's URN, for progress lines (core/engineLogSink.ts). */
  __urn?: string;
  /** Internal, Pulumi's: the serialized provider shim. */
  __provider?: string;
}

/** Outputs: the inputs as applied plus what the service reports. */
export interface NotebookInstanceOutputs extends NotebookInstanceInputs {
  /** The name the instance has (an adopted instance keeps its own). */
  name: string;
  instanceId: string;
  status: string;
  url: string;
  targetDomain: string;
  /** ISO 8601 (UTC), like every time an output reports. */
  creationTimestamp: string;
  latestUpdateTimestamp: string;
  flavorDetails: Record<string, unknown> | null;
  profile: { id?: string; name?: string; description?: string; flavorType?: string } | null;
  /** ISO 8601 time of the next automatic stop, or "" when none is scheduled. */
  autoStopAt: string;
  autoStopRemainingSeconds: number | null;
  queuingInfo: { status?: string; rank?: number; remainTimeSeconds?: number } | null;
  failedReasons: { code?: string; message?: string; detail?: Record<string, string> } | null;
}

/** The Pulumi "unknown" sentinel: any input may hold it during preview. */
export { UNKNOWN_VALUE as UNKNOWN } from "../../protocol/validation/validators.js";

/** Key of the serialized provider in inputs and outputs. */
