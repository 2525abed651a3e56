/**
 * One listing shared by the operations that start together: a `pulumi up` of 50 notebooks creates them at once, and
 * each create first looks for its own leftovers (an interrupted run's) in the same listing. Asking once for all
 * of them keeps 49 requests off the gateway's quota at the busiest moment of the run. A listing is reused for at
 * most `maxAgeMs` and only by operations of the same connection; callers confirm what they act on with a fresh GET,
 * so a listing a few seconds old is never the only evidence for an action.
 */
type Entries = Map<string, { at: number; items: Promise<unknown[]> }>;
const holder: { cache: WeakMap<object, Entries> } = { cache: new WeakMap() };

/**
 * Forgets every shared listing, as a new provider process starts without any: tests that play "the next run" in
 * the same process call it.
 */
export function forgetRecentListings(): void {
  holder.cache = new WeakMap();
}

export function recentListing<T>(
  owner: object,
  key: string,
  maxAgeMs: number,
  load: () => Promise<T[]>,
  now: () => number = Date.now,
): Promise<T[]> {
  const cache = holder.cache;
  let byKey = cache.get(owner);
  if (!byKey) cache.set(owner, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && now() - hit.at <= maxAgeMs) return hit.items as Promise<T[]>;
  const items = load();
  byKey.set(key, { at: now(), items });
  // A failed listing is not shared: the next caller asks again.
  items.catch(() => {
    if (byKey.get(key)?.items === items) byKey.delete(key);
  });
  return items;
}
