import type { NotebookFlavor } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError, ConfigurationError } from "../base/errors.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { operationError, type Subject } from "../base/operationError.js";
import type { GetNotebookFlavorsArgs, GetNotebookFlavorsResult, NotebookFlavorInfo } from "./lookupShapes.js";
import { toFlavorInfo } from "./mapping.js";

export type { GetNotebookFlavorsArgs, GetNotebookFlavorsResult, NotebookFlavorInfo } from "./lookupShapes.js";

const CATEGORIES = ["CPU", "GPU", "ASCEND"] as const;
const TYPES = ["MANAGED", "DEDICATED"] as const;
const ARCHES = ["x86_64", "aarch64"] as const;
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
