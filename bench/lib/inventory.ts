/** What the emulator holds compared with what the stack's state records: duplicates, untracked instances, leftovers. */
import type { Emulator, RequestCountSnapshot } from "../../emulator/index.js";
import type { StackExport } from "../../devkit/pulumiCli.js";

/** The two API families the bench runs: demanager v1 (`NotebookInstance`) and notebooks v2 (`Notebook`). */
export type ResourceKind = "NotebookInstance" | "Notebook";
export const RESOURCE_KINDS: readonly ResourceKind[] = ["NotebookInstance", "Notebook"];

export const RESOURCE_TYPES = {
  NotebookInstance: "pulumi-nodejs:dynamic/modelarts:NotebookInstance",
  Notebook: "pulumi-nodejs:dynamic/modelarts:Notebook",
  NotebookStorageMount: "pulumi-nodejs:dynamic/modelarts:NotebookStorageMount",
} as const;

/** Kept for the callers that only know the v1 resource. */
export const NOTEBOOK_TYPE = RESOURCE_TYPES.NotebookInstance;

/** v1: an annotation in the create body; v2: a TMS tag added right after the POST (provider/notebook/ownerTag.ts). */
const V1_OWNER_ANNOTATION = "pulumi-modelarts/owner";
const V2_OWNER_TAG = "pulumi-modelarts.owner";

/** One instance or notebook as the emulator's admin API shows it. */
export interface LiveObject {
  id: string;
  name: string;
  status: string;
  /** The provider's owner mark (one per Pulumi resource), if it carries one. */
  owner?: string;
}

export interface Inventory {
  instances: number;
  byStatus: Record<string, number>;
  /** Names held by more than one instance (the v1 API refuses them, so any is a bug somewhere). */
  duplicateNames: string[];
  /** Pulumi resources (owner mark) with more than one instance: a second create for one resource. */
  duplicateOwners: string[];
  /** Instances not recorded in the state: would be orphaned by destroy. Only when a state is given. */
  untracked?: string[];
  /** State resources whose id the emulator does not know. Only when a state is given. */
  missing?: string[];
}

/** Every instance (v1) or notebook (v2) the emulator holds, deleting ones included. */
async function liveObjects(emulator: Emulator, kind: ResourceKind): Promise<LiveObject[]> {
  if (kind === "NotebookInstance") {
    return (await emulator.admin.listInstances()).map((i) => {
      const spec = i.spec as { annotations?: Record<string, unknown> } | undefined;
      const owner = spec?.annotations?.[V1_OWNER_ANNOTATION];
      return { id: i.id, name: i.name, status: i.status, ...(typeof owner === "string" && { owner }) };
    });
  }
  return (await emulator.admin.listNotebooks()).map((n) => {
    const tags = Array.isArray(n.tags) ? (n.tags as { key?: unknown; value?: unknown }[]) : [];
    const owner = tags.find((t) => t.key === V2_OWNER_TAG)?.value;
    return { id: n.id, name: n.name, status: n.status, ...(typeof owner === "string" && { owner }) };
  });
}

function repeated(values: (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n > 1).map(([v]) => v);
}

/**
 * Names repeat legitimately in the v2 API, but not here: every resource of the bench stack generates its own
 * name, so a repeated name is still two notebooks for one resource.
 */
function takeInventory(objects: LiveObject[], state: StackExport | undefined, kind: ResourceKind): Inventory {
  const byStatus: Record<string, number> = {};
  for (const i of objects) byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
  const inventory: Inventory = {
    instances: objects.length,
    byStatus,
    duplicateNames: repeated(objects.map((i) => i.name)),
    duplicateOwners: repeated(objects.map((i) => i.owner)),
  };
  if (state) {
    const ids = new Set(stateResources(state, kind).flatMap((r) => (r.id ? [r.id] : [])));
    const known = new Set(objects.map((i) => i.id));
    inventory.untracked = objects.filter((i) => !ids.has(i.id)).map((i) => `${i.name} (${i.id}, ${i.status})`);
    inventory.missing = [...ids].filter((id) => !known.has(id));
  }
  return inventory;
}

