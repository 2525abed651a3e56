import type { RequestSpec } from "./RequestExecutor.js";

/**
 * How a waiter's GET asks for its turn. `poll`: it yields to requests that start work while the rate limiter paces.
 * `spareUntil` (ms since the epoch): an early look (frame/waitForStatus.ts) that goes out only with quota nobody
 * queued for, before then or never, and is never repeated: a refused or failed look costs the wait nothing, its
 * regular poll follows as planned.
 */
export interface PollOptions {
  poll?: boolean;
  spareUntil?: number;
}

export function pollRequest(options: PollOptions): Pick<RequestSpec<unknown>, "retry" | "priority" | "queueUntil"> {
  if (options.spareUntil !== undefined) return { retry: "once", priority: "spare", queueUntil: options.spareUntil };
  return { retry: "idempotent", ...(options.poll && { priority: "background" as const }) };
}
