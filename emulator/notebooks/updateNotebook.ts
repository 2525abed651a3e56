/**
 * PUT /v1/{project_id}/notebooks/{id} [notebooks §7]. Which statuses allow which fields is an
 * open question ([notebooks §19] question 3): the docs say "stopped only", Terraform changes name, description and size
 * while RUNNING and everything else while STOPPED. The emulator splits the fields the same way and lets the
 * `updateRunning` / `updateStopped` switches decide the contested half; other statuses refuse every field
 * (6347), FROZEN answers 6326.
 */
import { errors } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { scaledMs, statusAt } from "../shared/phases.js";
import type { NotebookUpdateRequest } from "../../protocol/notebooks/wireTypes.js";
import { EVS_MAX_GB, notebookErrors } from "./errors.js";
import { findLiveNotebook } from "./findNotebook.js";
import { CUSTOM_FLAVOR_CODE, isSoldOut, switchableFlavors } from "./flavorCatalog.js";
import { findNotebookImage } from "./imageCatalog.js";
import { endpointsFrom } from "./notebookFactory.js";
import { notebookView } from "./notebooks.js";
import { checkUpdateRequest, jsonBody } from "./requestChecks.js";
import { NOTEBOOK_NOMINAL_SECONDS } from "./timeline.js";
import type { NotebookRecord } from "./types.js";

/** Fields Terraform changes on a running notebook. */
const LIGHT_FIELDS = ["name", "description", "storage_new_size"] as const;
/** Fields that need a restart to apply: Terraform stops the notebook first. */
const RESTART_FIELDS = [
  "flavor",
  "custom_spec",
  "image_id",
  "endpoints",
  "hooks",
  "affinity",
  "dew_secret_name",
  "data_volumes",
] as const;

function given(input: NotebookUpdateRequest, fields: readonly (keyof NotebookUpdateRequest)[]) {
  return fields.find((f) => input[f] !== undefined);
}

function checkStatus(input: NotebookUpdateRequest, status: string, service: ServiceContext): void {
  if (status === "FROZEN") throw notebookErrors.frozen();
  const light = given(input, LIGHT_FIELDS);
  const heavy = given(input, RESTART_FIELDS);
  if (status === "RUNNING") {
    if (heavy !== undefined && service.switches.updateRunning === "refused") throw errors.notModifiable(status, heavy);
  } else if (status === "STOPPED") {
    if (light !== undefined && service.switches.updateStopped === "refused") throw errors.notModifiable(status, light);
  } else {
    const any = light ?? heavy;
    if (any !== undefined) throw errors.notModifiable(status, any);
  }
}

/**
 * 6792 unless the flavor is in the notebook's switchable list as GET …/{id}/flavors shows it now [notebooks §7,
 * §10.2] (unknown flavors included; an image changed in the same PUT does not widen it); sold out: 6329.
 */
function checkFlavor(
  record: NotebookRecord,
  flavor: string,
  service: ServiceContext,
  soldOut: Record<string, boolean>,
) {
  if (flavor === record.flavor) return;
  const target = switchableFlavors(record, service.switches.switchableFlavors).find((f) => f.id === flavor);
  if (target === undefined) throw notebookErrors.flavorSwitch(record.id, flavor);
  if (isSoldOut(target, soldOut)) throw errors.soldOut();
}

/** `storage_new_size`: EVS only (6336), grow only and at most 4096 GB (6331), one resize at a time (6357). */
function applyResize(record: NotebookRecord, size: number, now: number, timeScale: number): void {
  const volume = record.volume;
  if (volume.category !== "EVS") throw errors.incorrectValue("storage_new_size");
  if (volume.resizingUntil !== undefined && volume.resizingUntil > now) throw errors.operationNotAllowed();
  if (size <= volume.capacity || size > EVS_MAX_GB) throw notebookErrors.evsSize(volume.capacity + 1, EVS_MAX_GB);
  volume.capacity = size;
  volume.resizingUntil = now + scaledMs(NOTEBOOK_NOMINAL_SECONDS.resizing, timeScale);
}

export function updateNotebook(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const input = checkUpdateRequest(jsonBody(request));
  if (input.image_id !== undefined && findNotebookImage(input.image_id) === undefined) {
    throw notebookErrors.imageNotFound(input.image_id);
  }
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const now = service.now();
    checkStatus(input, statusAt(record.timeline, now), service);
    if (input.flavor !== undefined) checkFlavor(record, input.flavor, service, state.notebookSoldOut);
    if (input.storage_new_size !== undefined) applyResize(record, input.storage_new_size, now, service.timeScale);
    if (input.name !== undefined) record.name = input.name;
    if (input.description !== undefined) record.description = input.description;
    if (input.flavor !== undefined) record.flavor = input.flavor;
    if (input.custom_spec !== undefined) {
      record.extras.customSpec = input.custom_spec;
      if (input.flavor === undefined) record.flavor = CUSTOM_FLAVOR_CODE;
    }
    if (input.image_id !== undefined) record.imageId = input.image_id;
    if (input.endpoints !== undefined) record.endpoints = endpointsFrom(input.endpoints);
    if (input.hooks !== undefined) record.extras.hooks = input.hooks;
    if (input.affinity !== undefined) record.extras.affinity = input.affinity;
    if (input.dew_secret_name !== undefined) record.volume.dewSecretName = input.dew_secret_name;
    if (input.data_volumes !== undefined) {
      record.staticVolumes = input.data_volumes.map((d) => ({
        category: d.category,
        ownership: d.ownership,
        uri: d.uri,
        mountPath: d.mount_path,
        readOnly: d.read_only,
      }));
    }
    record.updatedAt = now;
    return { status: 200, body: notebookView(record, service) };
  });
}
