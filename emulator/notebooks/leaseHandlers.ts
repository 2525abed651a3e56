/**
 * GET and PATCH .../{id}/lease [notebooks §9]. Both are documented for running notebooks only,
 * so any other status answers 6327. A renewal moves the deadline to now + duration (the start example's
 * arithmetic; the renew example's figures do not fit any one rule) and replaces the scheduled stop.
 */
import { errors } from "../shared/errors.js";
import type { ServiceContext } from "../shared/context.js";
import type { HandlerResult, RoutedRequest } from "../shared/router.js";
import { statusAt } from "../shared/phases.js";
import { findLiveNotebook } from "./findNotebook.js";
import { extendLease, leaseWire } from "./lease.js";
import { checkRenewLease, jsonBody } from "./requestChecks.js";
import { rescheduleAutoStop } from "./timeline.js";

export function showLease(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const record = findLiveNotebook(service.store.read(), request, service);
  if (statusAt(record.timeline, service.now()) !== "RUNNING") throw errors.notRunning();
  return { status: 200, body: leaseWire(record.lease) };
}

export function renewLease(request: RoutedRequest, service: ServiceContext): HandlerResult {
  const renewal = checkRenewLease(request.query, jsonBody(request, true));
  return service.store.mutate((state) => {
    const record = findLiveNotebook(state, request, service);
    const now = service.now();
    if (statusAt(record.timeline, now) !== "RUNNING") throw errors.notRunning();
    extendLease(record.lease, now, renewal.duration, service.timeScale);
    if (renewal.type !== undefined) record.lease.type = renewal.type;
    record.timeline = rescheduleAutoStop(record.timeline, now, record.lease, service.timeScale);
    return { status: 200, body: leaseWire(record.lease) };
  });
}
