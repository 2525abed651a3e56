import * as pulumi from "@pulumi/pulumi";
import { NotebookInstance, type NotebookAutoStopArgs } from "./NotebookInstance.js";

export interface TeamNotebooksArgs {
  /** Team members; each gets one notebook instance named `<namePrefix>-<member>`. Letters, digits, `-`, `_`. */
  members: string[];
  /** Shared image configuration (`profile_id`). */
  profileId: pulumi.Input<string>;
  /** Shared flavor, e.g. `"modelarts.vm.cpu.2u"`. */
  flavor: pulumi.Input<string>;
  /** OBS directory under which each member gets `<member>/`, e.g. `"/team-bucket/notebooks/"`. Must end in `/`. */
  storageRoot: string;
  /** Shared auto-stop policy. Default: stop after 2 hours of running. */
  autoStop?: pulumi.Input<NotebookAutoStopArgs>;
  /** Shared power state; absent: not managed. */
  desiredStatus?: pulumi.Input<"RUNNING" | "STOPPED">;
  /** Instance names start with this. Default: the component's name. */
  namePrefix?: string;
  /** Description for every instance. */
  description?: pulumi.Input<string>;
}

/**
 * One notebook per team member with shared defaults, and a map of member → Jupyter URL.
 *
 * ```ts
 * const team = new TeamNotebooks("ml-team", {
 *   members: ["alice", "bob"],
 *   profileId: "Multi-Engine 2.0 (python3)",
 *   flavor: "modelarts.vm.cpu.2u",
 *   storageRoot: "/ml-team-bucket/notebooks/",
 * });
 * export const urls = team.urls;
 * ```
 */
export class TeamNotebooks extends pulumi.ComponentResource {
  /** member → notebook instance. */
  public readonly instances: Record<string, NotebookInstance>;
  /** member → Jupyter URL. */
  public readonly urls: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: TeamNotebooksArgs, opts?: pulumi.ComponentResourceOptions) {
    super("modelarts:index:TeamNotebooks", name, {}, opts);
    if (!args.storageRoot.endsWith("/")) {
      throw new Error(`TeamNotebooks "${name}": storageRoot must end with "/" (got "${args.storageRoot}")`);
    }
    const duplicates = args.members.filter((m, i) => args.members.indexOf(m) !== i);
    if (duplicates.length > 0)
      throw new Error(`TeamNotebooks "${name}": members are listed twice: ${duplicates.join(", ")}`);
    const prefix = args.namePrefix ?? name;
    this.instances = {};
    for (const member of args.members) {
      this.instances[member] = new NotebookInstance(
        `${name}-${member}`,
        {
          name: `${prefix}-${member}`,
          profileId: args.profileId,
          flavor: args.flavor,
          description: args.description,
          storage: { path: `${args.storageRoot}${member}/` },
          autoStop: args.autoStop ?? { enabled: true, durationSeconds: 7200 },
          desiredStatus: args.desiredStatus,
        },
        { parent: this },
      );
    }
    this.urls = pulumi.all(Object.fromEntries(Object.entries(this.instances).map(([m, nb]) => [m, nb.url])));
    this.registerOutputs({ urls: this.urls });
  }
}
