/**
 * `GET /v1/{project_id}/demanager/instances` query handling [demanager §3.1]: `de_type=Notebook` is required, `sortby`
 * is `name` (default) or `creation_timestamp` (else 6303), `limit` 0 (the default) means everything, and
 * `workspace_id` defaults to "0", so instances of other workspaces only show when asked for.
 */
import { errors } from "../shared/errors.js";
import { statusAt } from "../shared/phases.js";
import type { InstanceRecord } from "./types.js";

export interface ListQuery {
  status?: string;
  sortby: "name" | "creation_timestamp";
  order: "asc" | "desc";
  offset: number;
  limit: number;
  workspaceId: string;
  poolId?: string;
  aiProject?: string;
}

function nonNegativeInteger(params: Map<string, string>, key: string): number {
  const raw = params.get(key);
  if (raw === undefined || raw === "") return 0;
  if (!/^-?\d+$/.test(raw)) throw errors.wrongType(key, "integer");
  const value = Number(raw);
  if (value < 0) throw errors.incorrectValue(key);
  return value;
}

export function parseListQuery(params: Map<string, string>): ListQuery {
  const deType = params.get("de_type");
  if (deType === undefined) throw errors.required("de_type");
  if (deType !== "Notebook") throw errors.incorrectValue("de_type");
  const sortby = params.get("sortby") ?? "name";
  if (sortby !== "name" && sortby !== "creation_timestamp") throw errors.sortNotSupported();
  const order = params.get("order") ?? "asc";
  if (order !== "asc" && order !== "desc") throw errors.incorrectValue("order");
  return {
    status: params.get("status"),
    sortby,
    order,
    offset: nonNegativeInteger(params, "offset"),
    limit: nonNegativeInteger(params, "limit"),
    workspaceId: params.get("workspace_id") ?? "0",
    poolId: params.get("pool_id"),
    aiProject: params.get("ai_project"),
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function selectInstances(
  records: readonly InstanceRecord[],
  query: ListQuery,
  now: number,
): { total: number; page: InstanceRecord[] } {
  const matching = records.filter(
    (r) =>
      r.workspaceId === query.workspaceId &&
      (query.status === undefined || statusAt(r.timeline, now) === query.status) &&
      (query.poolId === undefined || r.pool?.id === query.poolId) &&
      (query.aiProject === undefined || r.aiProjectId === query.aiProject),
  );
  const sign = query.order === "asc" ? 1 : -1;
  matching.sort((a, b) => {
    const primary = query.sortby === "name" ? compareCodeUnits(a.name, b.name) : a.createdAt - b.createdAt;
    return sign * (primary !== 0 ? primary : a.createdAt - b.createdAt);
  });
  const end = query.limit === 0 ? undefined : query.offset + query.limit;
  return { total: matching.length, page: matching.slice(query.offset, end) };
}
