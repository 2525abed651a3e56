/**
 * The wire contract of the demanager v1 API [demanager §2–§5]: the shapes of its request bodies and answers,
 * generated from schema.json into wireShapes.ts (`npm run generate`) and re-exported here with the names the code
 * uses for some of their parts, and what schema.json does not hold (a query string, the id pattern URLs need).
 * Answers are read by the tolerant reader (protocol/validation/tolerantReader.ts): the service returns `null` for
 * several objects [demanager §5], and anything not acted on may be null, missing or of another type. What the
 * provider sees holds well-typed values or nothing, never `null`, so the answer types have no `null`.
 */
import schema from "../../schema.json";
import { STATUS_VALUES, type ActionRequest, type NotebookSpec, type Status } from "./wireShapes.js";

export * from "./wireShapes.js";

/** The demanager statuses [demanager §6.1], plus `DELETING`, which only third-party code declares. */
export const INSTANCE_STATUSES = STATUS_VALUES;
export type InstanceStatus = Status;

export type InstanceAction = ActionRequest["action"];

/** `spec.auto_stop` of a returned instance. */
export type WireAutoStop = NonNullable<NotebookSpec["auto_stop"]>;

/** The query of GET .../demanager/instances [demanager §3.1] (a query string: schema.json has no shape for it). */
export interface ListQuery {
  status?: string;
  sortby?: "name" | "creation_timestamp";
  order?: "asc" | "desc";
  workspace_id?: string;
  pool_id?: string;
  ai_project?: string;
  show_self?: "true" | "false";
}

/**
 * Instance ids: `DE-` + a UUID in the samples, a bare UUID in some [demanager §17]. An id is put in URL paths, so
 * anything else (`""`, `.`, `..`, a slash) is refused before a request is built: schema.json's `InstanceId`.
 */
export const INSTANCE_ID_PATTERN = new RegExp(schema.$defs.InstanceId.pattern);
