import type { NotebookImage } from "../../protocol/notebooks/wireTypes.js";
import { ConfigurationError, ConflictError } from "../base/errors.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { sanitizeServiceText } from "../base/redact.js";
import { operationError, type Subject } from "../base/operationError.js";
import type { GetNotebookImagesArgs, GetNotebookImagesResult } from "./lookupShapes.js";
import { toImageInfo, toImageQuery } from "./mapping.js";

export type { GetNotebookImagesArgs, GetNotebookImagesResult, NotebookImageInfo } from "./lookupShapes.js";

const TYPES = ["BUILD_IN", "DEDICATED"] as const;
const ARCHES = ["x86_64", "aarch64"] as const;
const SUBJECT: Subject = { kind: "notebook images" };
/** Names offered when an exact name finds nothing. */
const SIMILAR_NAMES = 5;

/**
 * The notebook images (GET /v1/{project_id}/images), filtered; `cpuArch` and `tag` client-side. Fails when
 * nothing matches unless `allowEmpty`. The arguments are checked before `client` is asked for. Run by the SDK's
 * `getNotebookImages` in the program's process, and by the native provider's invoke
 * `modelarts:index:getNotebookImages`.
 */
export async function findNotebookImages(
  args: GetNotebookImagesArgs,
  notebooksClient: () => Promise<NotebooksClient>,
): Promise<GetNotebookImagesResult> {
  try {
    checkArgs(args);
    const client = await notebooksClient();
    const type = args.type ?? "BUILD_IN";
    const workspaceId = args.workspaceId ?? "0";
    const exact = args.name !== undefined && args.nameFuzzy !== true;
    const listed = await client.listImages(
      toImageQuery({
        name: args.name,
        fuzzy: args.name === undefined ? undefined : !exact,
        type,
        namespace: args.namespace,
        workspaceId,
      }),
    );
    // The query asked for the exact name already; checked again, so a service that ignores the flag cannot
    // hand a namesake's superset to a program that asked for one image.
    const candidates = listed.filter((i) => !exact || i.name === args.name || i.name === undefined);
    // An entry the lookup could pick is never skipped for what cannot be read in it: an error says which.
    const unreadable = candidates.find(
      (i) => typeof i.id !== "string" || i.id === "" || (exact && i.name === undefined),
    );
    if (unreadable) throw unreadableImage(unreadable);
    const named = candidates as (NotebookImage & { id: string })[];
    const images = named
      .filter((i) => args.cpuArch === undefined || (i.arch ?? "").toLowerCase() === args.cpuArch.toLowerCase())
      .filter((i) => args.tag === undefined || i.tag === args.tag)
      .sort((a, b) => (b.update_at ?? 0) - (a.update_at ?? 0))
      .map(toImageInfo);
    if (images.length === 0 && args.allowEmpty !== true) {
      throw await noMatch(client, args, { type, workspaceId, exact }, named);
    }
    return { images, id: images[0]?.id ?? "" };
  } catch (err) {
    throw operationError("look up", SUBJECT, err);
  }
}

function unreadableImage(image: NotebookImage): ConflictError {
  const which =
    typeof image.id === "string" && image.id !== ""
      ? `image ${JSON.stringify(sanitizeServiceText(image.id).slice(0, 80))} without a readable name`
      : `an image${image.name === undefined ? "" : ` named ${JSON.stringify(sanitizeServiceText(image.name).slice(0, 80))}`} without a readable id`;
  return new ConflictError(
    `the service listed ${which}, so the lookup cannot tell which image to return; retry, or narrow the filters`,
    "UnreadableListingEntry",
  );
}

/** Plain JavaScript callers get a clear message for a value the types would have refused, before any request. */
function checkArgs(args: GetNotebookImagesArgs): void {
  const problems: string[] = [];
  if (args.type !== undefined && !TYPES.includes(args.type)) {
    problems.push(`type must be one of ${TYPES.join(", ")} (got ${JSON.stringify(args.type)})`);
  }
  const arch = typeof args.cpuArch === "string" ? args.cpuArch.toLowerCase() : args.cpuArch;
  if (arch !== undefined && !ARCHES.includes(arch as (typeof ARCHES)[number])) {
    problems.push(`cpuArch must be one of ${ARCHES.join(", ")} (got ${JSON.stringify(args.cpuArch)})`);
  }
  for (const field of ["name", "workspaceId", "namespace", "tag"] as const) {
    const value = args[field];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      problems.push(`${field} must be a non-empty string (got ${JSON.stringify(value)})`);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems.join("; "), "InvalidLookupArgs");
}

/**
 * What was asked for, and for a name that does not exist the names that contain it (one more listing, made only
 * on this failure path), so a typo or a version suffix is quick to fix.
 */
async function noMatch(
  client: NotebooksClient,
  args: GetNotebookImagesArgs,
  query: { type: string; workspaceId: string; exact: boolean },
  named: NotebookImage[],
): Promise<ConflictError> {
  const what =
    args.name === undefined ? "" : ` ${query.exact ? "named" : "with a name containing"} ${JSON.stringify(args.name)}`;
  const filters = (["namespace", "cpuArch", "tag"] as const)
    .filter((field) => args[field] !== undefined)
    .map((field) => `${field} ${JSON.stringify(args[field])}`);
  let message =
    `no ${query.type} image${what} in workspace ${JSON.stringify(query.workspaceId)}` +
    (filters.length > 0 ? ` with ${filters.join(", ")}` : "");
  if (named.length > 0) {
    // The name exists; the client-side filters left nothing: say what there is.
    const found = named
      .slice(0, SIMILAR_NAMES)
      .map((i) => sanitizeServiceText(`${i.name ?? ""}:${i.tag ?? ""} (${i.arch ?? "?"})`));
    message += `; there are ${found.join(", ")}${named.length > SIMILAR_NAMES ? ` and ${named.length - SIMILAR_NAMES} more` : ""}`;
  } else if (query.exact) {
    const similar = await client.listImages(
      toImageQuery({ name: args.name, fuzzy: true, type: query.type, workspaceId: query.workspaceId }),
    );
    const names = [...new Set(similar.map((i) => i.name).filter((n): n is string => typeof n === "string"))].map(
      sanitizeServiceText,
    );
    if (names.length > 0) {
      message += `; images whose name contains it: ${names.slice(0, SIMILAR_NAMES).join(", ")}`;
      if (names.length > SIMILAR_NAMES) message += ` and ${names.length - SIMILAR_NAMES} more`;
    }
  }
  return new ConflictError(`${message}; check the filters, or set allowEmpty: true for an empty list`, "LookupNoMatch");
}
