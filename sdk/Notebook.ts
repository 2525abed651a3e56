import * as pulumi from "@pulumi/pulumi";
import { dynamicResourceProps } from "./dynamicResourceProps.js";
import { OUTPUT_NAMES } from "../provider/notebook/fields.js";
import type { NotebookTimeoutsArgs } from "./NotebookInstance.js";
import { notebookShim } from "./providerShims.js";

/** The notebook's work volume (API field `volume`). */
export interface NotebookVolumeArgs {
  /**
   * API field `volume.category`: `"EVS"` (a cloud disk, the usual choice), `"EFS"` (SFS Turbo), `"OBS"` or
   * `"OBSFS"`. Changing it replaces the notebook, which deletes a MANAGED volume (see `allowDataLossOnReplace`).
   */
  category: pulumi.Input<"EVS" | "EFS" | "OBS" | "OBSFS">;
  /** API field `volume.ownership`: `"MANAGED"` (default) or `"DEDICATED"` (EFS only). Changing it replaces the notebook. */
  ownership?: pulumi.Input<"MANAGED" | "DEDICATED">;
  /**
   * API field `volume.capacity`, in GB, EVS only, at most 4096. Default 5. Grows in place (the notebook stays
   * usable while the volume is RESIZING); a smaller value fails at `pulumi preview`: the API cannot shrink a volume.
   */
  capacityGb?: pulumi.Input<number>;
  /**
   * API field `volume.uri`: `obs://bucket/dir/` for OBS and OBSFS, the SFS Turbo path (`192.168.0.1:/share/`) for
   * DEDICATED EFS; at most 1024 characters, without `.` or `..` segments (nor `%2e`). Changing it replaces the
   * notebook.
   */
  uri?: pulumi.Input<string>;
  /** API field `volume.id`: the SFS Turbo id (a UUID), for DEDICATED EFS. Changing it replaces the notebook. */
  id?: pulumi.Input<string>;
  /**
   * API field `volume.mount_path`: an absolute path, at most 256 characters, without `.` or `..` segments or control
   * characters. Default: the service's (`/home/ma-user/work/`). Changing it replaces the notebook.
   */
  mountPath?: pulumi.Input<string>;
  /** API field `volume.read_only`. Changing it replaces the notebook. */
  readOnly?: pulumi.Input<boolean>;
  /** API field `volume.dew_secret_name`: the DEW secret holding the OBS credentials (OBS). Changing it replaces the notebook. */
  dewSecretName?: pulumi.Input<string>;
}

