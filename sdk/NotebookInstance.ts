import * as pulumi from "@pulumi/pulumi";
import { dynamicResourceProps } from "./dynamicResourceProps.js";
import { OUTPUT_NAMES } from "../provider/notebookInstance/fields.js";
import { notebookInstanceShim } from "./providerShims.js";

/** OBS storage of the instance's work directory. */
export interface NotebookStorageArgs {
  /** API field `spec.storage.type`. Only `"obs"` is supported. Default `"obs"`. Changing it replaces the instance. */
  type?: pulumi.Input<"obs">;
  /**
   * API field `spec.storage.location.path`: an OBS directory `/bucket/dir/` (no `obs://`), ending in `/`, not
   * a bucket root, without `.` or `..` segments. Changing it replaces the instance; the files in it survive.
   */
  path: pulumi.Input<string>;
}

/** Extra storage (API field `spec.extend_storage[]`; `obsfs` in some dedicated pools). Changing it replaces the instance. */
export interface NotebookExtendStorageArgs {
  /** `"obsfs"`, `"obs"` or `"evs"`. An `evs` disk is deleted with the instance: see `allowDataLossOnReplace`. */
  type: pulumi.Input<string>;
  /** At most 1024 characters, without `.` or `..` segments or control characters. */
  path: pulumi.Input<string>;
}

/** Automatic stop after a running time (API field `spec.auto_stop`). Changing it updates in place (PUT). */
export interface NotebookAutoStopArgs {
  /** API field `enable`. */
  enabled: pulumi.Input<boolean>;
  /**
   * API field `duration`, in seconds, 3600–86400; required when enabled. Applies from every start; on a running
   * instance a change applies from the next start (API behaviour).
   */
  durationSeconds?: pulumi.Input<number>;
  /** API field `prompt`: whether the console shows a reminder. Default true. */
  prompt?: pulumi.Input<boolean>;
}

/** Dedicated resource pool (API field `pool`). Changing it replaces the instance. */
export interface NotebookPoolArgs {
  id: pulumi.Input<string>;
  type?: pulumi.Input<string>;
  name?: pulumi.Input<string>;
  /** API field `pool.owner.project_id`. */
  ownerProjectId?: pulumi.Input<string>;
}

/**
 * Timeouts as durations like `"30m"`, `"1h"`, `"90s"`, each between 1s and 24h (Pulumi's customTimeouts do not
 * reach dynamic providers). Defaults: create 30m, update 20m, delete 20m. Changing them never calls the API.
 */
export interface NotebookTimeoutsArgs {
  create?: pulumi.Input<string>;
  update?: pulumi.Input<string>;
  delete?: pulumi.Input<string>;
}

