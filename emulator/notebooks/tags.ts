/**
 * Notebook tags [notebooks §13]: tags/create upserts by key, tags/delete removes keys (a missing
 * key is a no-op); both answer 204 with an empty body, the only code Terraform accepts. GET .../notebooks/tags
 * merges the tags of the workspace's notebooks by key. A create that would leave a notebook with more than 20 tags
 * is refused whole (400 ModelArts.6400), as the tag service refuses a resource's 21st tag [INFERRED: question 10].
 */
import { NOTEBOOK_TAG_LIMIT } from "../../protocol/notebooks/wireTypes.js";
import { badRequest } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { statusAt } from "../shared/phases.js";
import { findLiveNotebook } from "./findNotebook.js";
import { checkTagsRequest, jsonBody } from "./requestChecks.js";

export function createTags(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const { tags } = checkTagsRequest(jsonBody(request));
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const keys = new Set([...record.tags.map((t) => t.key), ...tags.map((t) => t.key)]);
    if (keys.size > NOTEBOOK_TAG_LIMIT) {
      throw badRequest("6400", `A notebook can have at most ${NOTEBOOK_TAG_LIMIT} tags; it would have ${keys.size}.`);
    }
    for (const tag of tags) {
      const existing = record.tags.find((t) => t.key === tag.key);
      if (existing !== undefined) existing.value = tag.value;
      else record.tags.push({ key: tag.key, value: tag.value });
    }
    return { status: 204 };
  });
}

export function deleteTags(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const { tags } = checkTagsRequest(jsonBody(request));
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const keys = new Set(tags.map((t) => t.key));
    record.tags = record.tags.filter((t) => !keys.has(t.key));
    return { status: 204 };
  });
}

export function listTags(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const state = service.store.read();
  const now = service.now();
  const workspaceId = request.query.get("workspace_id") ?? "0";
  const merged = new Map<string, Set<string>>();
  for (const record of state.notebooks) {
    if (record.projectId !== request.params.project_id || record.workspaceId !== workspaceId) continue;
    if (statusAt(record.timeline, now) === "GONE") continue;
    for (const tag of record.tags) {
      if (!merged.has(tag.key)) merged.set(tag.key, new Set());
      merged.get(tag.key)!.add(tag.value);
    }
  }
  const tags = [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, values]) => ({ key, values: [...values].sort() }));
  return { status: 200, body: { tags } };
}
