/** What the emulator holds compared with what the stack's state records: duplicates, untracked instances, leftovers. */
import type { AdminInstance, RequestCountSnapshot } from "../../emulator/index.js";
import type { StackExport } from "./pulumi.js";

export const NOTEBOOK_TYPE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
const OWNER_ANNOTATION = "pulumi-modelarts/owner";

export interface Inventory {
  instances: number;
  byStatus: Record<string, number>;
  /** Names held by more than one instance (the API refuses them, so any is a bug somewhere). */
  duplicateNames: string[];
  /** Pulumi resources (owner annotation) with more than one instance: a second create for one resource. */
  duplicateOwners: string[];
  /** Instances not recorded in the state: would be orphaned by destroy. Only when a state is given. */
  untracked?: string[];
  /** State resources whose id the emulator does not know. Only when a state is given. */
  missing?: string[];
}

function ownerOf(instance: AdminInstance): string | undefined {
  const spec = instance.spec as { annotations?: Record<string, unknown> } | undefined;
  const value = spec?.annotations?.[OWNER_ANNOTATION];
  return typeof value === "string" ? value : undefined;
}

function repeated(values: (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n > 1).map(([v]) => v);
}

export function takeInventory(instances: AdminInstance[], state?: StackExport): Inventory {
  const byStatus: Record<string, number> = {};
  for (const i of instances) byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
  const inventory: Inventory = {
    instances: instances.length,
    byStatus,
    duplicateNames: repeated(instances.map((i) => i.name)),
    duplicateOwners: repeated(instances.map(ownerOf)),
  };
  if (state) {
    const ids = new Set(
      (state.deployment.resources ?? []).filter((r) => r.type === NOTEBOOK_TYPE && r.id).map((r) => r.id!),
    );
    const known = new Set(instances.map((i) => i.id));
    inventory.untracked = instances.filter((i) => !ids.has(i.id)).map((i) => `${i.name} (${i.id}, ${i.status})`);
    inventory.missing = [...ids].filter((id) => !known.has(id));
  }
  return inventory;
}

export function notebookResources(state: StackExport) {
  return (state.deployment.resources ?? []).filter((r) => r.type === NOTEBOOK_TYPE);
}

/** Short route names for the report. */
const ROUTE_NAMES: Record<string, string> = {
  "POST /v1/{project_id}/demanager/instances": "POST create",
  "GET /v1/{project_id}/demanager/instances": "GET list",
  "GET /v1/{project_id}/demanager/instances/{instance_id}": "GET instance",
  "PUT /v1/{project_id}/demanager/instances/{instance_id}": "PUT instance",
  "DELETE /v1/{project_id}/demanager/instances/{instance_id}": "DELETE instance",
  "POST /v1/{project_id}/demanager/instances/{instance_id}/action": "POST action",
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
