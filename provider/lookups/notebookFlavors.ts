import type { NotebookFlavor } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError, ConfigurationError } from "../api/errors.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { operationError, type Subject } from "../core/operationError.js";

export interface GetNotebookFlavorsArgs {
  /** API query `category`: `"CPU"`, `"GPU"` or `"ASCEND"`. Default: every category. */
  category?: "CPU" | "GPU" | "ASCEND";
  /**
   * API query `type`: `"MANAGED"` (the public resource pool) or `"DEDICATED"` (dedicated pools). Default: what the
   * service lists without it.
   */
  type?: "MANAGED" | "DEDICATED";
  /**
   * Drop the flavors the service marks sold out (`sold_out`: not enough resources now), as Terraform's
   * `huaweicloud_modelarts_notebook_flavors` does. Default `true`.
   */
  availableOnly?: boolean;
  /** Keep only free flavors (`true`) or only billed ones (`false`). Default: both. */
  free?: boolean;
  /** Keep only this CPU architecture, `"x86_64"` or `"aarch64"` (compared case-insensitively). Default: both. */
  arch?: "x86_64" | "aarch64";
  /** A JavaScript regular expression the display name must match, e.g. `"V100"`. Default: any name. */
  nameRegex?: string;
  /** Keep only flavors with at least this many vCPUs. */
  minVcpus?: number;
  /** Keep only flavors with at least this much memory, in GiB. */
  minMemoryGib?: number;
  /**
   * When nothing matches: `false` (default) fails the lookup with a message naming the filters and any matching
   * flavor that is sold out; `true` returns an empty list (and `id` `""`).
   */
  allowEmpty?: boolean;
}

/** One flavor of the listing (API `NotebookFlavor`, docs/modelarts-notebooks-api.md §10.1), in camelCase. */
export interface NotebookFlavorInfo {
  /** The flavor code, what `Notebook.flavor` takes, e.g. `"modelarts.vm.cpu.2u"` (API field `id`). */
  id: string;
  /** Display name, e.g. `"CPU: 2 vCPUs 8 GB"`. */
  name: string;
  /** `"CPU"`, `"GPU"` or `"ASCEND"`. */
  category: string;
  /** CPU architecture in lower case, `"x86_64"` or `"aarch64"` (the API writes either case); `""` if not given. */
  arch: string;
  description: string;
  /** `"NOTEBOOK"` or `"DEFAULT"` (the CodeLab flavors). */
  feature: string;
  /** vCPUs; 0 when the service does not say. */
  vcpus: number;
  /** Memory in GiB (the API counts KiB); 0 when the service does not say. */
  memoryGib: number;
  /** The accelerator cards of a GPU flavor: their number, memory per card (GB, as the API reports it) and type. */
  gpu?: { count: number; memoryGb: number; type: string };
  /** The NPUs of an Ascend flavor: their number, memory (as the API writes it, e.g. `"32GB"`) and type. */
  ascend?: { count: number; memory: string; type: string };
  /** Free of charge (such flavors may queue before they start). */
  free: boolean;
  /** Not enough resources right now: a create or a switch to it fails until it is back. */
  soldOut: boolean;
  /** The volume categories it supports (`EVS`, `OBSFS`, `EFS`, `OBS`). */
  storages: string[];
}

export interface GetNotebookFlavorsResult {
  /** The matching flavors, smallest first: fewest vCPUs, then least memory, then by id. */
  flavors: NotebookFlavorInfo[];
  /** The id of the first (smallest) match, ready for `Notebook.flavor`; `""` when nothing matched (allowEmpty). */
  id: string;
}

const CATEGORIES = ["CPU", "GPU", "ASCEND"] as const;
const TYPES = ["MANAGED", "DEDICATED"] as const;
const ARCHES = ["x86_64", "aarch64"] as const;
const KIB_PER_GIB = 1024 * 1024;
const SUBJECT: Subject = { kind: "notebook flavors" };

/**
 * The notebook flavors of the region (GET /v1/{project_id}/notebooks/flavors), filtered. Fails when nothing
 * matches unless `allowEmpty`. The arguments are checked before `client` is asked for (so a bad argument fails
 * without settings or a request). Run by the SDK's `getNotebookFlavors` in the program's process, and by the
 * native provider's invoke `modelarts:index:getNotebookFlavors`.
 */
