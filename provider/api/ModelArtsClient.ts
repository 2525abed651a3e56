import { isAmbiguous, isRetryable, isThrottled, retryDelayMs } from "./retryPolicy.js";
import { isApiError, isNotFound } from "./errors.js";
import type { RequestExecutor, RequestSpec } from "./requestExecutor.js";
import type {
  ActionResponse,
  CreateRequest,
  DeleteResponse,
  Instance,
  InstanceAction,
  ListQuery,
  ListResponse,
  UpdateRequest,
} from "../../protocol/demanager/wireTypes.js";

/** Page size for listing. The API's default `limit=0` means "everything at once"; pages keep answers small. */
export const LIST_PAGE_SIZE = 100;

export interface CreateOutcome {
  instance: Instance;
  /** True when the instance came from a look-up by name after an ambiguous failure, not from the POST answer. */
  recoveredByLookup: boolean;
  /** POST requests sent. */
  posts: number;
}

/**
 * The demanager v1 operations (API reference §1). Every method is one logical operation: retries, token refresh
 * and paging happen inside.
 */
export class ModelArtsClient {
  readonly projectId: string;
  private readonly pageSize: number;
  private readonly executor: RequestExecutor;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(options: {
    executor: RequestExecutor;
    projectId: string;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    now?: () => number;
    pageSize?: number;
  }) {
    this.pageSize = options.pageSize ?? LIST_PAGE_SIZE;
    this.executor = options.executor;
    this.projectId = options.projectId;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  private instancesPath(id?: string, suffix = ""): string {
    const base = `/v1/${encodeURIComponent(this.projectId)}/demanager/instances`;
    return id === undefined ? base : `${base}/${encodeURIComponent(id)}${suffix}`;
  }

  private async call<T>(spec: RequestSpec): Promise<T> {
    return (await this.executor.execute<T>(spec)).data;
  }

  /**
   * POST a new instance. Create is never retried blindly: after an ambiguous failure (reset, timeout, 5xx) the
   * instance is looked up by name (names are unique, ModelArts.6301) and only POSTed again when it is not there.
   * A 6301 after such a failure means our own earlier POST landed; it is resolved by the same look-up.
   */
  async createInstance(request: CreateRequest): Promise<CreateOutcome> {
    const spec: RequestSpec = { method: "POST", path: this.instancesPath(), body: request, retry: "once" };
    const options = this.executor.retryOptions;
    const started = this.now();
    let posts = 0;
    // Throttled POSTs do not count against maxAttempts (retryPolicy.ts).
    let throttled = 0;
    let maybeApplied = false;
    for (let attempt = 1; ; attempt++) {
      try {
        posts++;
        const instance = await this.call<Instance>(spec);
        return { instance, recoveredByLookup: false, posts };
      } catch (err) {
        if (maybeApplied && isApiError(err, "ModelArts.6301")) {
          const found = await this.findOneByName(request.name, request.workspace?.id);
          if (found) return { instance: found, recoveredByLookup: true, posts };
          throw err;
        }
        if (!isRetryable(err)) throw err;
        if (isAmbiguous(err)) {
          maybeApplied = true;
          const found = await this.findOneByName(request.name, request.workspace?.id);
          if (found) return { instance: found, recoveredByLookup: true, posts };
        }
        if (isThrottled(err)) throttled++;
        const delayMs = retryDelayMs(err, attempt, options, this.random);
        if (attempt - throttled >= options.maxAttempts || this.now() + delayMs - started > options.maxElapsedMs) {
          throw err;
        }
        await this.sleep(delayMs);
      }
    }
  }

  getInstance(id: string): Promise<Instance> {
    return this.call<Instance>({ method: "GET", path: this.instancesPath(id), retry: "idempotent" });
  }

  /** GET, with "does not exist" (HTTP 400 ModelArts.6309, or 404) turned into `undefined`. */
  async findInstance(id: string): Promise<Instance | undefined> {
    try {
      return await this.getInstance(id);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Every instance matching the query, across all pages. */
  async listInstances(query: ListQuery = {}): Promise<Instance[]> {
    const all: Instance[] = [];
    for (let offset = 0; ; offset += this.pageSize) {
      const pairs: [string, string][] = [["de_type", "Notebook"]];
      for (const [key, value] of Object.entries(query)) if (value !== undefined) pairs.push([key, String(value)]);
      pairs.push(["limit", String(this.pageSize)], ["offset", String(offset)]);
      const page = await this.call<ListResponse>({
        method: "GET",
        path: this.instancesPath(),
        query: pairs,
        retry: "idempotent",
      });
      const instances = Array.isArray(page.instances) ? page.instances : [];
      all.push(...instances);
      // total_count is documented as a String in one revision and sent as a number (§3.1): parse leniently.
      const total = Number(page.total_count);
      if (instances.length < this.pageSize || (Number.isFinite(total) && offset + instances.length >= total)) {
        return all;
      }
    }
  }

  /** The API has no name filter (§3.1), so names are matched here. */
  async findInstancesByName(name: string, workspaceId?: string): Promise<Instance[]> {
    const query: ListQuery = workspaceId === undefined ? {} : { workspace_id: workspaceId };
    const instances = await this.listInstances(query);
    return instances.filter((i) => i.name === name && i.status !== "DELETED");
  }

  private async findOneByName(name: string, workspaceId?: string): Promise<Instance | undefined> {
    const [first] = await this.findInstancesByName(name, workspaceId);
    return first;
  }

  updateInstance(id: string, request: UpdateRequest): Promise<Instance> {
    return this.call<Instance>({ method: "PUT", path: this.instancesPath(id), body: request, retry: "idempotent" });
  }

  /**
   * DELETE. Retried like any idempotent call: if an earlier attempt was applied but its answer was lost, the
   * retry answers "does not exist" (6309), which the caller treats as "already gone".
   */
  deleteInstance(id: string): Promise<DeleteResponse> {
    return this.call<DeleteResponse>({ method: "DELETE", path: this.instancesPath(id), retry: "idempotent" });
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
  action(id: string, action: InstanceAction): Promise<ActionResponse> {
    return this.call<ActionResponse>({
      method: "POST",
      path: this.instancesPath(id, "/action"),
      body: { action },
      retry: "idempotent",
    });
  }
}
