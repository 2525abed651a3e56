/**
 * The lease (auto-stop) model of notebooks [notebooks §9]. The service keeps `create_at` for the
 * notebook's life and moves the deadline by growing `duration`: in the OTC start example create_at stays
 * 1638841744515 while duration becomes 6327212, i.e. deadline = (time of the start) + 3600000. The emulator
 * does the same for start, renewal and (as the OTC stop example shows) stop. Durations are nominal ms; the
 * real deadline uses the time scale, so the wire values stay in the documented range at any scale.
 */
import { LEASE_DISABLED, LEASE_DURATION_DEFAULT_MS, type LeaseType } from "../../protocol/notebooks/wireTypes.js";
import type { LeaseRecord } from "./types.js";

/**
 * At create: top-level `duration` wins over `lease` and forces TIMING [notebooks §4.1]. `-1` (Terraform) disables
 * auto-stop; the record then keeps the default duration, and `enable: false` is what tells.
 */
export function leaseAtCreate(
  now: number,
  duration: number | undefined,
  lease: { duration?: number; type?: LeaseType } | undefined,
): LeaseRecord {
  const requested = duration ?? lease?.duration;
  const type = duration !== undefined ? "TIMING" : (lease?.type ?? "TIMING");
  const enable = requested !== LEASE_DISABLED;
  const length = requested === undefined || requested === LEASE_DISABLED ? LEASE_DURATION_DEFAULT_MS : requested;
  return { createAt: now, updateAt: now, duration: length, enable, type };
}

/** Moves the deadline to now + `durationMs` (nominal) and enables the lease. */
export function extendLease(lease: LeaseRecord, now: number, durationMs: number, timeScale: number): void {
  lease.duration = Math.round((now - lease.createAt) / timeScale) + durationMs;
  lease.updateAt = now;
  lease.enable = true;
}

/** Start `?duration&type` [notebooks §8]: `-1` disables; no duration keeps an enabled lease at the default length. */
export function leaseOnStart(
  lease: LeaseRecord,
  now: number,
  query: { duration?: number; type?: LeaseType },
  timeScale: number,
): void {
  if (query.type !== undefined) lease.type = query.type;
  if (query.duration === LEASE_DISABLED) {
    lease.enable = false;
    lease.updateAt = now;
  } else if (query.duration !== undefined) {
    extendLease(lease, now, query.duration, timeScale);
  } else if (lease.enable) {
    extendLease(lease, now, LEASE_DURATION_DEFAULT_MS, timeScale);
  }
}

/** The OTC stop example shows the lease moved to (time of the stop) + 3600000 as well. */
export function leaseOnStop(lease: LeaseRecord, now: number, timeScale: number): void {
  if (lease.enable) extendLease(lease, now, LEASE_DURATION_DEFAULT_MS, timeScale);
}

export function leaseWire(lease: LeaseRecord): Record<string, unknown> {
  return {
    create_at: lease.createAt,
    duration: lease.duration,
    enable: lease.enable,
    type: lease.type,
    update_at: lease.updateAt,
  };
}