export async function findNotebookFlavors(
  args: GetNotebookFlavorsArgs,
  notebooksClient: () => Promise<NotebooksClient>,
): Promise<GetNotebookFlavorsResult> {
  try {
    checkArgs(args);
    const nameRegex = args.nameRegex === undefined ? undefined : parseRegex(args.nameRegex);
    const client = await notebooksClient();
    const listed = (await client.listFlavors({ category: args.category, type: args.type }))
      .filter((f): f is NotebookFlavor & { id: string } => typeof f.id === "string" && f.id !== "")
      .map(toFlavorInfo)
      .sort(smallestFirst);
    const matching = listed.filter(
      (f) =>
        (args.free === undefined || f.free === args.free) &&
        (args.arch === undefined || f.arch === args.arch.toLowerCase()) &&
        (nameRegex === undefined || nameRegex.test(f.name)) &&
        (args.minVcpus === undefined || f.vcpus >= args.minVcpus) &&
        (args.minMemoryGib === undefined || f.memoryGib >= args.minMemoryGib),
    );
    const flavors = args.availableOnly === false ? matching : matching.filter((f) => !f.soldOut);
    if (flavors.length === 0 && args.allowEmpty !== true) throw noMatch(args, matching);
    return { flavors, id: flavors[0]?.id ?? "" };
  } catch (err) {
    throw operationError("look up", SUBJECT, err);
  }
}

function toFlavorInfo(flavor: NotebookFlavor & { id: string }): NotebookFlavorInfo {
  const info: NotebookFlavorInfo = {
    id: flavor.id,
    name: flavor.name ?? "",
    category: flavor.category ?? "",
    arch: (flavor.arch ?? "").toLowerCase(),
    description: flavor.description ?? "",
    feature: flavor.feature ?? "",
    vcpus: flavor.vcpus ?? 0,
    memoryGib: typeof flavor.memory === "number" ? flavor.memory / KIB_PER_GIB : 0,
    free: flavor.free === true,
    soldOut: flavor.sold_out === true,
    storages: [...(flavor.storages ?? [])],
  };
  // An accelerator object whose every field came back null (a CPU flavor, from a Java backend) reports no card.
  const reported = (o: object | undefined): o is object => o !== undefined && Object.keys(o).length > 0;
  if (reported(flavor.gpu)) {
    info.gpu = { count: flavor.gpu.gpu ?? 0, memoryGb: flavor.gpu.gpu_memory ?? 0, type: flavor.gpu.type ?? "" };
  }
  if (reported(flavor.ascend)) {
    const { npu, npu_memory: memory, type } = flavor.ascend;
    info.ascend = { count: npu ?? 0, memory: memory === undefined ? "" : String(memory), type: type ?? "" };
  }
  return info;
}

function smallestFirst(a: NotebookFlavorInfo, b: NotebookFlavorInfo): number {
  return a.vcpus - b.vcpus || a.memoryGib - b.memoryGib || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Plain JavaScript callers get a clear message for a value the types would have refused, before any request. */
function checkArgs(args: GetNotebookFlavorsArgs): void {
  const problems: string[] = [];
  const oneOf = (field: string, value: unknown, allowed: readonly string[]) => {
    if (value !== undefined && !allowed.includes(value as string)) {
      problems.push(`${field} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
    }
  };
  oneOf("category", args.category, CATEGORIES);
  oneOf("type", args.type, TYPES);
  oneOf("arch", typeof args.arch === "string" ? args.arch.toLowerCase() : args.arch, ARCHES);
  for (const field of ["minVcpus", "minMemoryGib"] as const) {
    const value = args[field];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
      problems.push(`${field} must be a number (got ${JSON.stringify(value)})`);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems.join("; "), "InvalidLookupArgs");
}

function parseRegex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (err) {
    throw new ConfigurationError(
      `nameRegex is not a regular expression: ${(err as Error).message}`,
      "InvalidLookupArgs",
    );
  }
}

/** Names the filters, and the matching flavors that are only sold out, so the user knows what to relax. */
function noMatch(args: GetNotebookFlavorsArgs, matching: NotebookFlavorInfo[]): ConflictError {
  const filters = (["category", "type", "free", "arch", "nameRegex", "minVcpus", "minMemoryGib"] as const)
    .filter((field) => args[field] !== undefined)
    .map((field) => `${field} ${JSON.stringify(args[field])}`);
  const where = filters.length > 0 ? ` with ${filters.join(", ")}` : "";
  const soldOut = matching.filter((f) => f.soldOut).map((f) => f.id);
  const why =
    soldOut.length > 0
      ? `; sold out now: ${soldOut.join(", ")} (availableOnly: false lists them)`
      : "; relax the filters, or set allowEmpty: true for an empty list";
  return new ConflictError(`no flavor${where} is available${why}`, "LookupNoMatch");
}
