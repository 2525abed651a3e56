import * as pulumi from "@pulumi/pulumi";
import {
  findNotebookFlavors,
  type GetNotebookFlavorsArgs,
  type GetNotebookFlavorsResult,
} from "../provider/lookups/notebookFlavors.js";
import { lazyLookupClient } from "./lazyLookupClient.js";

export type {
  GetNotebookFlavorsArgs,
  GetNotebookFlavorsResult,
  NotebookFlavorInfo,
} from "../provider/lookups/notebookFlavors.js";

/** {@link GetNotebookFlavorsArgs} whose fields may be outputs of other resources. */
export type GetNotebookFlavorsOutputArgs = {
  [K in keyof GetNotebookFlavorsArgs]: pulumi.Input<GetNotebookFlavorsArgs[K]>;
};

/**
 * The notebook flavors of the region (GET /v1/{project_id}/notebooks/flavors), filtered. Runs in the program's
 * process with the provider's settings (stack config `modelarts:*`, then the environment), in `pulumi preview`
 * too. Fails when nothing matches unless `allowEmpty`.
 *
 * ```ts
 * const { id } = await getNotebookFlavors({ category: "GPU" }); // the smallest GPU flavor not sold out
 * ```
 */
export async function getNotebookFlavors(args: GetNotebookFlavorsArgs = {}): Promise<GetNotebookFlavorsResult> {
  return findNotebookFlavors(args, lazyLookupClient);
}

/**
 * {@link getNotebookFlavors} for arguments that may be outputs: the lookup runs once they are known.
 *
 * ```ts
 * const flavor = getNotebookFlavorsOutput({ category: "CPU", minVcpus: 8 });
 * new Notebook("dev", { flavor: flavor.id, ... });
 * ```
 */
export function getNotebookFlavorsOutput(
  args: GetNotebookFlavorsOutputArgs = {},
): pulumi.Output<GetNotebookFlavorsResult> {
  return pulumi.output(args).apply((plain) => getNotebookFlavors(plain as GetNotebookFlavorsArgs));
}
