/** Looking up a notebook (or one of its storage mounts) that a request names, with the configured not-found answer. */
import type { RoutedRequest } from "../shared/router.js";
import { statusAt } from "../shared/phases.js";
import type { ServiceContext } from "../shared/context.js";
import type { State } from "../shared/state.js";
import { notebookErrors } from "./errors.js";
import type { NotebookRecord, StorageMountRecord } from "./types.js";

/** The path names the notebook `{id}`, `{instance_id}` (storage routes) or `{resource_id}` (tag routes), as the SDK does. */
export function notebookIdOf(request: RoutedRequest): string | undefined {
  return request.params.id ?? request.params.instance_id ?? request.params.resource_id;
}

/** A notebook of this project that has not finished deleting, else the `notFound` switch's answer [notebooks §5]. */
export function findLiveNotebook(state: State, request: RoutedRequest, service: ServiceContext): NotebookRecord {
  const id = notebookIdOf(request);
  const now = service.now();
  const record = state.notebooks.find((r) => r.id === id && r.projectId === request.params.project_id);
  if (record === undefined || statusAt(record.timeline, now) === "GONE") {
    throw notebookErrors.notFound(service.switches.notFound, `notebook ${id ?? ""}`.trim());
  }
  return record;
}

export function findLiveMount(
  record: NotebookRecord,
  request: RoutedRequest,
  service: ServiceContext,
): StorageMountRecord {
  const id = request.params.storage_id;
  const mount = record.mounts.find((m) => m.id === id);
  if (mount === undefined || statusAt(mount.timeline, service.now()) === "GONE") {
    throw notebookErrors.notFound(service.switches.notFound, `storage ${id ?? ""}`.trim());
  }
  return mount;
}
