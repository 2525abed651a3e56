import * as pulumi from "@pulumi/pulumi";
import { dynamicResourceProps } from "./dynamicResourceProps.js";
import { OUTPUT_NAMES } from "../provider/storageMount/fields.js";
import type { NotebookTimeoutsArgs } from "./NotebookInstance.js";
import { notebookStorageMountShim } from "./providerShims.js";

export interface NotebookStorageMountArgs {
  /**
   * The notebook to mount into: pass the `Notebook`'s `id` (not its `notebookId`, the same value: while an update
   * of the notebook is previewed, every other output of it is unknown, and the mount would preview as replaced). It
   * must be RUNNING when the mount is created and when it is removed: the API mounts and unmounts only then.
   * Changing it replaces the mount.
   */
  notebookId: pulumi.Input<string>;
  /**
   * API field `category`: `"OBS"` (default; an OBS bucket directory), `"OBSFS"` (a parallel file system) or
   * `"EFS"` (SFS Turbo, with `efsId`). The service may report OBS as OBSFS; that is no change. Changing it replaces
   * the mount.
   */
  category?: pulumi.Input<"OBS" | "OBSFS" | "EFS">;
  /**
   * API field `uri`: `obs://bucket/dir/` (OBS, OBSFS; a directory, ending in "/") or the SFS Turbo path (EFS, such as
   * `192.168.0.1:/share/`), at most 256 characters, without `.` or `..` segments (nor `%2e`) or control characters.
   * Changing it replaces the mount.
   */
  uri: pulumi.Input<string>;
  /**
   * API field `mount_path`: where the storage appears in the notebook, a directory directly under `/data/` ending
   * in "/", e.g. `"/data/datasets/"`; unique among the notebook's mounts. Changing it replaces the mount (the old
   * one is unmounted first).
   */
  mountPath: pulumi.Input<string>;
  /** API field `efs_id`: the SFS Turbo id (a UUID); required for `"EFS"`, refused otherwise. Changing it replaces the mount. */
  efsId?: pulumi.Input<string>;
  /** Operation timeouts, e.g. `{ create: "30m" }`. Defaults: 20m each. Never calls the API. */
  timeouts?: pulumi.Input<NotebookTimeoutsArgs>;
  /**
   * Id of a storage already mounted at `mountPath` with this `uri` (made in the console, or left by a run that was
   * interrupted before Pulumi recorded it), to take over instead of mounting anew. A mount has no owner mark, so
   * one found at the path is otherwise never taken over, whoever made it: the create fails naming it. Read at
   * create only.
   */
  adoptId?: pulumi.Input<string>;
}

/**
 * Storage mounted into a running notebook while it runs (the notebooks API's dynamic storage, `POST
 * /v1/{project_id}/notebooks/{id}/storage`): an OBS directory, a parallel file system or SFS Turbo appears under
 * `/data/`. Like Terraform's `huaweicloud_modelarts_notebook_mount_storage`, every change replaces the mount.
 *
 * ```ts
 * const datasets = new NotebookStorageMount("datasets", {
 *   notebookId: dev.id, // a Notebook with desiredStatus: "RUNNING"; its id stays known in previews
 *   uri: "obs://my-bucket/datasets/",
 *   mountPath: "/data/datasets/",
 * });
 * ```
 */
export class NotebookStorageMount extends pulumi.dynamic.Resource {
  // Every input is also an output: the inputs as applied.
  /** The notebook the storage is mounted into. */
  declare public readonly notebookId: pulumi.Output<string>;
  /** The declared category (default `"OBS"`). */
  declare public readonly category: pulumi.Output<"OBS" | "OBSFS" | "EFS">;
  declare public readonly uri: pulumi.Output<string>;
  declare public readonly mountPath: pulumi.Output<string>;
  declare public readonly efsId: pulumi.Output<string | undefined>;
  declare public readonly timeouts: pulumi.Output<{ create?: string; update?: string; delete?: string } | undefined>;
  declare public readonly adoptId: pulumi.Output<string | undefined>;
  // What the service reports.
  /** The mount's id (a UUID), also the resource id. */
  declare public readonly storageId: pulumi.Output<string>;
  /** Status at the last create or refresh: `MOUNTED`, or `MOUNT_FAILED` (the next `pulumi up` replaces it), ... */
  declare public readonly status: pulumi.Output<string>;
  /** The service's reason for a failed mount (`failure_reason`), or `""`. */
  declare public readonly failureReason: pulumi.Output<string>;

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
    super(notebookStorageMountShim, name, registered.props, registered.opts, "modelarts", "NotebookStorageMount");
  }
}

/** The arguments `NotebookStorageMount.get` makes: only the notebook's id, for the read. */
const READ_ONLY = new WeakSet<NotebookStorageMountArgs>();
