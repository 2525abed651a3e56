/**
 * The one place where the lookups' camelCase meets the notebooks API's snake_case: the flavor and image entries of
 * a listing as the lookups return them, and the image listing's query.
 */
import type { NotebookFlavor, NotebookImage } from "../../protocol/notebooks/wireTypes.js";
import type { NotebookFlavorInfo, NotebookImageInfo } from "./lookupShapes.js";
import type { ImageQuery } from "../api/NotebooksClient.js";

const KIB_PER_GIB = 1024 * 1024;

export function toFlavorInfo(flavor: NotebookFlavor & { id: string }): NotebookFlavorInfo {
  const info: NotebookFlavorInfo = {
    id: flavor.id,
    name: flavor.name ?? "",
    category: flavor.category ?? "",
    arch: (flavor.arch ?? "").toLowerCase(),
    description: flavor.description ?? "",
    feature: flavor.feature ?? "",
    vcpus: flavor.vcpus ?? 0,
    memoryGib: typeof flavor.memory === "number" ? flavor.memory / KIB_PER_GIB : 0,
    free: flavor.free === true,
    soldOut: flavor.sold_out === true,
    storages: [...(flavor.storages ?? [])],
  };
  // An accelerator object whose every field came back null (a CPU flavor, from a Java backend) reports no card.
  const reported = (o: object | undefined): o is object => o !== undefined && Object.keys(o).length > 0;
  if (reported(flavor.gpu)) {
    info.gpu = { count: flavor.gpu.gpu ?? 0, memoryGb: flavor.gpu.gpu_memory ?? 0, type: flavor.gpu.type ?? "" };
  }
  if (reported(flavor.ascend)) {
    const { npu, npu_memory: memory, type } = flavor.ascend;
    info.ascend = { count: npu ?? 0, memory: memory === undefined ? "" : String(memory), type: type ?? "" };
  }
  return info;
}

export function toImageInfo(image: NotebookImage & { id: string }): NotebookImageInfo {
  return {
    id: image.id,
    name: image.name ?? "",
    tag: image.tag ?? "",
    swrPath: image.swr_path ?? "",
    type: image.type ?? "",
    arch: (image.arch ?? "").toLowerCase(),
    description: image.description ?? "",
    devServices: [...(image.dev_services ?? [])],
    resourceCategories: [...(image.resource_categories ?? [])],
    serviceType: image.service_type ?? "",
    namespace: image.namespace ?? "",
    workspaceId: image.workspace_id ?? "",
    status: image.status ?? "",
    updatedAt: typeof image.update_at === "number" ? new Date(image.update_at).toISOString() : "",
  };
}

/** The image listing's query [notebooks §11]; absent fields are not sent. */
export function toImageQuery(query: {
  name: string | undefined;
  fuzzy: boolean | undefined;
  type: string;
  namespace?: string;
  workspaceId: string;
}): ImageQuery {
  return {
    name: query.name,
    name_fuzzy_match: query.fuzzy,
    type: query.type,
    namespace: query.namespace,
    workspace_id: query.workspaceId,
  };
}
