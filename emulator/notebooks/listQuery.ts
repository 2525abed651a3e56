/**
 * ListNotebooks / ListAllNotebooks query handling [notebooks §6]: `limit` ∈ {10, 20, 50}
 * (default 10; anything else is refused), `offset`, `sort_dir` ASC|DESC (default DESC), `sort_key` a comma
 * list (unsupported keys: 6303), `feature` (default NOTEBOOK), `name` (fuzzy), `workspace_id` (default "0";
 * the older `workspaceId` spelling of golangsdk is accepted too) and the exact filters.
 */
import { NOTEBOOK_FEATURES, NOTEBOOK_LIST_LIMITS, NOTEBOOK_STATUSES } from "../../protocol/notebooks/wireTypes.js";
import { errors } from "../shared/errors.js";
import { statusAt } from "../shared/phases.js";
import { paginate, sortBy, type Page } from "./paging.js";
import { countParam, enumParam } from "./queryParams.js";
import type { NotebookRecord } from "./types.js";

const SORT_KEYS: Record<string, (r: NotebookRecord, now: number) => string | number> = {
  create_at: (r) => r.createdAt,
  update_at: (r) => r.updatedAt,
  name: (r) => r.name,
  status: (r, now) => statusAt(r.timeline, now),
};

export interface NotebookListQuery {
  feature: string;
  limit: number;
  offset: number;
  sortDir: "ASC" | "DESC";
  sortKeys: string[];
  workspaceId: string;
  name?: string;
  status?: string;
  poolId?: string;
  owner?: string;
  flavor?: string;
  imageId?: string;
  id?: string;
  /** Every `key` or `key=value` must match (the separator may be `,` or `|`; the docs give no semantics). */
  tags: { key: string; value?: string }[];
}

function parseTags(raw: string | undefined): NotebookListQuery["tags"] {
  if (raw === undefined || raw === "") return [];
  return raw
    .split(/[,|]/)
    .filter((t) => t !== "")
    .map((t) => {
      const eq = t.indexOf("=");
      return eq < 0 ? { key: t } : { key: t.slice(0, eq), value: t.slice(eq + 1) };
    });
}

export function parseNotebookListQuery(params: Map<string, string>): NotebookListQuery {
  const limit = countParam(params, "limit", 10);
  if (!(NOTEBOOK_LIST_LIMITS as readonly number[]).includes(limit)) throw errors.incorrectValue("limit");
  const sortKeys = (params.get("sort_key") ?? "create_at").split(",").filter((k) => k !== "");
  if (sortKeys.some((k) => SORT_KEYS[k] === undefined)) throw errors.sortNotSupported();
  const name = params.get("name");
  if (name !== undefined && name.length > 128) throw errors.incorrectValue("name");
  return {
    feature: enumParam(params, "feature", NOTEBOOK_FEATURES) ?? "NOTEBOOK",
    limit,
    offset: countParam(params, "offset", 0),
    sortDir: enumParam(params, "sort_dir", ["ASC", "DESC"] as const) ?? "DESC",
    sortKeys,
    workspaceId: params.get("workspace_id") ?? params.get("workspaceId") ?? "0",
    name: name === "" ? undefined : name,
    status: enumParam(params, "status", NOTEBOOK_STATUSES),
    poolId: params.get("pool_id"),
    owner: params.get("owner"),
    flavor: params.get("flavor"),
    imageId: params.get("image_id"),
    id: params.get("id"),
    tags: parseTags(params.get("tags")),
  };
}

function matches(r: NotebookRecord, q: NotebookListQuery, now: number): boolean {
  return (
    r.workspaceId === q.workspaceId &&
    r.feature === q.feature &&
    (q.name === undefined || r.name.toLowerCase().includes(q.name.toLowerCase())) &&
    (q.status === undefined || statusAt(r.timeline, now) === q.status) &&
    (q.poolId === undefined || r.poolId === q.poolId) &&
    (q.owner === undefined || r.user.id === q.owner) &&
    (q.flavor === undefined || r.flavor === q.flavor) &&
    (q.imageId === undefined || r.imageId === q.imageId) &&
    (q.id === undefined || r.id === q.id) &&
    q.tags.every((t) => r.tags.some((own) => own.key === t.key && (t.value === undefined || own.value === t.value)))
  );
}

export function selectNotebooks(
  records: readonly NotebookRecord[],
  query: NotebookListQuery,
  now: number,
): Page<NotebookRecord> {
  const matching = records.filter((r) => matches(r, query, now));
  const keys = [...query.sortKeys, "create_at"].map((k) => (r: NotebookRecord) => SORT_KEYS[k]!(r, now));
  return paginate(sortBy(matching, keys, query.sortDir), query.offset, query.limit);
}
