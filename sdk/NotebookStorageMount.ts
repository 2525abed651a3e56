import * as pulumi from "@pulumi/pulumi";
import { dynamicResourceProps } from "./dynamicResourceProps.js";
import { pauseRegistrationStacks } from "./registrationStacks.js";
import { OUTPUT_NAMES } from "../provider/storageMount/fields.js";
import { notebookStorageMountShim } from "./providerShims.js";
import type { NotebookStorageMountArgs } from "./resourceArgs.js";
import type { NotebookStorageMountOutputProperties } from "./resourceOutputs.js";

// Every output, typed and documented (generated from schema.json): Pulumi sets each registered output on the object,
// so the merge with the class declares what is there.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface NotebookStorageMount extends NotebookStorageMountOutputProperties {}

/**
 * Storage mounted into a running notebook while it runs (the notebooks API's dynamic storage, `POST
 * /v1/{project_id}/notebooks/{id}/storage`): an OBS directory, a parallel file system or SFS Turbo appears under
 * `/data/`. Like Terraform's `huaweicloud_modelarts_notebook_mount_storage`, every change replaces the mount.
 * While it is mounted, the notebook carries a tag `pulumi-modelarts.mount.<hash>` that names this path and uri, so
 * that the notebook's `mounts` output shows the storage as `managed`; the tag is written before the mount and removed
 * after the unmount.
 *
 * ```ts
 * const datasets = new NotebookStorageMount("datasets", {
 *   notebookId: dev.id, // a Notebook with desiredStatus: "RUNNING"; its id stays known in previews
 *   uri: "obs://my-bucket/datasets/",
 *   mountPath: "/data/datasets/",
 * });
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the outputs interface above
export class NotebookStorageMount extends pulumi.dynamic.Resource {
  /**
   * A read-only reference to an existing mount: its id and its notebook's id (the API addresses a mount through
   * its notebook). Nothing is managed.
   */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    notebookId: pulumi.Input<string>,
    opts?: pulumi.CustomResourceOptions,
  ): NotebookStorageMount {
    const args = { notebookId } as NotebookStorageMountArgs;
    READ_ONLY.add(args);
    return new NotebookStorageMount(name, args, { ...opts, id });
  }

  constructor(name: string, args: NotebookStorageMountArgs, opts?: pulumi.CustomResourceOptions) {
    const registered = dynamicResourceProps(
      {
        type: "NotebookStorageMount",
        outputNames: OUTPUT_NAMES,
        deleteFirstBecause:
          "a mount path is unique per notebook, so the new mount can only be made once the old one is unmounted",
        ownerKey: false,
        generatedName: false,
      },
      name,
      READ_ONLY.has(args) ? undefined : { ...args },
      opts,
      { notebookId: args.notebookId },
    );
    // Pulumi would format a stack for each of the ~140 promises of this registration (registrationStacks.ts).
    const stacks = pauseRegistrationStacks();
    try {
      super(notebookStorageMountShim, name, registered.props, registered.opts, "modelarts", "NotebookStorageMount");
    } catch (err) {
      stacks.rethrow(err);
    } finally {
      stacks.resume();
    }
  }
}

/** The arguments `NotebookStorageMount.get` makes: only the notebook's id, for the read. */
const READ_ONLY = new WeakSet<NotebookStorageMountArgs>();
