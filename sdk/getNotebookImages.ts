import * as pulumi from "@pulumi/pulumi";
import {
  findNotebookImages,
  type GetNotebookImagesArgs,
  type GetNotebookImagesResult,
} from "../provider/lookups/notebookImages.js";
import { lazyLookupClient } from "./lazyLookupClient.js";

export type {
  GetNotebookImagesArgs,
  GetNotebookImagesResult,
  NotebookImageInfo,
} from "../provider/lookups/notebookImages.js";

/** {@link GetNotebookImagesArgs} whose fields may be outputs of other resources. */
export type GetNotebookImagesOutputArgs = {
  [K in keyof GetNotebookImagesArgs]: pulumi.Input<GetNotebookImagesArgs[K]>;
};

/**
 * The notebook images (GET /v1/{project_id}/images), filtered; `cpuArch` and `tag` client-side. Runs in the
 * program's process with the provider's settings (stack config `modelarts:*`, then the environment), in
 * `pulumi preview` too. Fails when nothing matches unless `allowEmpty`.
 *
 * ```ts
 * const { id } = await getNotebookImages({ name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" });
 * ```
 */
export async function getNotebookImages(args: GetNotebookImagesArgs = {}): Promise<GetNotebookImagesResult> {
  return findNotebookImages(args, lazyLookupClient);
}

/**
 * {@link getNotebookImages} for arguments that may be outputs: the lookup runs once they are known.
 *
 * ```ts
 * const image = getNotebookImagesOutput({ name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" });
 * new Notebook("dev", { imageId: image.id, ... });
 * ```
 */
export function getNotebookImagesOutput(
  args: GetNotebookImagesOutputArgs = {},
): pulumi.Output<GetNotebookImagesResult> {
  return pulumi.output(args).apply((plain) => getNotebookImages(plain as GetNotebookImagesArgs));
}