export interface NotebookInstanceArgs {
  /**
   * API field `name`: at most 64 of `[A-Za-z0-9_-]`, unique in the project. Default: `namePrefix` plus a random
   * suffix kept in the state (unknown at `pulumi preview` until the first `up`; new for a replacement). Changing it
   * replaces the instance.
   */
  name?: pulumi.Input<string>;
  /**
   * Prefix of the generated name when `name` is absent: at most 64 characters, no control characters (others the
   * API rejects become `-`). Default: the resource name.
   */
  namePrefix?: pulumi.Input<string>;
  /**
   * API field `profile_id`: the image configuration, e.g. `"Multi-Engine 2.0 (python3)"` (region-dependent).
   * The service reports its own `profile.id`, which never causes a diff. Changing it replaces the instance.
   */
  profileId: pulumi.Input<string>;
  /**
   * API field `flavor`, e.g. `"modelarts.vm.cpu.2u"` (region-dependent; letters, digits, `.`, `_`, `-`, at most 128).
   * Changing it replaces the instance.
   */
  flavor: pulumi.Input<string>;
  /**
   * API field `description`: at most 512 characters, none of `& < > " ' /` and no control or invisible formatting
   * characters (line breaks, right-to-left overrides). Default `""`. Updates in place (PUT).
   */
  description?: pulumi.Input<string>;
  /** API field `spec.storage`. Changing it replaces the instance. */
  storage: pulumi.Input<NotebookStorageArgs>;
  /** API field `spec.extend_storage`. Changing it replaces the instance. */
  extendStorage?: pulumi.Input<pulumi.Input<NotebookExtendStorageArgs>[]>;
  /** API field `spec.auto_stop`. Default: disabled. Updates in place (PUT). */
  autoStop?: pulumi.Input<NotebookAutoStopArgs>;
  /** API field `spec.annotations`: labels, accepted at create only. Changing them replaces the instance. */
  annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** API field `workspace.id`. Default `"0"`. Changing it replaces the instance. */
  workspaceId?: pulumi.Input<string>;
  /** API field `pool`: a dedicated resource pool. Changing it replaces the instance. */
  pool?: pulumi.Input<NotebookPoolArgs>;
  /** API field `ai_project.id` (reserved by the API). Changing it replaces the instance. */
  aiProjectId?: pulumi.Input<string>;
  /**
   * Power state to enforce: `"RUNNING"` or `"STOPPED"`, on create, update and after a refresh (start/stop
   * actions, in place). Absent: the power state is not managed, and an auto-stop is never drift.
   */
  desiredStatus?: pulumi.Input<"RUNNING" | "STOPPED">;
  /**
   * `true` lets a change that replaces the instance delete its `evs` extend storage and the files on it (the OBS
   * `storage` survives any replacement). Absent or `false`: such a replacement fails at `pulumi preview`, naming the
   * inputs that force it. An instance whose create failed is replaced regardless (it holds nothing), and
   * `pulumi up --replace` counts as asking. Changing it never calls the API.
   */
  allowDataLossOnReplace?: pulumi.Input<boolean>;
  /** Operation timeouts, each between `"1s"` and `"24h"`. Changing them never calls the API. */
  timeouts?: pulumi.Input<NotebookTimeoutsArgs>;
  /**
   * Id of an existing instance to take over instead of creating one (Pulumi's `import` does not work for
   * dynamic resources). Its description and auto-stop are then updated to the declared values; a difference
   * in a field that cannot change in place fails the create. An instance that carries another Pulumi resource's
   * owner mark (another stack manages it) is refused at `pulumi preview`, naming that owner, unless `adoptOwnedBy`
   * names it. Read at create only.
   */
  adoptId?: pulumi.Input<string>;
  /**
   * With `adoptId`: take the instance over although another Pulumi resource's owner mark is on it, naming that
   * owner exactly as the refusal names it (`"<project>/<stack>/<resource>"`). The instance keeps that mark (the
   * API sets annotations at create only); remove it from the other stack's state (`pulumi state delete <urn>`
   * there), or that stack's destroy deletes it. Read at create only.
   */
  adoptOwnedBy?: pulumi.Input<string>;
}

/**
 * A ModelArts DevEnviron notebook instance (demanager v1 API).
 *
 * ```ts
 * const dev = new NotebookInstance("dev", {
 *   profileId: "Multi-Engine 2.0 (python3)",
 *   flavor: "modelarts.vm.cpu.2u",
 *   storage: { path: "/my-bucket/notebooks/dev/" },
 *   autoStop: { enabled: true, durationSeconds: 3600 },
 * });
 * export const url = dev.url;
 * ```
 */
