/** Drops undefined anywhere: an undefined inside a partial-failure error hangs the provider host's RPC. */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
