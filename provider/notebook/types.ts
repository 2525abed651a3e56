/**
 * Plain shapes the provider sees for a Notebook (notebooks API): the inputs after `check` filled the defaults,
 * and the outputs. The user-facing `NotebookArgs` in sdk/ mirror the inputs with pulumi.Input types.
 */
import type { TimeoutsInput } from "../core/timeouts.js";

export type NotebookPowerState = "RUNNING" | "STOPPED";

export interface NotebookVolumeInput {
  category: "EVS" | "EFS" | "OBS" | "OBSFS";
  /** Default MANAGED; DEDICATED is for EFS (SFS Turbo) only. */
  ownership: "MANAGED" | "DEDICATED";
  /** EVS only; default 5. Grows in place, never shrinks. */
  capacityGb?: number;
  uri?: string;
  id?: string;
  mountPath?: string;
  readOnly?: boolean;
  dewSecretName?: string;
}

export interface NotebookSshInput {
  keyPairName: string;
  allowedAccessIps?: string[];
}

export interface NotebookAutoStopInput {
  enabled: boolean;
  /** Running time before the automatic stop, in seconds (the API counts milliseconds). */
  durationSeconds?: number;
  type?: "TIMING" | "IDLE";
}

export interface NotebookInputs {
  /** After check: the declared name, or a generated one; absent only when adopting without a declared name. */
  name?: string;
  namePrefix?: string;
  description: string;
  flavor: string;
  imageId: string;
  volume: NotebookVolumeInput;
  ssh?: NotebookSshInput;
  poolId?: string;
  workspaceId: string;
  autoStop?: NotebookAutoStopInput;
  tags?: Record<string, string>;
  desiredStatus?: NotebookPowerState;
  /** true: a replacement may delete the notebook's own volume (core/replacementGuard.ts). */
  allowDataLossOnReplace?: boolean;
  timeouts?: TimeoutsInput;
  adoptId?: string;
  /** With `adoptId`: the owner named on the notebook's owner tag, to take it over from (adoption.ts). */
  adoptOwnedBy?: string;
  /** Internal, set by the SDK: the readable part of the owner mark (core/ownerMark.ts). */
  __ownerKey?: string;
  /** Internal, set by the SDK and kept by check: the random part of the owner mark (core/ownerMark.ts). */
  __ownerNonce?: string;
  /** Internal, set by the SDK: the resource's URN, for progress lines (core/engineLogSink.ts). */
  __urn?: string;
  /** Internal, Pulumi's: the serialized provider shim. */
  __provider?: string;
}

export interface NotebookImageOutput {
  id?: string;
  name?: string;
  swrPath?: string;
  tag?: string;
  type?: string;
}

export interface NotebookLeaseOutput {
  enabled: boolean;
  /**
   * As the service reports it: counted from the lease's start, so it grows with every renewal. Absent when the
   * service does not report it.
   */
  durationSeconds?: number;
  type: string;
  createdAt: string;
  updatedAt: string;
}

export interface NotebookOutputs extends NotebookInputs {
  name: string;
  notebookId: string;
  status: string;
  /** JupyterLab URL; empty until the service gives one. */
  url: string;
  failReason: string;
  image: NotebookImageOutput | null;
  /** ISO 8601 time of the next automatic stop, or "" when none is scheduled. */
  autoStopAt: string;
  lease: NotebookLeaseOutput | null;
  volumeStatus: string;
  sshUri: string;
  createdAt: string;
  updatedAt: string;
}