export class NotebookInstance extends pulumi.dynamic.Resource {
  // Every input is also an output: the inputs as applied.
  /** The instance's name (an adopted instance keeps its own). */
  declare public readonly name: pulumi.Output<string>;
  declare public readonly namePrefix: pulumi.Output<string | undefined>;
  declare public readonly profileId: pulumi.Output<string>;
  declare public readonly flavor: pulumi.Output<string>;
  declare public readonly description: pulumi.Output<string>;
  declare public readonly storage: pulumi.Output<{ type: "obs"; path: string }>;
  declare public readonly extendStorage: pulumi.Output<{ type: string; path: string }[] | undefined>;
  declare public readonly autoStop: pulumi.Output<{ enabled: boolean; durationSeconds?: number; prompt?: boolean }>;
  declare public readonly annotations: pulumi.Output<Record<string, string> | undefined>;
  declare public readonly workspaceId: pulumi.Output<string>;
  declare public readonly pool: pulumi.Output<
    { id: string; type?: string; name?: string; ownerProjectId?: string } | undefined
  >;
  declare public readonly aiProjectId: pulumi.Output<string | undefined>;
  declare public readonly desiredStatus: pulumi.Output<"RUNNING" | "STOPPED" | undefined>;
  declare public readonly allowDataLossOnReplace: pulumi.Output<boolean | undefined>;
  declare public readonly timeouts: pulumi.Output<{ create?: string; update?: string; delete?: string } | undefined>;
  declare public readonly adoptId: pulumi.Output<string | undefined>;
  declare public readonly adoptOwnedBy: pulumi.Output<string | undefined>;
  // What the service reports.
  /** The instance id (`DE-...`), also the resource id. */
  declare public readonly instanceId: pulumi.Output<string>;
  /** Status reported by the API at the last create, update or refresh (e.g. `RUNNING`, `STOPPED`). */
  declare public readonly status: pulumi.Output<string>;
  /** Jupyter URL (`spec.annotations.url`); empty until the instance has run. */
  declare public readonly url: pulumi.Output<string>;
  /** Notebook host (`spec.annotations.target_domain`). */
  declare public readonly targetDomain: pulumi.Output<string>;
  /** Creation time, ISO 8601 (UTC), like every time this resource reports. */
  declare public readonly creationTimestamp: pulumi.Output<string>;
  /** Time of the last change the service reports, ISO 8601 (UTC). */
  declare public readonly latestUpdateTimestamp: pulumi.Output<string>;
  /** The flavor as the service describes it (`flavor_details`), with camelCase keys. */
  declare public readonly flavorDetails: pulumi.Output<Record<string, unknown> | null>;
  /** The image configuration as the service reports it (its `id` differs from `profileId`). */
  declare public readonly profile: pulumi.Output<{
    id?: string;
    name?: string;
    description?: string;
    flavorType?: string;
  } | null>;
  /** ISO 8601 time of the next automatic stop, or `""`. */
  declare public readonly autoStopAt: pulumi.Output<string>;
  declare public readonly autoStopRemainingSeconds: pulumi.Output<number | null>;
  /** Queue position for free flavors (`queuing_info`). */
  declare public readonly queuingInfo: pulumi.Output<{
    status?: string;
    rank?: number;
    remainTimeSeconds?: number;
  } | null>;
  /** Why a create or start failed (`spec.failed_reasons`). */
  declare public readonly failedReasons: pulumi.Output<{
    code?: string;
    message?: string;
    detail?: Record<string, string>;
  } | null>;

  /**
   * A read-only reference to an existing instance by id (its outputs come from the API; nothing is managed).
   * To manage an existing instance, declare it with `adoptId` instead.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): NotebookInstance {
    return new NotebookInstance(name, READ_ONLY, { ...opts, id });
  }

  constructor(name: string, args: NotebookInstanceArgs, opts?: pulumi.CustomResourceOptions) {
    const registered = dynamicResourceProps(
      {
        type: "NotebookInstance",
        outputNames: OUTPUT_NAMES,
        // A targeted `--replace` gives the new instance the old name (declared, or derived from the same inputs):
        // created first, it would collide with the old one, resume it through its owner key, then delete it.
        deleteFirstBecause: "instance names are unique, so the replacement would collide with the instance it replaces",
        ownerKey: true,
        generatedName: true,
      },
      name,
      args === READ_ONLY ? undefined : { ...args },
      opts,
    );
    super(notebookInstanceShim, name, registered.props, registered.opts, "modelarts", "NotebookInstance");
  }
}

/** Marks the arguments of `NotebookInstance.get`: no inputs, only an id. */
const READ_ONLY = {} as NotebookInstanceArgs;
