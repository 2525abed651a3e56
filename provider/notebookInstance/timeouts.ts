import { DEFAULT_TIMEOUTS } from "./fieldTables.js";
import { parseDurationMs } from "./parseDuration.js";
import type { TimeoutsInput } from "./types.js";

/** The timeout for one operation, from the `timeouts` input (check has validated the format). */
export function timeoutMs(timeouts: TimeoutsInput | undefined, operation: keyof TimeoutsInput): number {
  return (
    parseDurationMs(timeouts?.[operation] ?? DEFAULT_TIMEOUTS[operation]) ??
    parseDurationMs(DEFAULT_TIMEOUTS[operation])!
  );
}
