/**
 * Plain shapes the provider sees (no pulumi.Input): the resource's inputs after `check` filled the defaults,
 * and its outputs. The user-facing `NotebookInstanceArgs` in sdk/ mirror the inputs with pulumi.Input types.
 */

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

export interface TimeoutsInput {
  create?: string;
  update?: string;
  delete?: string;
}

export interface NotebookInstanceInputs {
  /** Always set after check: the declared name, or the generated one. */
  name: string;
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
  timeouts?: TimeoutsInput;
  adoptId?: string;
}

/** Outputs: the inputs as applied plus what the service reports. */
export interface NotebookInstanceOutputs extends NotebookInstanceInputs {
  instanceId: string;
  status: string;
  url: string;
  targetDomain: string;
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
export const PROVIDER_KEY = "__provider";
