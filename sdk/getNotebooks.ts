import * as pulumi from "@pulumi/pulumi";
import { findNotebooks, type GetNotebooksArgs, type GetNotebooksResult } from "../provider/lookups/notebooks.js";
import { lazyLookupClient } from "./lazyLookupClient.js";

export type { GetNotebooksArgs, GetNotebooksResult, NotebookInfo } from "../provider/lookups/notebooks.js";

/** {@link GetNotebooksArgs} whose fields may be outputs of other resources. */
export type GetNotebooksOutputArgs = {
  [K in keyof GetNotebooksArgs]: pulumi.Input<GetNotebooksArgs[K]>;
};

/**
 * The project's notebooks (GET /v1/{project_id}/notebooks), filtered by name (exact, or a pattern with `*` and
 * `?`), status, flavor, image and tags, by name: each with what adopting it takes (its id for `adoptId` or
 * `pulumi import`, flavor, image, volume, tags) and this package's owner mark when a `Notebook` owns it (what
 * `adoptOwnedBy` must name). Runs in the program's process with the provider's settings (stack config
 * `modelarts:*`, then the environment), in `pulumi preview` too. An empty list when nothing matches.
 *
 * ```ts
 * const { notebooks } = await getNotebooks({ namePattern: "team-*", status: "RUNNING" });
 * const taken = (await getNotebooks({ name: "dev" })).notebooks.length > 0;
 * ```
 */
export async function getNotebooks(args: GetNotebooksArgs = {}): Promise<GetNotebooksResult> {
  return findNotebooks(args, lazyLookupClient);
}

/**
 * {@link getNotebooks} for arguments that may be outputs: the lookup runs once they are known.
 *
 * ```ts
 * const same = getNotebooksOutput({ name: dev.name }); // dev's notebook, and any other of that name
 * export const namesakes = same.notebooks.apply((n) => n.length);
 * ```
 */
export function getNotebooksOutput(args: GetNotebooksOutputArgs = {}): pulumi.Output<GetNotebooksResult> {
  return pulumi.output(args).apply((plain) => getNotebooks(plain as GetNotebooksArgs));
}
