import * as pulumi from "@pulumi/pulumi";
import { Notebook } from "./Notebook.js";
import { NotebookInstance } from "./NotebookInstance.js";
import type { NotebookArgs, NotebookAutoStopArgs, NotebookInstanceArgs } from "./resourceArgs.js";

/** The `NotebookInstance` arguments a team shares and a member may set for itself. */
type InstanceSharedField =
  | "profileId"
  | "flavor"
  | "description"
  | "extendStorage"
  | "annotations"
  | "workspaceId"
  | "pool"
  | "aiProjectId"
  | "desiredStatus"
  | "allowDataLossOnReplace"
  | "timeouts";

/** The `Notebook` arguments a team shares and a member may set for itself. */
type NotebookSharedField =
  | "flavor"
  | "imageId"
  | "description"
  | "ssh"
  | "poolId"
  | "workspaceId"
  | "autoStop"
  | "tags"
  | "desiredStatus"
  | "allowDataLossOnReplace"
  | "timeouts";

/** What the team needs to know about naming; the same for both kinds. */
interface TeamNamingArgs {
  /**
   * Names start with `<namePrefix>-<member>`. Default: the component's name. With generated names (the default) the
   * prefix may be the same in every stack.
   */
  namePrefix?: string;
  /**
   * `false` (default): each notebook gets a generated name, `<namePrefix>-<member>-<7 characters>`, which differs
   * between stacks and between deployments of one stack name (two developers' `dev` on their own backends), so two
   * stacks of one program never meet. `true`: exactly `<namePrefix>-<member>`, as before 0.2: an existing stack
   * keeps its notebooks, but only one stack per project can use a given `namePrefix` (NotebookInstance names are
   * unique in a project). A member's `name` wins over both.
   */
  fixedNames?: boolean;
}

/**
 * A member's own settings for a `NotebookInstance` team: each replaces the team's value of that field (objects such
 * as `autoStop` or `annotations` are not merged).
 */
export interface TeamNotebookInstanceMemberArgs extends Partial<Pick<NotebookInstanceArgs, InstanceSharedField>> {
  /** This member's exact instance name, instead of the team's naming. */
  name?: pulumi.Input<string>;
  /** This member's storage, instead of `<storageRoot><member>/`. */
  storage?: NotebookInstanceArgs["storage"];
  /** Take over this existing instance for the member (see `NotebookInstanceArgs.adoptId`). */
  adoptId?: pulumi.Input<string>;
  /** This member's auto-stop, instead of the team's. */
  autoStop?: pulumi.Input<NotebookAutoStopArgs>;
}

/**
 * A member's own settings for a `Notebook` team: each replaces the team's value of that field (objects such as
 * `volume`, `autoStop` or `tags` are not merged).
 */
export interface TeamNotebookMemberArgs extends Partial<Pick<NotebookArgs, NotebookSharedField>> {
  /** This member's exact notebook name, instead of the team's naming. */
  name?: pulumi.Input<string>;
  /** This member's work volume, instead of the team's. */
  volume?: NotebookArgs["volume"];
  /** Take over this existing notebook for the member (see `NotebookArgs.adoptId`). */
  adoptId?: pulumi.Input<string>;
}

/**
 * A team of `NotebookInstance`s (the demanager v1 API). Every `NotebookInstance` argument can be set for the team
 * and, through `members`, for one member.
 */
export interface TeamNotebookInstancesArgs extends Pick<NotebookInstanceArgs, InstanceSharedField>, TeamNamingArgs {
  /** Absent or `"NotebookInstance"`: one `NotebookInstance` per member. */
  kind?: "NotebookInstance";
  /**
   * The members: a list of names, or a map of name → the member's own settings (`{}` for none). Letters, digits,
   * `-`, `_`. Adding a member creates one notebook and touches no other; removing one deletes only that one.
   */
  members: string[] | Record<string, TeamNotebookInstanceMemberArgs>;
  /** OBS directory under which each member gets `<member>/`, e.g. `"/team-bucket/notebooks/"`. Must end in `/`. */
  storageRoot: string;
  /** Shared auto-stop policy. Default: stop after 2 hours of running. */
  autoStop?: pulumi.Input<NotebookAutoStopArgs>;
}

/**
 * A team of `Notebook`s (the notebooks API, what the console and every maintained Huawei tool use; the choice for
 * new teams). Every `Notebook` argument can be set for the team and, through `members`, for one member.
 */
export interface TeamNotebooksV2Args extends Pick<NotebookArgs, NotebookSharedField>, TeamNamingArgs {
  /** `"Notebook"`: one `Notebook` per member. */
  kind: "Notebook";
  /**
   * The members: a list of names, or a map of name → the member's own settings (`{}` for none). Letters, digits,
   * `-`, `_`. Adding a member creates one notebook and touches no other; removing one deletes only that one.
   */
  members: string[] | Record<string, TeamNotebookMemberArgs>;
  /** Each member's own work volume. Default `{ category: "EVS" }`: a 5 GB cloud disk per member. */
  volume?: NotebookArgs["volume"];
  /** Shared auto-stop policy. Default: stop after 2 hours of running. */
  autoStop?: NotebookArgs["autoStop"];
}

