/**
 * The list envelope `{current, data, pages, size, total}` [notebooks §2]. The OTC examples
 * disagree on `current` (0 for notebooks, 4 for images at offset 8 with size 2, 1 for flavors); here it is
 * the 0-based page index `offset / size`. `size` is the page size (10 with 2 items in the notebooks example);
 * without a limit it is the number of items returned.
 */
export interface Page<T> {
  current: number;
  data: T[];
  pages: number;
  size: number;
  total: number;
}

export function paginate<T>(items: readonly T[], offset: number, limit: number | undefined): Page<T> {
  const data = items.slice(offset, limit === undefined ? undefined : offset + limit);
  const size = limit ?? data.length;
  return {
    current: size > 0 ? Math.floor(offset / size) : 0,
    data,
    pages: size > 0 ? Math.ceil(items.length / size) : 0,
    size,
    total: items.length,
  };
}

/** Sorts by the first value of `keys`, ties broken by the next ones; `DESC` reverses. */
export function sortBy<T>(items: T[], keys: ((item: T) => string | number)[], direction: "ASC" | "DESC"): T[] {
  const sign = direction === "ASC" ? 1 : -1;
  return items.sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return sign * (x < y ? -1 : 1);
    }
    return 0;
  });
}
