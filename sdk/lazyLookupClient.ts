import type { NotebooksClient } from "../provider/api/NotebooksClient.js";

/**
 * `lookupClient` (lookupClient.ts), loaded at the first lookup: the client and everything under it (the HTTP layer, signing,
 * IAM) cost a program that calls no lookup ~50 ms to load, and most programs call none. `nodenext` keeps this
 * import() a real dynamic import in the CommonJS build, as for the provider shims.
 */
export async function lazyLookupClient(): Promise<NotebooksClient> {
  const { lookupClient } = await import("./lookupClient.js");
  return lookupClient();
}
