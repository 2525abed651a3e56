/**
 * Everything that lives in the state file: both API families share one file (and so one Store). Files written
 * before the notebooks family existed simply lack its keys, which start empty. The record types are each family's
 * own, named here as types only.
 */
import type { InstanceRecord } from "../demanager/types.js";
import type { NotebookRecord } from "../notebooks/types.js";

export interface State {
  version: 1;
  /** Instances of the demanager v1 API (`/v1/{project_id}/demanager/instances`). */
  instances: InstanceRecord[];
  /** Admin sold-out marks of the demanager flavors, by name. */
  soldOutFlavors: string[];
  /** Notebooks of the v2 API (`/v1/{project_id}/notebooks`). */
  notebooks: NotebookRecord[];
  /** Admin overrides of the v2 flavor catalogue's sold-out marks, by flavor id. */
  notebookSoldOut: Record<string, boolean>;
}

export function emptyState(): State {
  return { version: 1, instances: [], soldOutFlavors: [], notebooks: [], notebookSoldOut: {} };
}