/**
 * What the emulator holds of one kind now, and, given the stack's state, what of it the state does not track and
 * what the state tracks that is gone: the check after each step of a run.
 */
export async function inventoryNow(emulator: Emulator, kind: ResourceKind, state?: StackExport): Promise<Inventory> {
  return takeInventory(await liveObjects(emulator, kind), state, kind);
}

export function stateResources(state: StackExport, kind: ResourceKind | "NotebookStorageMount") {
  return state.deployment.resources.filter((r) => r.type === RESOURCE_TYPES[kind]);
}

export function notebookResources(state: StackExport) {
  return stateResources(state, "NotebookInstance");
}

/** Short route names for the report. */
const ROUTE_NAMES: Record<string, string> = {
  "POST /v1/{project_id}/demanager/instances": "POST create",
  "GET /v1/{project_id}/demanager/instances": "GET list",
  "GET /v1/{project_id}/demanager/instances/{instance_id}": "GET instance",
  "PUT /v1/{project_id}/demanager/instances/{instance_id}": "PUT instance",
  "DELETE /v1/{project_id}/demanager/instances/{instance_id}": "DELETE instance",
  "POST /v1/{project_id}/demanager/instances/{instance_id}/action": "POST action",
  "POST /v1/{project_id}/notebooks": "POST create",
  "GET /v1/{project_id}/notebooks": "GET list",
  "GET /v1/{project_id}/notebooks/{id}": "GET notebook",
  "PUT /v1/{project_id}/notebooks/{id}": "PUT notebook",
  "DELETE /v1/{project_id}/notebooks/{id}": "DELETE notebook",
  "POST /v1/{project_id}/notebooks/{id}/start": "POST start",
  "POST /v1/{project_id}/notebooks/{id}/stop": "POST stop",
  "POST /v1/{project_id}/notebooks/{resource_id}/tags/create": "POST tags",
  "DELETE /v1/{project_id}/notebooks/{resource_id}/tags/delete": "DELETE tags",
  "POST /v1/{project_id}/notebooks/{instance_id}/storage": "POST mount",
  "GET /v1/{project_id}/notebooks/{instance_id}/storage": "GET mounts",
  "GET /v1/{project_id}/notebooks/{instance_id}/storage/{storage_id}": "GET mount",
  "DELETE /v1/{project_id}/notebooks/{instance_id}/storage/{storage_id}": "DELETE mount",
  "POST /v3/auth/tokens": "POST IAM token",
  "GET /v3/projects": "GET IAM projects",
};

export function routeName(route: string): string {
  return ROUTE_NAMES[route] ?? route;
}

export interface RouteCounts {
  /** Every request, by route (short name). */
  byRoute: Record<string, number>;
  /** Requests answered 2xx, by route: the ones that did something. */
  okByRoute: Record<string, number>;
  /** Status (or `dropped`) → requests, over all routes. */
  byStatus: Record<string, number>;
  total: number;
  throttled429: number;
}

export function summarizeCounts(snapshot: RequestCountSnapshot): RouteCounts {
  const byRoute: Record<string, number> = {};
  const okByRoute: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const [route, n] of Object.entries(snapshot.byRoute)) byRoute[routeName(route)] = n;
  for (const [key, n] of Object.entries(snapshot.byRouteAndStatus)) {
    const space = key.lastIndexOf(" ");
    const route = routeName(key.slice(0, space));
    const status = key.slice(space + 1);
    byStatus[status] = (byStatus[status] ?? 0) + n;
    if (/^2\d\d$/.test(status)) okByRoute[route] = (okByRoute[route] ?? 0) + n;
  }
  return { byRoute, okByRoute, byStatus, total: snapshot.total, throttled429: byStatus["429"] ?? 0 };
}
