/**
 * Handlers for the notebook resource itself [notebooks §4–§6, §8]: create, show, the two
 * lists, and delete. Update, start/stop, lease, storage and tags have their own files.
 */
import { errors } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { replan, statusAt } from "../shared/phases.js";
import type { State } from "../shared/state.js";
import { notebookErrors } from "./errors.js";
import { findLiveNotebook } from "./findNotebook.js";
import { findNotebookFlavor, isSoldOut } from "./flavorCatalog.js";
import { findNotebookImage } from "./imageCatalog.js";
import { parseNotebookListQuery, selectNotebooks } from "./listQuery.js";
import { createNotebookRecord } from "./notebookFactory.js";
import { renderNotebook } from "./render.js";
import { checkCreateRequest, jsonBody } from "./requestChecks.js";
import { planDelete } from "./timeline.js";
import type { NotebookRecord } from "./types.js";

export function notebookView(record: NotebookRecord, service: ServiceContext): Record<string, unknown> {
  return renderNotebook(record, { now: service.now(), region: service.region });
}

/**
 * Create answers 200 with the notebook in CREATING [notebooks §4.3]. After the request rules: the flavor must exist
 * (6323), serve the requested feature (6870) and not be sold out (6329); the image must exist (6797). Names
 * may repeat [notebooks §4.1], so there is no 6301 here.
 */
export function createNotebook(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const input = checkCreateRequest(jsonBody(request));
  const feature = input.feature ?? "NOTEBOOK";
  const flavor = input.flavor === undefined ? undefined : findNotebookFlavor(input.flavor);
  if (input.flavor !== undefined && flavor === undefined) throw errors.flavorUnsupported();
  if (flavor !== undefined && flavor.feature !== feature) throw notebookErrors.featureUnsupported(flavor.id, feature);
  if (findNotebookImage(input.image_id) === undefined) throw notebookErrors.imageNotFound(input.image_id);
  return service.store.mutate((state) => {
    if (flavor !== undefined && isSoldOut(flavor, state.notebookSoldOut)) throw errors.soldOut();
    const record = createNotebookRecord(input, {
      projectId: request.params.project_id!,
      user: { ...service.user },
      now: service.now(),
      timeScale: service.timeScale,
      failReason: service.faults.takeNotebookCreateFailure(),
    });
    state.notebooks.push(record);
    return { status: 200, body: notebookView(record, service) };
  });
}

export function showNotebook(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const record = findLiveNotebook(service.store.read(), request, service);
  return { status: 200, body: notebookView(record, service) };
}

function list(request: RoutedRequest, service: ServiceContext, state: State): HandlerResult {
  const query = parseNotebookListQuery(request.query);
  const now = service.now();
  const live = state.notebooks.filter(
    (r) => r.projectId === request.params.project_id && statusAt(r.timeline, now) !== "GONE",
  );
  const page = selectNotebooks(live, query, now);
  const context = { now, region: service.region };
  return { status: 200, body: { ...page, data: page.data.map((r) => renderNotebook(r, context, { list: true })) } };
}

/** The caller's own notebooks [notebooks §6]. The emulator has one IAM user, so this and /all list the same notebooks. */
export function listNotebooks(request: RoutedRequest, service: ServiceContext): HandlerResult {
  return list(request, service, service.store.read());
}

/** Every user's notebooks [notebooks §6]; `owner` filters by user id. */
export function listAllNotebooks(request: RoutedRequest, service: ServiceContext): HandlerResult {
  return list(request, service, service.store.read());
}

/**
 * DELETE answers the notebook in DELETING [notebooks §8], which is gone a little later. Deleting a RUNNING notebook
 * is allowed unless the `deleteRunning` switch says `refused` (6304, [notebooks §19] question 2); a second DELETE while
 * DELETING is 6357.
 */
export function deleteNotebook(request: RoutedRequest, service: ServiceContext): HandlerResult {
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const now = service.now();
    const status = statusAt(record.timeline, now);
    if (status === "DELETING") throw errors.operationNotAllowed();
    if (status === "RUNNING" && service.switches.deleteRunning === "refused") throw errors.stopBeforeDelete();
    record.timeline = replan(record.timeline, now, planDelete(now, service.timeScale));
    record.updatedAt = now;
    return { status: 200, body: notebookView(record, service) };
  });
}
