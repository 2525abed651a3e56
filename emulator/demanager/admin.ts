/**
 * The admin API's demanager part: instances out of band (for drift tests), sold-out flavors, create failures and
 * CREATING durations. `../admin.ts` hands every path it does not know to `routeDemanagerAdmin`.
 */
import { AdminError, asObject } from "../shared/AdminError.js";
import { adminRoute, type FamilyAdmin } from "../shared/adminRoute.js";
import type { ServiceContext } from "../shared/context.js";
import type { CreateFailureSpec } from "../shared/Faults.js";
import { statusAt } from "../shared/phases.js";
import type { State } from "../shared/state.js";
import { FLAVORS, findFlavor } from "./flavors.js";
import { renderContext, renderInstance } from "./render.js";
import { STATUSES, type InstanceRecord, type Status } from "./types.js";

/** Out-of-band changes, as if made in the console or by the service itself. */
export interface AdminInstancePatch {
  description?: string;
  auto_stop?: { enable?: boolean; duration?: number; prompt?: boolean };
  /** Jumps to this status now; no further transitions are scheduled. */
  status?: Status;
  failed_reasons?: { code: string; message: string; detail?: Record<string, string> } | null;
  repository?: boolean;
}

function view(record: InstanceRecord, service: ServiceContext, state: State) {
  return {
    ...renderInstance(record, renderContext(service, state.soldOutFlavors)),
    project_id: record.projectId,
  };
}

function findRecord(state: State, id: string): InstanceRecord {
  const record = state.instances.find((r) => r.id === id);
  if (record === undefined) throw new AdminError(404, `no instance ${id}`);
  return record;
}

function patchInstance(record: InstanceRecord, patch: AdminInstancePatch, now: number): void {
  if (patch.description !== undefined) record.description = patch.description;
  if (patch.auto_stop !== undefined) record.autoStop = { ...record.autoStop, ...patch.auto_stop };
  if (patch.status !== undefined) {
    if (!STATUSES.includes(patch.status)) throw new AdminError(400, `unknown status ${String(patch.status)}`);
    record.timeline = [{ status: patch.status, at: now }];
  }
  if (patch.failed_reasons !== undefined) {
    record.failedReasons = patch.failed_reasons === null ? null : { detail: {}, ...patch.failed_reasons };
  }
  if (patch.repository !== undefined) record.hasRepository = patch.repository;
  record.updatedAt = now;
}

export const routeDemanagerAdmin: FamilyAdmin = (method, path, body, service) => {
  const store = service.store;
  const { key, id } = adminRoute(method, path, ["/_admin/instances/{id}", "/_admin/flavors/{name}"]);

  switch (key) {
    case "GET /_admin/instances": {
      const state = store.read();
      const now = service.now();
      const live = state.instances.filter((r) => statusAt(r.timeline, now) !== "GONE");
      return { status: 200, body: { instances: live.map((r) => view(r, service, state)) } };
    }
    case "GET /_admin/instances/{id}": {
      const state = store.read();
      return { status: 200, body: view(findRecord(state, id), service, state) };
    }
    case "PATCH /_admin/instances/{id}": {
      const patch = asObject(body) as AdminInstancePatch;
      return store.mutate((state) => {
        const record = findRecord(state, id);
        patchInstance(record, patch, service.now());
        return { status: 200, body: view(record, service, state) };
      });
    }
    case "DELETE /_admin/instances/{id}":
      return store.mutate((state) => {
        const record = findRecord(state, id);
        state.instances = state.instances.filter((r) => r !== record);
        return { status: 200, body: { instance_id: record.id } };
      });
    case "POST /_admin/create-failures":
      service.faults.failNextCreates(asObject(body) as CreateFailureSpec);
      return { status: 200, body: { ok: true } };
    case "POST /_admin/create-durations": {
      const durations = asObject(asObject(body).durations);
      for (const [name, seconds] of Object.entries(durations)) {
        if (!(typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0)) {
          throw new AdminError(400, `durations.${name} must be a positive number of seconds`);
        }
      }
      const phase = asObject(body).phase ?? "CREATING";
      if (phase !== "CREATING" && phase !== "CREATE_QUEUING") {
        throw new AdminError(400, "phase must be CREATING or CREATE_QUEUING");
      }
      service.faults.setCreateDurations(durations as Record<string, number>, phase);
      return { status: 200, body: { ok: true } };
    }
    case "GET /_admin/flavors": {
      const soldOut = store.read().soldOutFlavors;
      return {
        status: 200,
        body: {
          flavors: FLAVORS.map((f) => ({
            name: f.name,
            type: f.type,
            free: f.free,
            soldOut: soldOut.includes(f.name),
          })),
        },
      };
    }
    case "PUT /_admin/flavors/{name}": {
      const name = id;
      if (findFlavor(name) === undefined) throw new AdminError(404, `no flavor ${name}`);
      const soldOut = asObject(body).soldOut === true;
      store.mutate((state) => {
        state.soldOutFlavors = state.soldOutFlavors.filter((f) => f !== name);
        if (soldOut) state.soldOutFlavors.push(name);
      });
      return { status: 200, body: { name, soldOut } };
    }
    default:
      return undefined;
  }
};
