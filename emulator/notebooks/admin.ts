/**
 * The admin API's notebooks (v2) part: notebooks out of band (for drift tests), create failures, sold-out
 * flavors, and the open-question switches. `admin.ts` hands every path it does not know to `routeNotebookAdmin`.
 */
import { LEASE_TYPES, NOTEBOOK_STATUSES, type NotebookStatus } from "../../protocol/notebooks/wireTypes.js";
import { AdminError, asObject } from "../shared/AdminError.js";
import { adminRoute, type FamilyAdmin } from "../shared/adminRoute.js";
import type { ServiceContext } from "../shared/context.js";
import type { NotebookCreateFailureSpec } from "../shared/Faults.js";
import { statusAt } from "../shared/phases.js";
import type { State } from "../shared/state.js";
import { findNotebookFlavor, isSoldOut, NOTEBOOK_FLAVORS } from "./flavorCatalog.js";
import { notebookView } from "./notebooks.js";
import { checkNotebookSwitches } from "./switches.js";
import { rescheduleAutoStop } from "./timeline.js";
import type { NotebookRecord } from "./types.js";

/** Out-of-band changes, as if made in the console or by the service itself. */
export interface AdminNotebookPatch {
  name?: string;
  description?: string;
  /** Jumps to this status now; no further transitions are scheduled. */
  status?: NotebookStatus;
  /** Shown while CREATE_FAILED or START_FAILED. */
  fail_reason?: string | null;
  /** Merged into the lease; a RUNNING notebook's scheduled stop moves to the new deadline. */
  lease?: { enable?: boolean; duration?: number; type?: "TIMING" | "IDLE"; create_at?: number };
  /** Any id: an id outside the catalogue renders as `image: {id}`. */
  image_id?: string;
  /** Any code: the catalogue is not consulted. */
  flavor?: string;
  /** GB; no resize is simulated. */
  capacity?: number;
  tags?: { key: string; value: string }[];
}

export interface AdminNotebookFlavor {
  id: string;
  category: string;
  feature: string;
  free: boolean;
  soldOut: boolean;
}

function view(record: NotebookRecord, service: ServiceContext) {
  return { ...notebookView(record, service), project_id: record.projectId };
}

function findRecord(state: State, id: string): NotebookRecord {
  const record = state.notebooks.find((r) => r.id === id);
  if (record === undefined) throw new AdminError(404, `no notebook ${id}`);
  return record;
}

function patchNotebook(record: NotebookRecord, patch: AdminNotebookPatch, service: ServiceContext): void {
  const now = service.now();
  if (patch.status !== undefined && !NOTEBOOK_STATUSES.includes(patch.status)) {
    throw new AdminError(400, `unknown status ${String(patch.status)}`);
  }
  if (patch.lease?.type !== undefined && !LEASE_TYPES.includes(patch.lease.type)) {
    throw new AdminError(400, `unknown lease type ${String(patch.lease.type)}`);
  }
  if (patch.name !== undefined) record.name = patch.name;
  if (patch.description !== undefined) record.description = patch.description;
  if (patch.image_id !== undefined) record.imageId = patch.image_id;
  if (patch.flavor !== undefined) record.flavor = patch.flavor;
  if (patch.capacity !== undefined) record.volume.capacity = patch.capacity;
  if (patch.tags !== undefined) record.tags = patch.tags.map((t) => ({ key: t.key, value: t.value }));
  if (patch.fail_reason !== undefined) record.failReason = patch.fail_reason;
  if (patch.status !== undefined) record.timeline = [{ status: patch.status, at: now }];
  if (patch.lease !== undefined) {
    const { create_at: createAt, ...rest } = patch.lease;
    Object.assign(record.lease, rest, createAt === undefined ? {} : { createAt }, { updateAt: now });
    record.timeline = rescheduleAutoStop(record.timeline, now, record.lease, service.timeScale);
  }
  record.updatedAt = now;
}

export const routeNotebookAdmin: FamilyAdmin = (method, path, body, service) => {
  const store = service.store;
  const { key, id } = adminRoute(method, path, ["/_admin/notebooks/{id}", "/_admin/notebook-flavors/{id}"]);

  switch (key) {
    case "GET /_admin/notebooks": {
      const state = store.read();
      const now = service.now();
      const live = state.notebooks.filter((r) => statusAt(r.timeline, now) !== "GONE");
      return { status: 200, body: { notebooks: live.map((r) => view(r, service)) } };
    }
    case "GET /_admin/notebooks/{id}":
      return { status: 200, body: view(findRecord(store.read(), id), service) };
    case "PATCH /_admin/notebooks/{id}": {
      const patch = asObject(body) as AdminNotebookPatch;
      return store.mutate((state) => {
        const record = findRecord(state, id);
        patchNotebook(record, patch, service);
        return { status: 200, body: view(record, service) };
      });
    }
    case "DELETE /_admin/notebooks/{id}":
      return store.mutate((state) => {
        const record = findRecord(state, id);
        state.notebooks = state.notebooks.filter((r) => r !== record);
        return { status: 200, body: { id: record.id } };
      });
    case "POST /_admin/notebook-create-failures":
      service.faults.failNextNotebookCreates(asObject(body) as NotebookCreateFailureSpec);
      return { status: 200, body: { ok: true } };
    case "GET /_admin/notebook-flavors": {
      const overrides = store.read().notebookSoldOut;
      const flavors: AdminNotebookFlavor[] = NOTEBOOK_FLAVORS.map((f) => ({
        id: f.id,
        category: f.category,
        feature: f.feature,
        free: f.free,
        soldOut: isSoldOut(f, overrides),
      }));
      return { status: 200, body: { flavors } };
    }
    case "PUT /_admin/notebook-flavors/{id}": {
      if (findNotebookFlavor(id) === undefined) throw new AdminError(404, `no notebook flavor ${id}`);
      const soldOut = asObject(body).soldOut === true;
      store.mutate((state) => {
        state.notebookSoldOut = { ...state.notebookSoldOut, [id]: soldOut };
      });
      return { status: 200, body: { id, soldOut } };
    }
    case "GET /_admin/switches":
      return { status: 200, body: { ...service.switches } };
    case "PATCH /_admin/switches": {
      let changes;
      try {
        changes = checkNotebookSwitches(body);
      } catch (err) {
        throw new AdminError(400, (err as Error).message, { cause: err });
      }
      Object.assign(service.switches, changes);
      return { status: 200, body: { ...service.switches } };
    }
    default:
      return undefined;
  }
};