/** SSH access (API field `endpoints`, service `SSH`). Changing it stops and starts a running notebook. */
export interface NotebookSshArgs {
  /** API field `key_pair_names[0]`: an ECS key pair of the project (at most 64 letters, digits, `.`, `_`, `-`). */
  keyPairName: pulumi.Input<string>;
  /**
   * API field `allowed_access_ips`: at most 5 IPv4 addresses that may connect, each once, such as
   * `"203.0.113.10"`. The API takes addresses: a CIDR range, IPv6 and `0.0.0.0` are refused at preview. Default
   * (absent): any address, which is the way to allow everyone.
   */
  allowedAccessIps?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Automatic stop (API field `lease`; `duration` in milliseconds on the wire). Changed in place: a running notebook's
 * lease is renewed with the new duration; on a stopped notebook the change applies from the next start.
 */
export interface NotebookLeaseArgs {
  enabled: pulumi.Input<boolean>;
  /** Running time before the stop, in seconds, 3600–259200. Default 3600. */
  durationSeconds?: pulumi.Input<number>;
  /** `"TIMING"` (default: after the duration) or `"IDLE"` (after the duration without activity). */
  type?: pulumi.Input<"TIMING" | "IDLE">;
}

export interface NotebookArgs {
  /**
   * API field `name`: at most 128 of `[A-Za-z0-9_-]`; names may repeat in this API. Default: `namePrefix` and 7
   * characters derived from the resource's owner mark (its project, stack and name and a random part kept in its
   * state): stable across updates, different in every stack and every deployment (two people's stack `dev` on their
   * own backends), unknown at `pulumi preview` until the first `up`, new for a replacement. Changed in place.
   */
  name?: pulumi.Input<string>;
  /**
   * Prefix of the generated name when `name` is absent: at most 128 characters, no control characters (others the
   * API rejects become `-`). Default: the resource name.
   */
  namePrefix?: pulumi.Input<string>;
  /**
   * API field `description`: at most 512 characters, none of `& < > " ' /` and no control or invisible formatting
   * characters (line breaks, right-to-left overrides). Default `""`. Changed in place.
   */
  description?: pulumi.Input<string>;
  /**
   * API field `flavor`, e.g. `"modelarts.vm.cpu.2u"` (see `getNotebookFlavors`; letters, digits, `.`, `_`, `-`, at
   * most 128). Changed in place: a running notebook is stopped, changed and started again.
   */
  flavor: pulumi.Input<string>;
  /**
   * API field `image_id`: the image's UUID (see `getNotebookImages` to find one by name). Changed in place: a
   * running notebook is stopped, changed and started again.
   */
  imageId: pulumi.Input<string>;
  /** API field `volume`. */
  volume: pulumi.Input<NotebookVolumeArgs>;
  /** SSH access. Changed in place with a stop and a start when the notebook is running. */
  ssh?: pulumi.Input<NotebookSshArgs>;
  /** API field `pool_id`: a dedicated resource pool. Changing it replaces the notebook. */
  poolId?: pulumi.Input<string>;
  /** API field `workspace_id`: `"0"` (default) or a 32-character workspace id. Changing it replaces the notebook. */
  workspaceId?: pulumi.Input<string>;
  /**
   * Automatic stop. Default: the service's own, a stop after 1 hour of running (TIMING). `{ enabled: false }` runs
   * the notebook until it is stopped.
   */
  autoStop?: pulumi.Input<NotebookLeaseArgs>;
  /**
   * Tags (the notebooks API's tag calls): at most 19 (the service keeps 20 per notebook, one of them the provider's
   * owner tag); keys of at most 128 and values of at most 255 letters, digits, spaces and `_ . : = + - @` (values
   * also `/`). Changed in place.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Power state to enforce: `"RUNNING"` or `"STOPPED"`, on create, update and after a refresh (start/stop, in
   * place). Absent: the power state is not managed, and an auto-stop is never drift.
   */
  desiredStatus?: pulumi.Input<"RUNNING" | "STOPPED">;
  /**
   * `true` lets a change that replaces the notebook (the volume's category, ownership or other fixed fields,
   * `poolId`, `workspaceId`) delete its MANAGED volume (EVS, or a managed EFS share) and every file on it. Absent or
   * `false`: such a replacement fails at `pulumi preview`, naming the inputs that force it and what would be lost.
   * A DEDICATED EFS or an OBS volume outlives the notebook and never stops a replacement; nor does a notebook whose
   * create failed (it holds nothing). `pulumi up --replace` counts as asking. Changing it never calls the API.
   */
  allowDataLossOnReplace?: pulumi.Input<boolean>;
  /**
   * Operation timeouts, e.g. `{ create: "45m" }`, each between `"1s"` and `"24h"`. Defaults: create 30m, update 20m,
   * delete 20m. Never calls the API.
   */
  timeouts?: pulumi.Input<NotebookTimeoutsArgs>;
  /**
   * Id of an existing notebook to take over instead of creating one (`pulumi import` does not work for dynamic
   * resources). What can change in place is then brought to the declared values; a difference in a field that
   * cannot (the volume, pool, workspace) fails the create. A notebook that carries another Pulumi resource's owner
   * mark (another stack manages it) is refused at `pulumi preview`, naming that owner, unless `adoptOwnedBy` names
   * it. Read at create only.
   */
  adoptId?: pulumi.Input<string>;
  /**
   * With `adoptId`: take the notebook over although another Pulumi resource's owner mark is on it, naming that
   * owner exactly as the refusal names it (`"<project>/<stack>/<resource>"`; for a mark made by an earlier version,
   * the 32 hex digits the refusal shows). The notebook then carries this resource's mark; remove it from the other
   * stack's state (`pulumi state delete <urn>` there), or that stack's destroy deletes it. Read at create only.
   */
  adoptOwnedBy?: pulumi.Input<string>;
}

/**
 * A ModelArts notebook of the notebooks API (`/v1/{project_id}/notebooks`, "DevEnviron new version"): what the
 * console, the hcloud CLI, the SDKs and Terraform's `huaweicloud_modelarts_notebook` manage today.
 *
 * ```ts
 * const dev = new Notebook("dev", {
 *   flavor: "modelarts.vm.cpu.2u",
 *   imageId: image.id, // from getNotebookImagesOutput({ name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" })
 *   volume: { category: "EVS", capacityGb: 20 },
 *   autoStop: { enabled: true, durationSeconds: 7200 },
 * });
 * export const url = dev.url;
 * ```
 */
export class Notebook extends pulumi.dynamic.Resource {
  // Every input is also an output: the inputs as applied.
  /** The notebook's name (an adopted notebook keeps its own). */
  declare public readonly name: pulumi.Output<string>;
  declare public readonly namePrefix: pulumi.Output<string | undefined>;
  declare public readonly description: pulumi.Output<string>;
  declare public readonly flavor: pulumi.Output<string>;
  declare public readonly imageId: pulumi.Output<string>;
  declare public readonly volume: pulumi.Output<{
    category: "EVS" | "EFS" | "OBS" | "OBSFS";
    ownership: "MANAGED" | "DEDICATED";
    capacityGb?: number;
    uri?: string;
    id?: string;
    mountPath?: string;
    readOnly?: boolean;
    dewSecretName?: string;
  }>;
  declare public readonly ssh: pulumi.Output<{ keyPairName: string; allowedAccessIps?: string[] } | undefined>;
  declare public readonly poolId: pulumi.Output<string | undefined>;
  declare public readonly workspaceId: pulumi.Output<string>;
  declare public readonly autoStop: pulumi.Output<{
    enabled: boolean;
    durationSeconds?: number;
    type?: "TIMING" | "IDLE";
  }>;
  declare public readonly tags: pulumi.Output<Record<string, string> | undefined>;
  declare public readonly desiredStatus: pulumi.Output<"RUNNING" | "STOPPED" | undefined>;
  declare public readonly allowDataLossOnReplace: pulumi.Output<boolean | undefined>;
  declare public readonly timeouts: pulumi.Output<{ create?: string; update?: string; delete?: string } | undefined>;
  declare public readonly adoptId: pulumi.Output<string | undefined>;
  declare public readonly adoptOwnedBy: pulumi.Output<string | undefined>;
  // What the service reports.
  /** The notebook id (a UUID), also the resource id. */
  declare public readonly notebookId: pulumi.Output<string>;
  /** Status at the last create, update or refresh (e.g. `RUNNING`, `STOPPED`). */
  declare public readonly status: pulumi.Output<string>;
  /** JupyterLab URL. */
  declare public readonly url: pulumi.Output<string>;
  /** Why a create or start failed (`fail_reason`), or `""`. */
  declare public readonly failReason: pulumi.Output<string>;
  /** The image as the service reports it. */
  declare public readonly image: pulumi.Output<{
    id?: string;
    name?: string;
    swrPath?: string;
    tag?: string;
    type?: string;
  } | null>;
  /** ISO 8601 time of the next automatic stop while the notebook runs, or `""`. */
  declare public readonly autoStopAt: pulumi.Output<string>;
  /** The lease as the service reports it (its duration counts from the lease's start, so it grows with renewals). */
  declare public readonly lease: pulumi.Output<{
    enabled: boolean;
    durationSeconds?: number;
    type: string;
    createdAt: string;
    updatedAt: string;
  } | null>;
  /** The EVS volume's status (`RESIZING` while it grows), or `""`. */
  declare public readonly volumeStatus: pulumi.Output<string>;
  /** The SSH endpoint's address, or `""`. */
  declare public readonly sshUri: pulumi.Output<string>;
  /** Creation time, ISO 8601 (UTC). */
  declare public readonly createdAt: pulumi.Output<string>;
  /** Time of the last change the service reports, ISO 8601 (UTC). */
  declare public readonly updatedAt: pulumi.Output<string>;

  /**
   * A read-only reference to an existing notebook by id (its outputs come from the API; nothing is managed).
   * To manage an existing notebook, declare it with `adoptId` instead.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Notebook {
    return new Notebook(name, READ_ONLY, { ...opts, id });
  }

  constructor(name: string, args: NotebookArgs, opts?: pulumi.CustomResourceOptions) {
    const registered = dynamicResourceProps(
      {
        type: "Notebook",
        outputNames: OUTPUT_NAMES,
        deleteFirstBecause:
          "a replacement would carry the same owner mark as the notebook it replaces, and exactly one notebook per " +
          "resource is kept",
        ownerKey: true,
        generatedName: true,
      },
      name,
      args === READ_ONLY ? undefined : { ...args },
      opts,
    );
    super(notebookShim, name, registered.props, registered.opts, "modelarts", "Notebook");
  }
}

/** Marks the arguments of `Notebook.get`: no inputs, only an id. */
const READ_ONLY = {} as NotebookArgs;
