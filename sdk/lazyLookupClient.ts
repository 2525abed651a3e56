import type { NotebooksClient } from "../provider/api/NotebooksClient.js";

/**
 * `lookupClient` (lookupClient.ts), loaded at the first lookup: the client and everything under it (the HTTP layer,
 * signing, IAM) cost a program that calls no lookup ~50 ms to load, and most programs call none. A plain require,
 * not import(): this package is CommonJS, so it loads at once and in every runtime that loads the package (a
 * user's test runner without ESM support included), and a settings error is thrown as it was before.
 */
export function lazyLookupClient(): Promise<NotebooksClient> {
  const { lookupClient } = require("./lookupClient.js") as typeof import("./lookupClient.js");
  return lookupClient();
}
