import {
  INSTANCE_ID_PATTERN,
  type ActionResponse,
  type CreateRequest,
  type DeleteResponse,
  type Instance,
  type InstanceAction,
  type ListQuery,
  type ListResponse,
  type UpdateRequest,
} from "../../protocol/demanager/wireTypes.js";
import { isNotFoundAnswer } from "../base/errorClassification.js";
import { DEFAULT_LISTING_LIMITS, followPages, type ListingLimits } from "./boundedListing.js";
import type { Deadline } from "../wait/Deadline.js";
import { recentListing } from "./recentListing.js";
import { ConfigurationError } from "../base/errors.js";
import { sanitizeServiceText } from "../base/redact.js";
import type { RequestExecutor, RequestSpec } from "./RequestExecutor.js";
import type { RecoverOutcome } from "./retryStrategy.js";
import { pollRequest, type PollOptions } from "./pollRequest.js";

/** Page size for listing. The API's default `limit=0` means "everything at once"; pages keep answers small. */
export const LIST_PAGE_SIZE = 100;

/**
 * The demanager API's own "instance does not exist" answer: HTTP 400 ModelArts.6309
 * [demanager §3.2, §7.3]. Only this answer, on the instance's own URL, means gone.
 */
export const NOT_FOUND_ERROR_CODES: ReadonlySet<string> = new Set(["ModelArts.6309"]);

/** Decides, after a create failed in a way that may have been applied, whether it was (see retryStrategy.ts). */
export type CreateRecovery = (err: unknown, context: { maybeApplied: boolean }) => Promise<RecoverOutcome<Instance>>;

/**
 * The demanager v1 operations [demanager §1]. Every method is one logical operation:
 * retries, token refresh, paging and the check of every answer against its documented shape happen inside.
 * An id that is not a plausible instance id is refused before any request is built.
 */
export class DemanagerClient {
  readonly projectId: string;
  private readonly pageSize: number;
  private readonly listLimits: ListingLimits;
  private readonly executor: RequestExecutor;

  /** The deadline of the operation this client serves: every request it makes ends there (RequestSpec.deadline). */
  private readonly deadline: Deadline | undefined;

  constructor(options: {
    executor: RequestExecutor;
    projectId: string;
    pageSize?: number;
    listLimits?: ListingLimits;
    deadline?: Deadline;
  }) {
    this.pageSize = options.pageSize ?? LIST_PAGE_SIZE;
    this.listLimits = options.listLimits ?? DEFAULT_LISTING_LIMITS;
    this.executor = options.executor;
    this.projectId = options.projectId;
    this.deadline = options.deadline;
  }

  /** Throws for an implausible id: callers are async, so the throw is a rejection, before any request. */
  private instancesPath(id?: string, suffix = ""): string {
    const base = `/v1/${encodeURIComponent(this.projectId)}/demanager/instances`;
    return id === undefined ? base : `${base}/${encodeURIComponent(checkInstanceId(id))}${suffix}`;
  }

  /** The shared rate limiter is pacing: every request delays everyone's, so waiters poll less. */
  get congested(): boolean {
    return this.executor.congested;
  }

  private async call<T>(spec: RequestSpec<T>): Promise<T> {
    return (await this.executor.execute<T>(this.deadline ? { ...spec, deadline: this.deadline } : spec)).data;
  }

  /**
   * POST a new instance. It is never repeated blindly: after a failure that may have been applied (reset,
   * timeout, 5xx, an unreadable answer), `recover` decides whether it was, and whether a second POST is safe.
   */
  async createInstance(request: CreateRequest, recover: CreateRecovery): Promise<Instance> {
    return this.call<Instance>({
      method: "POST",
      path: this.instancesPath(),
      body: request,
      retry: "recoverable",
      answer: "Instance",
      recover: async (err, context) => {
        const outcome = await recover(err, context);
        return outcome.kind === "done"
          ? { kind: "done", value: { status: 200, headers: {}, data: outcome.value } }
          : outcome;
      },
    });
  }

  /** `poll`, `spareUntil`: a waiter's GET (pollRequest.ts). */
  async getInstance(id: string, options: PollOptions = {}): Promise<Instance> {
    return this.call<Instance>({
      method: "GET",
      path: this.instancesPath(id),
      ...pollRequest(options),
      answer: "Instance",
      verify: (instance) => sameInstance(id, instance),
    });
  }

  /**
   * GET, with the API's own "does not exist" answer turned into `undefined`. Any other failure, a gateway 404
   * or an answer that is not an instance included, is thrown: it is never read as "gone".
   */
  async findInstance(id: string, options: PollOptions = {}): Promise<Instance | undefined> {
    try {
      return await this.getInstance(id, options);
    } catch (err) {
      if (isNotFoundAnswer(err, NOT_FOUND_ERROR_CODES)) return undefined;
      throw err;
    }
  }

