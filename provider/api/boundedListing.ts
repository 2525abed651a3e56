import { ListingError } from "../base/errors.js";

/**
 * How far a listing may go. No project holds 10,000 notebooks, instances or images (ModelArts quotas are far
 * lower), and a page count of twice what those entries need leaves room for pages that shift while they are read.
 */
export interface ListingLimits {
  maxItems: number;
  /** Default: twice the pages `maxItems` fills. */
  maxPages?: number;
}

export const DEFAULT_LISTING_LIMITS: ListingLimits = { maxItems: 10_000 };

export interface PagedListing<T> {
  /** What is listed, for errors: `notebooks`, `images`, `notebook instances`. */
  what: string;
  /** The request, for errors: `GET /v1/<project>/notebooks`. */
  request: string;
  pageSize: number;
  fetch: (offset: number) => Promise<{ items: T[]; total?: number }>;
  /** What makes an entry itself: its id. */
  keyOf: (item: T) => string;
  limits: ListingLimits;
  /** The request budget (RetryOptions.maxElapsedMs): the whole listing ends within it. */
  budgetMs: number;
  now: () => number;
}

/**
 * Every entry of a listing that pages with `offset`, stopping at a short page or at `total`. A listing always ends:
 * a page that brings nothing new (a service that ignores `offset` answers the first page again and again) stops it,
 * as do more pages or entries than `limits` allow and the request budget; each is an error naming the listing and
 * why, never a partial result. An entry listed twice (pages shifting under concurrent creates) is kept once.
 */
export async function followPages<T>(listing: PagedListing<T>): Promise<T[]> {
  const { limits, pageSize } = listing;
  const maxPages = limits.maxPages ?? 2 * Math.ceil(limits.maxItems / pageSize);
  const started = listing.now();
  const seen = new Set<string>();
  const all: T[] = [];
  let pages = 0;
  const stop = (why: string, code: ConstructorParameters<typeof ListingError>[1]) =>
    new ListingError(
      `listing ${listing.what} (${listing.request}) ${why}; it stopped after ${pages} pages and ${all.length} entries`,
      code,
    );
  for (let offset = 0; ;) {
    if (pages >= maxPages) throw stop(`needs more than ${maxPages} pages`, "ListingTooLong");
    const elapsed = listing.now() - started;
    if (pages > 0 && elapsed > listing.budgetMs) {
      throw stop(`took longer than its ${Math.round(listing.budgetMs / 1000)} s budget`, "ListingTooSlow");
    }
    const { items, total } = await listing.fetch(offset);
    pages++;
    const fresh = items.filter((item) => {
      const key = listing.keyOf(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (items.length > 0 && fresh.length === 0) {
      throw stop(
        `got at offset ${offset} only entries it had already listed: the service seems to ignore offset`,
        "ListingRepeats",
      );
    }
    all.push(...fresh);
    if (all.length > limits.maxItems) throw stop(`has more than ${limits.maxItems} entries`, "ListingTooLong");
    if (items.length < pageSize) return all;
    if (total !== undefined && offset + items.length >= total) return all;
    offset += items.length;
  }
}
