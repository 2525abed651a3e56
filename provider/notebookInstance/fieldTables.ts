import type { NotebookInstanceInputs } from "./types.js";

/**
 * Inputs the demanager API cannot change on an existing instance (PUT takes only description and auto_stop,
 * API reference §3.3): a change replaces the instance. `annotations` are only accepted at create.
 */
export const REPLACE_ON_CHANGE = [
  "name",
  "profileId",
  "flavor",
  "storage",
  "extendStorage",
  "workspaceId",
  "pool",
  "aiProjectId",
  "annotations",
] as const satisfies readonly (keyof NotebookInstanceInputs)[];

/** Inputs changed in place: description and autoStop with PUT, desiredStatus with start/stop. */
export const UPDATE_IN_PLACE = [
  "description",
  "autoStop",
  "desiredStatus",
] as const satisfies readonly (keyof NotebookInstanceInputs)[];

/** Inputs that steer the provider only; a change never causes an API call. */
export const PROVIDER_ONLY = [
  "timeouts",
  "adoptId",
  "namePrefix",
] as const satisfies readonly (keyof NotebookInstanceInputs)[];

/** Default timeouts (Terraform's notebook resource fixes 20 minutes; queues for free flavors can be long). */
export const DEFAULT_TIMEOUTS = { create: "30m", update: "20m", delete: "20m" } as const;

/** Default for `workspaceId` (the API's default workspace, §2.1). */
export const DEFAULT_WORKSPACE_ID = "0";
