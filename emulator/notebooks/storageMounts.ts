/**
 * Dynamic storage [notebooks §12]: mount OBS, PFS or SFS Turbo into a RUNNING notebook
 * (MOUNTING → MOUNTED) and unmount it (UNMOUNTING → UNMOUNTED, then gone). Mounting and unmounting need a
 * RUNNING notebook (6327); unmounting needs a MOUNTED or failed mount (6357). A request for OBS comes back
 * as OBSFS, as in the OTC example. Two live mounts may not share a mount path (6336; the docs are silent).
 */
import { randomUUID } from "node:crypto";
import { errors } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { statusAt } from "../shared/phases.js";
import { findLiveMount, findLiveNotebook } from "./findNotebook.js";
import { paginate } from "./paging.js";
import { storageWire } from "./render.js";
import { checkDataVolumesRequest, jsonBody } from "./requestChecks.js";
import { planMount, planUnmount } from "./timeline.js";
import type { NotebookRecord } from "./types.js";

const UNMOUNTABLE = new Set(["MOUNTED", "MOUNT_FAILED", "UNMOUNT_FAILED"]);

function requireRunning(record: NotebookRecord, now: number): void {
  if (statusAt(record.timeline, now) !== "RUNNING") throw errors.notRunning();
}

export function attachStorage(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const input = checkDataVolumesRequest(jsonBody(request));
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const now = service.now();
    requireRunning(record, now);
    if (record.mounts.some((m) => m.mountPath === input.mount_path && statusAt(m.timeline, now) !== "GONE")) {
      throw errors.incorrectValue("mount_path");
    }
    const mount = {
      id: randomUUID(),
      category: input.category === "OBS" ? "OBSFS" : input.category,
      mountPath: input.mount_path,
      uri: input.uri,
      efsId: input.efs_id,
      timeline: planMount(now, service.timeScale),
    };
    record.mounts.push(mount);
    return { status: 200, body: storageWire(mount, now) };
  });
}

export function listStorage(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const record = findLiveNotebook(service.store.read(), request, service);
  const now = service.now();
  const live = record.mounts.filter((m) => statusAt(m.timeline, now) !== "GONE");
  const page = paginate(live, 0, undefined);
  return { status: 200, body: { ...page, data: page.data.map((m) => storageWire(m, now)) } };
}

export function showStorage(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const record = findLiveNotebook(service.store.read(), request, service);
  return { status: 200, body: storageWire(findLiveMount(record, request, service), service.now()) };
}

export function detachStorage(request: RoutedRequest, service: ServiceContext): HandlerResult {
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const mount = findLiveMount(record, request, service);
    const now = service.now();
    requireRunning(record, now);
    if (!UNMOUNTABLE.has(statusAt(mount.timeline, now))) throw errors.operationNotAllowed();
    mount.timeline = planUnmount(now, service.timeScale);
    return { status: 200, body: storageWire(mount, now) };
  });
}