export type TeamNotebooksArgs = TeamNotebookInstancesArgs | TeamNotebooksV2Args;

const DEFAULT_AUTO_STOP = { enabled: true, durationSeconds: 7200 };
const MEMBER_NAME = /^[A-Za-z0-9_-]+$/;

const INSTANCE_SHARED: readonly string[] = [
  "profileId",
  "flavor",
  "description",
  "extendStorage",
  "annotations",
  "workspaceId",
  "pool",
  "aiProjectId",
  "desiredStatus",
  "allowDataLossOnReplace",
  "timeouts",
  "autoStop",
] satisfies (InstanceSharedField | "autoStop")[];
const NOTEBOOK_SHARED: readonly string[] = [
  "flavor",
  "imageId",
  "description",
  "ssh",
  "poolId",
  "workspaceId",
  "autoStop",
  "tags",
  "desiredStatus",
  "allowDataLossOnReplace",
  "timeouts",
  "volume",
] satisfies (NotebookSharedField | "volume")[];
const NAMING = ["namePrefix", "fixedNames"];
const TEAM_KEYS = {
  NotebookInstance: new Set(["kind", "members", "storageRoot", ...NAMING, ...INSTANCE_SHARED]),
  Notebook: new Set(["kind", "members", ...NAMING, ...NOTEBOOK_SHARED]),
};
const MEMBER_KEYS = {
  NotebookInstance: new Set(["name", "storage", "adoptId", ...INSTANCE_SHARED]),
  Notebook: new Set(["name", "adoptId", ...NOTEBOOK_SHARED]),
};

type Kind = keyof typeof TEAM_KEYS;

/**
 * One notebook per team member with shared defaults, per-member settings, and maps of member → URL and name.
 * Names differ between stacks (and between two backends' stacks of one name) unless `fixedNames` is set, so every
 * stack of a program can hold its own team.
 *
 * ```ts
 * const team = new TeamNotebooks("ml-team", {
 *   kind: "Notebook",
 *   members: { alice: {}, bob: { flavor: "modelarts.vm.cpu.8u", volume: { category: "EVS", capacityGb: 50 } } },
 *   flavor: "modelarts.vm.cpu.2u",
 *   imageId: image.id, // from getNotebookImagesOutput({ name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" })
 * });
 * export const urls = team.urls;
 * ```
 *
 * Without `kind` the members get `NotebookInstance`s (demanager v1), as before: `profileId`, `flavor`,
 * `storageRoot` (each member's OBS directory is `<storageRoot><member>/`).
 */
export class TeamNotebooks extends pulumi.ComponentResource {
  /** `"NotebookInstance"` or `"Notebook"`: what each member got. */
  public readonly kind: Kind;
  /** member → notebook instance (a `NotebookInstance` team; empty otherwise). */
  public readonly instances: Record<string, NotebookInstance>;
  /** member → notebook (a `Notebook` team; empty otherwise). */
  public readonly notebooks: Record<string, Notebook>;
  /** member → Jupyter URL. */
  public readonly urls: pulumi.Output<Record<string, string>>;
  /** member → the notebook's name (generated unless `fixedNames` or the member's `name`). */
  public readonly names: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: TeamNotebooksArgs, opts?: pulumi.ComponentResourceOptions) {
    const kind = checkArgs(name, args);
    const members = memberSettings(name, kind, args.members);
    super("modelarts:index:TeamNotebooks", name, {}, opts);
    this.kind = kind;
    this.instances = {};
    this.notebooks = {};
    const prefix = args.namePrefix ?? name;
    const resources: Record<string, NotebookInstance | Notebook> = {};
    for (const [member, own] of Object.entries(members)) {
      // The resource names are those of 0.1, so existing stacks keep their resources' URNs.
      const resourceName = `${name}-${member}`;
      const naming =
        own.name !== undefined
          ? { name: own.name }
          : args.fixedNames === true
            ? { name: `${prefix}-${member}` }
            : { namePrefix: `${prefix}-${member}` };
      if (kind === "NotebookInstance") {
        const team = args as TeamNotebookInstancesArgs;
        const instanceArgs: NotebookInstanceArgs = {
          ...pick(team, INSTANCE_SHARED),
          autoStop: team.autoStop ?? DEFAULT_AUTO_STOP,
          storage: { path: `${team.storageRoot}${member}/` },
          ...own,
          ...naming,
        } as NotebookInstanceArgs;
        resources[member] = this.instances[member] = new NotebookInstance(resourceName, instanceArgs, {
          parent: this,
        });
      } else {
        const team = args as TeamNotebooksV2Args;
        const notebookArgs: NotebookArgs = {
          ...pick(team, NOTEBOOK_SHARED),
          autoStop: team.autoStop ?? DEFAULT_AUTO_STOP,
          volume: team.volume ?? { category: "EVS" },
          ...own,
          ...naming,
        } as NotebookArgs;
        resources[member] = this.notebooks[member] = new Notebook(resourceName, notebookArgs, { parent: this });
      }
    }
    const byMember = (output: (r: NotebookInstance | Notebook) => pulumi.Output<string>) =>
      pulumi.all(Object.fromEntries(Object.entries(resources).map(([m, r]) => [m, output(r)])));
    this.urls = byMember((r) => r.url);
    this.names = byMember((r) => r.name);
    this.registerOutputs({ urls: this.urls, names: this.names });
  }
}

