/**
 * POST .../{id}/start and .../{id}/stop [notebooks §8, §14]: both answer the full notebook, in
 * STARTING or STOPPING. The wrong-state codes follow the OTC error table: 6305 already running, 6306
 * starting, 6307 already stopped, 6308 stopping, 6326 frozen, 6327 not running, and 6357 for everything
 * else (another operation in progress). Start also checks that the flavor is not sold out (6329) and applies
 * `?duration&type` to the lease.
 */
import { errors } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { replan, statusAt } from "../shared/phases.js";
import { notebookErrors } from "./errors.js";
import { findLiveNotebook } from "./findNotebook.js";
import { findNotebookFlavor, isSoldOut } from "./flavorCatalog.js";
import { leaseOnStart, leaseOnStop } from "./lease.js";
import { notebookView } from "./notebooks.js";
import { checkStartQuery, jsonBody } from "./requestChecks.js";
import { planStart, planStop } from "./timeline.js";
import type { NotebookPhaseStatus } from "./types.js";

/** Start and stop bodies are empty or `{}` [notebooks §8]; anything else is not a valid payload. */
function checkEmptyBody(request: RoutedRequest): void {
  const body = jsonBody(request, true);
  if (body === undefined) return;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw errors.invalidPayload("(the body must be a JSON object)");
  }
}

function refuseStart(status: NotebookPhaseStatus): never {
  if (status === "RUNNING") throw errors.alreadyRunning();
  if (status === "STARTING") throw errors.starting();
  if (status === "STOPPING") throw errors.stopping();
  if (status === "FROZEN") throw notebookErrors.frozen();
  throw errors.operationNotAllowed();
}

function refuseStop(status: NotebookPhaseStatus): never {
  if (status === "STOPPED") throw errors.alreadyStopped();
  if (status === "STOPPING") throw errors.stopping();
  if (status === "STARTING") throw errors.starting();
  if (status === "FROZEN") throw notebookErrors.frozen();
  if (status === "CREATE_FAILED" || status === "START_FAILED" || status === "ERROR") throw errors.notRunning();
  throw errors.operationNotAllowed();
}

export function startNotebook(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const query = checkStartQuery(request.query);
  checkEmptyBody(request);
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const now = service.now();
    const status = statusAt(record.timeline, now);
    if (status !== "STOPPED" && status !== "START_FAILED") refuseStart(status);
    const flavor = findNotebookFlavor(record.flavor);
    if (flavor !== undefined && isSoldOut(flavor, state.notebookSoldOut)) throw errors.soldOut();
    leaseOnStart(record.lease, now, query, service.timeScale);
    record.timeline = replan(record.timeline, now, planStart(now, record.lease, service.timeScale));
    record.updatedAt = now;
    return { status: 200, body: notebookView(record, service) };
  });
}

export function stopNotebook(request: RoutedRequest, service: ServiceContext): HandlerResult {
  checkEmptyBody(request);
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const now = service.now();
    const status = statusAt(record.timeline, now);
    if (status !== "RUNNING") refuseStop(status);
    leaseOnStop(record.lease, now, service.timeScale);
    record.timeline = replan(record.timeline, now, planStop(now, service.timeScale));
    record.updatedAt = now;
    return { status: 200, body: notebookView(record, service) };
  });
}
