/**
 * A listing always ends (issue 19 point 2): the page loop on its own, with pages made up here, a clock of our own
 * and no network.
 */
import { followPages, type PagedListing } from "./boundedListing.js";
import { ListingError } from "../base/errors.js";

interface Entry {
  id: string;
}

const entries = (from: number, count: number): Entry[] =>
  Array.from({ length: count }, (_v, i) => ({ id: `e${from + i}` }));

function listing(
  fetch: PagedListing<Entry>["fetch"],
  overrides: Partial<PagedListing<Entry>> = {},
): PagedListing<Entry> {
  return {
    what: "notebooks",
    request: "GET /v1/p/notebooks",
    pageSize: 10,
    fetch,
    keyOf: (e) => e.id,
    limits: { maxItems: 10_000 },
    budgetMs: 300_000,
    now: () => 0,
    ...overrides,
  };
}

test("follows offset to a short page, and stops at total when one is given", async () => {
  const offsets: number[] = [];
  const all = await followPages(
    listing(async (offset) => {
      offsets.push(offset);
      return { items: entries(offset, offset < 20 ? 10 : 3) };
    }),
  );
  expect(offsets).toEqual([0, 10, 20]);
  expect(all).toHaveLength(23);

  const withTotal = await followPages(listing(async (offset) => ({ items: entries(offset, 10), total: 20 })));
  expect(withTotal.map((e) => e.id)).toEqual(entries(0, 20).map((e) => e.id));
});

test("a service that ignores offset (the first page again and again) ends the listing at the second page", async () => {
  let calls = 0;
  const err = await followPages(
    listing(async () => {
      calls++;
      return { items: entries(0, 10), total: 1_000_000 };
    }),
  ).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ListingError);
  expect((err as ListingError).code).toBe("ListingRepeats");
  expect((err as Error).message).toBe(
    "listing notebooks (GET /v1/p/notebooks) got at offset 10 only entries it had already listed: the service " +
      "seems to ignore offset; it stopped after 2 pages and 10 entries",
  );
  expect(calls).toBe(2);
});

test("pages that shift under concurrent creates keep each entry once", async () => {
  // A create between the two pages pushes e9 onto the second page.
  const pages = [entries(0, 10), [...entries(9, 1), ...entries(10, 4)]];
  const all = await followPages(listing(async (offset) => ({ items: pages[offset / 10]! })));
  expect(all.map((e) => e.id)).toEqual(entries(0, 14).map((e) => e.id));
});

test("more entries than the cap, or more pages, end the listing with an error", async () => {
  const endless = listing(async (offset) => ({ items: entries(offset, 10) }), { limits: { maxItems: 95 } });
  await expect(followPages(endless)).rejects.toThrow(
    "listing notebooks (GET /v1/p/notebooks) has more than 95 entries; it stopped after 10 pages and 100 entries",
  );
  // Each page brings one new entry among repeats: only the page cap ends it.
  const trickle = listing(async (offset) => ({ items: [...entries(0, 9), { id: `new${offset}` }] }), {
    limits: { maxItems: 100 },
  });
  const err = (await followPages(trickle).catch((e: unknown) => e)) as ListingError;
  expect(err.code).toBe("ListingTooLong");
  expect(err.message).toMatch(/needs more than 20 pages; it stopped after 20 pages and 29 entries$/);
});

test("a listing that outlasts the request budget stops with an error naming the budget", async () => {
  let now = 0;
  const slow = listing(
    async (offset) => {
      now += 40_000;
      return { items: entries(offset, 10) };
    },
    { now: () => now, budgetMs: 100_000 },
  );
  const err = (await followPages(slow).catch((e: unknown) => e)) as ListingError;
  expect(err.code).toBe("ListingTooSlow");
  expect(err.message).toBe(
    "listing notebooks (GET /v1/p/notebooks) took longer than its 100 s budget; it stopped after 3 pages and 30 entries",
  );
});
