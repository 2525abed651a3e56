/** Handlers for the demanager family, `/v1/{project_id}/demanager/instances…` [demanager §2, §3]. */
import { randomBytes } from "node:crypto";
import { type ServiceContext } from "../shared/context.js";
import { errors } from "../shared/errors.js";
import { statusAt } from "../shared/phases.js";
import { parseJson, type HandlerResult, type RoutedRequest } from "../shared/router.js";
import type { State } from "../shared/state.js";
import { applyAction, applyDelete, checkModifiable } from "./actions.js";
import { findFlavor } from "./flavors.js";
import { createRecord } from "./instanceFactory.js";
import { parseListQuery, selectInstances } from "./listQuery.js";
import { findProfile } from "./profiles.js";
import { renderInstance } from "./render.js";
import { renderContext } from "./render.js";
import { checkActionRequest, checkCreateRequest, checkUpdateRequest } from "./requestChecks.js";
import type { InstanceRecord } from "./types.js";

/** A live (not finished deleting) instance of this project, or 6309 — HTTP 400, not 404 [demanager §3.2]. */
function findLive(state: State, request: RoutedRequest, now: number): InstanceRecord {
  const id = request.params.instance_id;
  const record = state.instances.find((r) => r.id === id && r.projectId === request.params.project_id);
  if (record === undefined || statusAt(record.timeline, now) === "GONE") throw errors.notFound();
  return record;
}

function view(record: InstanceRecord, service: ServiceContext, state: State): Record<string, unknown> {
  return renderInstance(record, renderContext(service, state.soldOutFlavors));
}

function body(request: RoutedRequest): unknown {
  const parsed = parseJson(request.body);
  if (parsed === undefined) throw errors.invalidPayload("(the body is not valid JSON)");
  return parsed;
}

export function createInstance(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const input = checkCreateRequest(body(request));
  const flavor = findFlavor(input.flavor);
  if (flavor === undefined) throw errors.flavorUnsupported();
  const profile = findProfile(input.profile_id);
  if (profile === undefined) throw errors.incorrectValue("profile_id");
  if (!profile.flavorTypes.includes(flavor.type)) throw errors.flavorTypeMismatch();
  return service.store.mutate((state) => {
    if (state.soldOutFlavors.includes(flavor.name)) throw errors.soldOut();
    const now = service.now();
    const projectId = request.params.project_id!;
    // Names are unique per project (6301). An instance still DELETING keeps its name until it is gone: the
    // service deletes asynchronously [demanager §3.4], so a client must wait for 6309 before reusing the name.
    if (state.instances.some((r) => r.projectId === projectId && r.name === input.name)) throw errors.duplicateName();
    const record = createRecord(input, {
      projectId,
      user: { id: service.user.id, name: service.user.name },
      flavor,
      now,
      timeScale: service.timeScale,
      failure: service.faults.takeCreateFailure(),
      ...service.faults.takeCreateDurations(input.name),
    });
    state.instances.push(record);
    return { status: 200, body: view(record, service, state) };
  });
}

export function listInstances(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const query = parseListQuery(request.query);
  const state = service.store.read();
  const now = service.now();
  const live = state.instances.filter(
    (r) => r.projectId === request.params.project_id && statusAt(r.timeline, now) !== "GONE",
  );
  const { total, page } = selectInstances(live, query, now);
  const context = renderContext(service, state.soldOutFlavors);
  return { status: 200, body: { total_count: total, instances: page.map((r) => renderInstance(r, context)) } };
}

export function getInstance(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const state = service.store.read();
  const record = findLive(state, request, service.now());
  return { status: 200, body: view(record, service, state) };
}

/** PUT: only `description` and `spec.auto_stop` can change [demanager §3.3]; auto_stop set while RUNNING applies from the next start. */
export function updateInstance(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const input = checkUpdateRequest(body(request));
  return service.store.mutate((state) => {
    const now = service.now();
    const record = findLive(state, request, now);
    const autoStop = input.spec?.auto_stop;
    checkModifiable(statusAt(record.timeline, now), {
      description: input.description !== undefined,
      autoStop: autoStop !== undefined,
    });
    if (input.description !== undefined) record.description = input.description;
    if (autoStop !== undefined) {
      // Fields left out keep their value; `enable: true` always comes with a duration (checked above, 6348).
      const given = Object.fromEntries(Object.entries(autoStop).filter(([, v]) => v !== undefined));
      record.autoStop = { ...record.autoStop, ...given };
    }
    record.updatedAt = now;
    return { status: 200, body: view(record, service, state) };
  });
}

/** DELETE answers `{instance_id}` at once; the instance stays DELETING for a while, then GET answers 6309. */
export function deleteInstance(request: RoutedRequest, service: ServiceContext): HandlerResult {
  return service.store.mutate((state) => {
    const now = service.now();
    const record = findLive(state, request, now);
    applyDelete(record, now, service.timeScale);
    return { status: 200, body: { instance_id: record.id } };
  });
}

/** `{current_status, previous_state}`: the asymmetric key names are the documented ones [demanager §3.5]. */
export function instanceAction(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const action = checkActionRequest(body(request));
  return service.store.mutate((state) => {
    const now = service.now();
    const record = findLive(state, request, now);
    const free = findFlavor(record.flavor)?.free ?? false;
    return { status: 200, body: applyAction(record, action, free, now, service.timeScale) };
  });
}

/** The historical token call [demanager §3.6] that authenticates opening the Jupyter URL. */
export function instanceToken(request: RoutedRequest, service: ServiceContext): HandlerResult {
  findLive(service.store.read(), request, service.now());
  return { status: 200, body: { token: randomBytes(16).toString("hex") } };
}
