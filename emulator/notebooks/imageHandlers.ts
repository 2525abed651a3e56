/**
 * ListImage and ShowImage (`GET /v1/{project_id}/images[/{id}]`, [notebooks §11]). `limit`
 * defaults to 200; `name` is a fuzzy (substring) match unless `name_fuzzy_match=false`; `type` defaults to
 * BUILD_IN as in the SDK; `service_type` UNKNOWN (the SDK default) filters nothing. A missing image answers
 * 400 ModelArts.6404, the code Terraform treats as "image not found" [notebooks §13].
 */
import { IMAGE_TYPES } from "../../protocol/notebooks/wireTypes.js";
import { errors } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { notebookErrors } from "./errors.js";
import { findNotebookImage, imageWire, NOTEBOOK_IMAGES, type NotebookImageSpec } from "./imageCatalog.js";
import { paginate, sortBy } from "./paging.js";
import { booleanParam, countParam, enumParam } from "./queryParams.js";

const DEFAULT_LIMIT = 200;
const SERVICE_TYPES = ["COMMON", "INFERENCE", "TRAIN", "DEV", "UNKNOWN"] as const;
/** `updateTime` is the OTC example's key; the snake_case names are the fields'. */
const SORT_KEYS: Record<string, (i: NotebookImageSpec) => string | number> = {
  updateTime: (i) => i.updateAt,
  update_at: (i) => i.updateAt,
  createTime: (i) => i.createAt,
  create_at: (i) => i.createAt,
  name: (i) => i.name,
};

export function listImages(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const q = request.query;
  const limit = countParam(q, "limit", DEFAULT_LIMIT);
  if (limit < 1) throw errors.incorrectValue("limit");
  const offset = countParam(q, "offset", 0);
  const name = q.get("name");
  const fuzzy = booleanParam(q, "name_fuzzy_match") ?? true;
  const type = enumParam(q, "type", IMAGE_TYPES) ?? "BUILD_IN";
  const serviceType = enumParam(q, "service_type", SERVICE_TYPES);
  const namespace = q.get("namespace");
  const workspaceId = q.get("workspace_id") ?? "0";
  const keys = (q.get("sort_key") ?? "updateTime").split(",").filter((k) => k !== "");
  if (keys.some((k) => SORT_KEYS[k] === undefined)) throw errors.sortNotSupported();
  const direction = enumParam(q, "sort_dir", ["ASC", "DESC"] as const) ?? "DESC";
  const images = NOTEBOOK_IMAGES.filter(
    (i) =>
      i.type === type &&
      i.workspaceId === workspaceId &&
      (name === undefined || name === "" || (fuzzy ? i.name.includes(name) : i.name === name)) &&
      (serviceType === undefined || serviceType === "UNKNOWN" || i.serviceType === serviceType) &&
      (namespace === undefined || namespace === "" || i.namespace === namespace) &&
      (q.get("show_name") === undefined || i.name === q.get("show_name")) &&
      (q.get("show_tag") === undefined || i.tag === q.get("show_tag")),
  );
  sortBy(
    images,
    [...keys, "name"].map((k) => SORT_KEYS[k]!),
    direction,
  );
  const page = paginate(images, offset, limit);
  return { status: 200, body: { ...page, data: page.data.map((i) => imageWire(i, service.region)) } };
}

export function showImage(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const id = request.params.id!;
  const image = findNotebookImage(id);
  if (image === undefined) throw notebookErrors.imageGone(id);
  return { status: 200, body: imageWire(image, service.region) };
}