/** The defined values of `keys` in `source` (an absent field must not hide a default set before it). */
function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
}

/**
 * Program-time checks, for plain JavaScript callers and values from stack config. A `RunError`, so the CLI prints
 * the message alone (an unhandled plain Error takes the Node language host long to report).
 */
function checkArgs(name: string, args: TeamNotebooksArgs): Kind {
  const fail = (message: string): never => {
    throw new pulumi.RunError(`TeamNotebooks "${name}": ${message}`);
  };
  if (typeof args !== "object" || args === null) return fail("arguments are required");
  const raw = args as unknown as Record<string, unknown>;
  const kind = (raw.kind ?? "NotebookInstance") as Kind;
  if (kind !== "NotebookInstance" && kind !== "Notebook") {
    return fail(`kind must be "Notebook" or "NotebookInstance" (got ${JSON.stringify(raw.kind)})`);
  }
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !TEAM_KEYS[kind].has(key)) fail(unknownKey(key, kind, "team"));
  }
  const required = kind === "NotebookInstance" ? ["profileId", "flavor", "storageRoot"] : ["flavor", "imageId"];
  for (const key of required) if (raw[key] === undefined) fail(`${key} is required${kindNote(kind)}`);
  if (kind === "NotebookInstance") {
    const root = raw.storageRoot;
    if (typeof root !== "string" || !root.endsWith("/")) {
      fail(`storageRoot must be a string ending with "/" (got ${JSON.stringify(root)})`);
    }
  }
  if (raw.namePrefix !== undefined && (typeof raw.namePrefix !== "string" || raw.namePrefix === "")) {
    fail(`namePrefix must be a non-empty string (got ${JSON.stringify(raw.namePrefix)})`);
  }
  if (raw.fixedNames !== undefined && typeof raw.fixedNames !== "boolean") {
    fail(`fixedNames must be true or false (got ${JSON.stringify(raw.fixedNames)})`);
  }
  return kind;
}

/** `members` as member → own settings, checked. */
function memberSettings(
  name: string,
  kind: Kind,
  members: unknown,
): Record<string, TeamNotebookInstanceMemberArgs & TeamNotebookMemberArgs> {
  const fail = (message: string): never => {
    throw new pulumi.RunError(`TeamNotebooks "${name}": ${message}`);
  };
  let entries: [string, unknown][];
  if (Array.isArray(members)) {
    const duplicates = members.filter((m, i) => members.indexOf(m) !== i);
    if (duplicates.length > 0) fail(`members are listed twice: ${[...new Set(duplicates)].join(", ")}`);
    entries = members.map((m) => [m, {}]);
  } else if (typeof members === "object" && members !== null) {
    entries = Object.entries(members);
  } else {
    return fail(`members must be a list of names or a map of name → settings (got ${JSON.stringify(members)})`);
  }
  for (const [member, own] of entries) {
    if (typeof member !== "string" || !MEMBER_NAME.test(member)) {
      fail(`member names are letters, digits, "-" and "_" (got ${JSON.stringify(member)})`);
    }
    if (typeof own !== "object" || own === null || Array.isArray(own)) {
      fail(`the settings of member "${member}" must be an object (got ${JSON.stringify(own)}); {} for none`);
    }
    for (const [key, value] of Object.entries(own as Record<string, unknown>)) {
      if (value !== undefined && !MEMBER_KEYS[kind].has(key)) fail(unknownKey(key, kind, `member "${member}"`));
    }
  }
  // Absent fields are dropped, so they never hide the team's value.
  return Object.fromEntries(entries.map(([m, own]) => [m, pick(own as object, Object.keys(own as object))]));
}

const V2_ONLY = new Set(["imageId", "volume", "ssh", "poolId", "tags"]);
const V1_ONLY = new Set(["profileId", "storageRoot", "storage", "extendStorage", "annotations", "pool", "aiProjectId"]);

function unknownKey(key: string, kind: Kind, where: string): string {
  if (kind === "NotebookInstance" && V2_ONLY.has(key)) {
    return `${key} (${where}) is an argument of Notebook (the notebooks API): set kind: "Notebook" to create Notebooks`;
  }
  if (kind === "Notebook" && V1_ONLY.has(key)) {
    const hint = key === "profileId" ? "; a Notebook takes imageId (getNotebookImages finds one by name)" : "";
    return `${key} (${where}) is an argument of NotebookInstance (demanager v1), not of kind "Notebook"${hint}`;
  }
  const known = where === "team" ? TEAM_KEYS[kind] : MEMBER_KEYS[kind];
  return `${key} (${where}) is not an argument here${kindNote(kind)}; known: ${[...known].join(", ")}`;
}

function kindNote(kind: Kind): string {
  return kind === "Notebook" ? ` (kind "Notebook")` : ` (kind "NotebookInstance", the default)`;
}