  /**
   * Every instance matching the query, across all pages: until a short page or `total_count`, within the bounds of
   * boundedListing.ts (a service that ignores `offset` ends the listing with an error, not a loop).
   */
  async listInstances(query: ListQuery = {}): Promise<Instance[]> {
    const path = this.instancesPath();
    return followPages<Instance>({
      what: "notebook instances",
      request: `GET ${path}`,
      pageSize: this.pageSize,
      fetch: async (offset) => {
        const pairs: [string, string][] = [["de_type", "Notebook"]];
        for (const [key, value] of Object.entries(query)) if (value !== undefined) pairs.push([key, String(value)]);
        pairs.push(["limit", String(this.pageSize)], ["offset", String(offset)]);
        const page = await this.call<ListResponse>({
          method: "GET",
          path,
          query: pairs,
          retry: "idempotent",
          answer: "ListResponse",
        });
        // total_count is documented as a String in one revision and sent as a number [demanager §3.1]: parse
        // leniently; the reader left it out when it is neither, and then the short page ends the listing.
        const total = Number(page.total_count);
        return { items: page.instances, ...(page.total_count !== undefined && Number.isFinite(total) && { total }) };
      },
      keyOf: (instance) => instance.id,
      limits: this.listLimits,
      budgetMs: this.executor.retryOptions.maxElapsedMs,
      now: () => this.executor.now(),
    });
  }

  /**
   * `listInstances`, shared with the other operations of this connection for `maxAgeMs` (recentListing.ts): for
   * look-ups that many creates make at once. Confirm anything found with `findInstance` before acting on it.
   */
  listInstancesRecent(query: ListQuery = {}, maxAgeMs = 10_000): Promise<Instance[]> {
    // The shared listing is bounded by its requests' budget, not by the deadline of whichever operation asked first;
    // each operation waits for it only until its own deadline.
    const shared = new DemanagerClient({
      executor: this.executor,
      projectId: this.projectId,
      pageSize: this.pageSize,
      listLimits: this.listLimits,
    });
    const listing = recentListing(this.executor, `${this.projectId} ${JSON.stringify(query)}`, maxAgeMs, () =>
      shared.listInstances(query),
    );
    return this.deadline ? this.deadline.race(listing) : listing;
  }

  /** The API has no name filter [demanager §3.1], so names are matched here. Deleted instances are left out. */
  async findInstancesByName(name: string, workspaceId?: string): Promise<Instance[]> {
    const instances = await this.listInstances(workspaceId === undefined ? {} : { workspace_id: workspaceId });
    return instances.filter((i) => i.name === name && i.status !== "DELETED");
  }

  async updateInstance(id: string, request: UpdateRequest): Promise<Instance> {
    return this.call<Instance>({
      method: "PUT",
      path: this.instancesPath(id),
      body: request,
      retry: "idempotent",
      answer: "Instance",
      verify: (instance) => sameInstance(id, instance),
    });
  }

  /**
   * DELETE. Retried like any idempotent call: if an earlier attempt was applied but its answer was lost, the
   * retry answers "does not exist" (6309) or "already deleting" (6357), which the caller handles. Returns "gone"
   * for the API's own not-found answer.
   */
  async deleteInstance(id: string): Promise<"deleting" | "gone"> {
    try {
      await this.call<DeleteResponse>({
        method: "DELETE",
        path: this.instancesPath(id),
        retry: "idempotent",
        answer: "DeleteResponse",
        verify: (answer) =>
          answer.instance_id === id
            ? undefined
            : `it names instance ${JSON.stringify(sanitizeServiceText(String(answer.instance_id)).slice(0, 80))}`,
      });
      return "deleting";
    } catch (err) {
      if (isNotFoundAnswer(err, NOT_FOUND_ERROR_CODES)) return "gone";
      throw err;
    }
  }

  startInstance(id: string): Promise<ActionResponse> {
    return this.action(id, "start");
  }

  stopInstance(id: string): Promise<ActionResponse> {
    return this.action(id, "stop");
  }

  /**
   * POST .../action. Repeating start or stop is harmless (the service answers "already running/stopped",
   * 6305/6307, which the lifecycle code treats as done), so actions use the idempotent retry policy.
   */
  async action(id: string, action: InstanceAction): Promise<ActionResponse> {
    return this.call<ActionResponse>({
      method: "POST",
      path: this.instancesPath(id, "/action"),
      body: { action },
      retry: "idempotent",
      answer: "ActionResponse",
    });
  }
}

/** Refuses an id that is not a demanager instance id, before it can reach a URL (`""`, `.`, `..`, `a/b`). */
export function checkInstanceId(id: string): string {
  if (typeof id === "string" && INSTANCE_ID_PATTERN.test(id)) return id;
  const shown = typeof id === "string" ? JSON.stringify(sanitizeServiceText(id).slice(0, 80)) : String(id);
  throw new ConfigurationError(
    `${shown} is not a notebook instance id (DE-<uuid> or a UUID); no request was sent`,
    "InvalidInstanceId",
  );
}

function sameInstance(id: string, instance: Instance): string | undefined {
  return instance.id === id
    ? undefined
    : `it describes instance ${JSON.stringify(sanitizeServiceText(String(instance.id)).slice(0, 80))}, not "${id}"`;
}
