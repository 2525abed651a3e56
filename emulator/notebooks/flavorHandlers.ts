/**
 * ListFlavors (`GET .../notebooks/flavors`) and ShowSwitchableFlavors (`GET .../notebooks/{id}/flavors`),
 * [notebooks §10]. Both fill `data` and `flavors` with the same items: the SDK model has both,
 * Terraform reads `data`, golangsdk reads `flavors`. Without `limit` everything is returned. The emulated
 * region has no dedicated pools, so `type=DEDICATED` lists nothing.
 */
import { NOTEBOOK_FEATURES } from "../../protocol/notebooks/wireTypes.js";
import { errors } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { findLiveNotebook } from "./findNotebook.js";
import {
  flavorWire,
  isSoldOut,
  NOTEBOOK_FLAVORS,
  switchableFlavors,
  type NotebookFlavorSpec,
} from "./flavorCatalog.js";
import { paginate, sortBy } from "./paging.js";
import { countParam, enumParam, integerParam } from "./queryParams.js";

const SORT_KEYS: Record<string, (f: NotebookFlavorSpec) => string | number> = {
  id: (f) => f.id,
  name: (f) => f.name,
  vcpus: (f) => f.vcpus,
  memory: (f) => f.memoryGiB,
  category: (f) => f.category,
};

/** limit (default: all), offset, and an optional sort (`sort_key` a comma list, `sort_dir` default DESC). */
function answer(flavors: NotebookFlavorSpec[], params: Map<string, string>, soldOut: Record<string, boolean>) {
  const limit = integerParam(params, "limit");
  if (limit !== undefined && limit < 1) throw errors.incorrectValue("limit");
  const offset = countParam(params, "offset", 0);
  const sortKey = params.get("sort_key");
  if (sortKey !== undefined && sortKey !== "") {
    const keys = sortKey.split(",").filter((k) => k !== "");
    if (keys.some((k) => SORT_KEYS[k] === undefined)) throw errors.sortNotSupported();
    const direction = enumParam(params, "sort_dir", ["ASC", "DESC"] as const) ?? "DESC";
    sortBy(
      flavors,
      keys.map((k) => SORT_KEYS[k]!),
      direction,
    );
  }
  const page = paginate(flavors, offset, limit);
  const items = page.data.map((f) => flavorWire(f, isSoldOut(f, soldOut)));
  return { status: 200, body: { ...page, data: items, flavors: items } };
}

export function listFlavors(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const q = request.query;
  const category = enumParam(q, "category", ["CPU", "GPU", "ASCEND"] as const);
  const type = enumParam(q, "type", ["MANAGED", "DEDICATED"] as const);
  const feature = enumParam(q, "feature", NOTEBOOK_FEATURES) ?? "NOTEBOOK";
  const flavorType = enumParam(q, "flavor_type", ["ASCEND_SNT9", "ASCEND_SNT9B", "ASCEND_SNT3"] as const);
  const flavors = NOTEBOOK_FLAVORS.filter(
    (f) =>
      type !== "DEDICATED" &&
      f.feature === feature &&
      (category === undefined || f.category === category) &&
      (flavorType === undefined || f.flavorType === flavorType),
  );
  return answer(flavors, q, service.store.read().notebookSoldOut);
}

export function listSwitchableFlavors(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const state = service.store.read();
  const record = findLiveNotebook(state, request, service);
  return answer(switchableFlavors(record, service.switches.switchableFlavors), request.query, state.notebookSoldOut);
}
