import { randomBytes } from "node:crypto";

// 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch: the UUID v1 time base.
const GREGORIAN_OFFSET = 122192928000000000n;
let lastTicks = 0n;

/**
 * `DE-` + a UUID v1-like string, as in every sample (`DE-a970f5d4-7b26-11eb-91ca-0255ac10003b`, [demanager §5]): the
 * time fields come from the clock, the node keeps the samples' `0255ac10` prefix, and the clock sequence is
 * random so that ids made by different processes sharing a state file never collide.
 */
export function newInstanceId(nowMs: number = Date.now()): string {
  let ticks = BigInt(nowMs) * 10000n + GREGORIAN_OFFSET;
  if (ticks <= lastTicks) ticks = lastTicks + 1n;
  lastTicks = ticks;
  const timeLow = (ticks & 0xffffffffn).toString(16).padStart(8, "0");
  const timeMid = ((ticks >> 32n) & 0xffffn).toString(16).padStart(4, "0");
  const timeHi = (((ticks >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, "0");
  const random = randomBytes(4);
  const clockSeq = (((random.readUInt16BE(0) & 0x3fff) | 0x8000) >>> 0).toString(16).padStart(4, "0");
  const node = `0255ac10${random.subarray(2).toString("hex")}`;
  return `DE-${timeLow}-${timeMid}-${timeHi}-${clockSeq}-${node}`;
}
