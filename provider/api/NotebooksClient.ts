import type {
  Notebook,
  NotebookCreateRequest,
  NotebookDataVolumesRequest,
  NotebookFlavor,
  NotebookFlavorsResponse,
  NotebookImage,
  NotebookLease,
  NotebookStorage,
  NotebookStorageListResponse,
  NotebookTag,
  NotebookUpdateRequest,
} from "../../protocol/notebooks/wireTypes.js";
import { isNotFoundAnswer } from "../base/errorClassification.js";
import { DEFAULT_LISTING_LIMITS, followPages, type ListingLimits } from "./boundedListing.js";
import { ConfigurationError } from "../base/errors.js";
import type { Deadline } from "../wait/Deadline.js";
import { recentListing } from "./recentListing.js";
import { sanitizeServiceText } from "../base/redact.js";
import type { RequestExecutor, RequestSpec } from "./RequestExecutor.js";
import type { RecoverOutcome } from "./retryStrategy.js";
import { pollRequest, type PollOptions } from "./pollRequest.js";

/**
 * The notebooks API's "does not exist" answers: HTTP 400 with ModelArts.6404 (what Terraform and the OpenI client
 * see) or ModelArts.6309 (the demanager code, which Terraform also accepts); a 404 carrying one of them counts
 * too. Which one the live service sends is an open question [notebooks §19], so all are
 * handled; a bare 404 or the gateway's APIG.0101 never means gone.
 */
export const NOTEBOOK_NOT_FOUND_CODES: ReadonlySet<string> = new Set(["ModelArts.6404", "ModelArts.6309"]);

/** ListNotebooks accepts only 10, 20 or 50 [notebooks §2]; images page by 200 like Terraform. */
export const NOTEBOOK_PAGE_SIZE = 50;
export const IMAGE_PAGE_SIZE = 200;

/**
 * Notebook, image and storage ids are UUIDs [notebooks §2]; an id is put in URL paths, so nothing else passes. Storage
 * mounts are addressed by their notebook's id and their own.
 */
export const UUID_PATTERN = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

export type NotebookCreateRecovery = (
  err: unknown,
  context: { maybeApplied: boolean },
) => Promise<RecoverOutcome<Notebook>>;

export type StorageAttachRecovery = (
  err: unknown,
  context: { maybeApplied: boolean },
) => Promise<RecoverOutcome<NotebookStorage>>;

export interface NotebookListQuery {
  name?: string;
  status?: string;
  workspace_id?: string;
  pool_id?: string;
  flavor?: string;
  image_id?: string;
}

export interface FlavorQuery {
  category?: string;
  type?: string;
}

export interface ImageQuery {
  name?: string;
  name_fuzzy_match?: boolean;
  type?: string;
  namespace?: string;
  service_type?: string;
  workspace_id?: string;
}

/**
 * The notebooks API (`/v1/{project_id}/notebooks`, [notebooks §1]): notebooks, their lease,
 * tags and dynamically mounted storage, and the flavor and image listings. As in DemanagerClient, every answer is
 * checked against its documented shape and every id before it reaches a URL.
 */
export class NotebooksClient {
  readonly projectId: string;
  private readonly executor: RequestExecutor;
  private readonly pageSizes: { notebooks: number; images: number };
  private readonly listLimits: ListingLimits;

  /** The deadline of the operation this client serves: every request it makes ends there (RequestSpec.deadline). */
  private readonly deadline: Deadline | undefined;

  /** `pageSizes` and `listLimits`: smaller pages and bounds for tests; the defaults are the API's and the provider's. */
  constructor(options: {
    executor: RequestExecutor;
    projectId: string;
    pageSizes?: { notebooks?: 10 | 20 | 50; images?: number };
    listLimits?: ListingLimits;
    deadline?: Deadline;
  }) {
    this.executor = options.executor;
    this.projectId = options.projectId;
    this.deadline = options.deadline;
    this.pageSizes = {
      notebooks: options.pageSizes?.notebooks ?? NOTEBOOK_PAGE_SIZE,
      images: options.pageSizes?.images ?? IMAGE_PAGE_SIZE,
    };
    this.listLimits = options.listLimits ?? DEFAULT_LISTING_LIMITS;
  }

  private base(): string {
    return `/v1/${encodeURIComponent(this.projectId)}`;
  }

  /** Throws for an implausible id: every caller is async, so the throw is a rejection before any request. */
  private notebookPath(id: string, suffix = ""): string {
    return `${this.base()}/notebooks/${encodeURIComponent(checkUuid(id, "notebook"))}${suffix}`;
  }

  /** The shared rate limiter is pacing: every request delays everyone's, so waiters poll less. */
  get congested(): boolean {
    return this.executor.congested;
  }

  private async call<T>(spec: RequestSpec<T>): Promise<T> {
    return (await this.executor.execute<T>(this.deadline ? { ...spec, deadline: this.deadline } : spec)).data;
  }

  /** POST a notebook; never repeated blindly (see DemanagerClient.createInstance). */
  async createNotebook(request: NotebookCreateRequest, recover: NotebookCreateRecovery): Promise<Notebook> {
    return this.call<Notebook>({
      method: "POST",
      path: `${this.base()}/notebooks`,
      body: request,
      retry: "recoverable",
      answer: "NotebookObject",
      recover: async (err, context) => {
        const outcome = await recover(err, context);
        return outcome.kind === "done"
          ? { kind: "done", value: { status: 200, headers: {}, data: outcome.value } }
          : outcome;
      },
    });
  }

  /** `poll`, `spareUntil`: a waiter's GET (pollRequest.ts). */
  async getNotebook(id: string, options: PollOptions = {}): Promise<Notebook> {
    return this.call<Notebook>({
      method: "GET",
      path: this.notebookPath(id),
      ...pollRequest(options),
      answer: "NotebookObject",
      verify: (notebook) => sameObject("notebook", id, notebook.id),
    });
  }

  /** GET, with only the API's own not-found answers turned into `undefined`. */
  async findNotebook(id: string, options: PollOptions = {}): Promise<Notebook | undefined> {
    try {
      return await this.getNotebook(id, options);
    } catch (err) {
      if (isNotFoundAnswer(err, NOTEBOOK_NOT_FOUND_CODES)) return undefined;
      throw err;
    }
  }

  /** Every notebook matching the query (the `name` filter is fuzzy, [notebooks §6]), across all pages. */
  async listNotebooks(query: NotebookListQuery = {}): Promise<Notebook[]> {
    return this.pages<Notebook>("notebooks", `${this.base()}/notebooks`, query, this.pageSizes.notebooks, {
      answer: "NotebookListResponse",
      keyOf: (notebook) => notebook.id!,
    });
  }

  /**
   * `listNotebooks`, shared with the other operations of this connection for `maxAgeMs` (recentListing.ts): for
   * look-ups that many creates make at once. Confirm anything found with `findNotebook` before acting on it.
   */
  listNotebooksRecent(query: NotebookListQuery = {}, maxAgeMs = 10_000): Promise<Notebook[]> {
    // The shared listing is bounded by its requests' budget, not by the deadline of whichever operation asked first;
    // each operation waits for it only until its own deadline.
    const shared = new NotebooksClient({
      executor: this.executor,
      projectId: this.projectId,
      pageSizes: { notebooks: this.pageSizes.notebooks as 10 | 20 | 50, images: this.pageSizes.images },
      listLimits: this.listLimits,
    });
    const listing = recentListing(this.executor, `${this.projectId} notebooks ${JSON.stringify(query)}`, maxAgeMs, () =>
      shared.listNotebooks(query),
    );
    return this.deadline ? this.deadline.race(listing) : listing;
  }

  /**
   * PUT. The documented answer may echo only the changed fields [notebooks §7], so the caller reads the notebook again for
   * its state; the answer is still checked to be an object.
   */
  async updateNotebook(id: string, request: NotebookUpdateRequest): Promise<void> {
    await this.call<unknown>({
      method: "PUT",
      path: this.notebookPath(id),
      body: request,
      retry: "idempotent",
      answer: "NotebookUpdateResponse",
    });
  }

  /** DELETE; "gone" for the API's own not-found answer (a retried DELETE whose first answer was lost). */
  async deleteNotebook(id: string): Promise<"deleting" | "gone"> {
    try {
      await this.call<Notebook>({
        method: "DELETE",
        path: this.notebookPath(id),
        retry: "idempotent",
        answer: "NotebookObject",
        // The documented answer is the notebook in DELETING [notebooks §8]; some gateways answer 204 with no body.
        emptyAnswerAllowed: true,
        verify: (notebook) => (notebook === undefined ? undefined : sameObject("notebook", id, notebook.id)),
      });
      return "deleting";
    } catch (err) {
      if (isNotFoundAnswer(err, NOTEBOOK_NOT_FOUND_CODES)) return "gone";
      throw err;
    }
  }

  /**
   * POST .../start with the auto-stop to apply from this start [notebooks §8, §9]: `durationMs` -1 starts without one, as
   * Terraform does. Repeating a start is harmless (6305/6306 mean already running or starting).
   */
  async startNotebook(id: string, lease?: { durationMs: number; type?: string }): Promise<Notebook> {
    const query: [string, string][] = [];
    if (lease) {
      query.push(["duration", String(lease.durationMs)]);
      if (lease.type !== undefined && lease.durationMs !== -1) query.push(["type", lease.type]);
    }
    return this.call<Notebook>({
      method: "POST",
      path: this.notebookPath(id, "/start"),
      query,
      body: {},
      retry: "idempotent",
      answer: "NotebookObject",
      verify: (notebook) => sameObject("notebook", id, notebook.id),
    });
  }

  async stopNotebook(id: string): Promise<Notebook> {
    return this.call<Notebook>({
      method: "POST",
      path: this.notebookPath(id, "/stop"),
      body: {},
      retry: "idempotent",
      answer: "NotebookObject",
      verify: (notebook) => sameObject("notebook", id, notebook.id),
    });
  }

  /** PATCH .../lease: prolongs the auto-stop of a running notebook [notebooks §9]; the query duration wins over the body. */
  async renewLease(id: string, lease: { durationMs: number; type?: string }): Promise<NotebookLease> {
    return this.call<NotebookLease>({
      method: "PATCH",
      path: this.notebookPath(id, "/lease"),
      query: [["duration", String(lease.durationMs)]],
      body: { duration: lease.durationMs, ...(lease.type !== undefined && { type: lease.type }) },
      retry: "idempotent",
      answer: "NotebookLease",
    });
  }

  /** tags/create: upserts by key; 204 with no body [notebooks §13]. */
  async createTags(id: string, tags: NotebookTag[], workspaceId?: string): Promise<void> {
    if (tags.length === 0) return;
    await this.call<unknown>({
      method: "POST",
      path: this.notebookPath(id, "/tags/create"),
      query: workspaceId === undefined ? [] : [["workspace_id", workspaceId]],
      body: { tags },
      // The documented answer is 204 with no body [notebooks §13]; nothing in a body would be read.
      retry: "idempotent",
    });
  }

  /** tags/delete: a DELETE with a body; a missing tag is a no-op [notebooks §13]. */
  async deleteTags(id: string, tags: NotebookTag[], workspaceId?: string): Promise<void> {
    if (tags.length === 0) return;
    await this.call<unknown>({
      method: "DELETE",
      path: this.notebookPath(id, "/tags/delete"),
      query: workspaceId === undefined ? [] : [["workspace_id", workspaceId]],
      body: { tags },
      // The documented answer is 204 with no body [notebooks §13]; nothing in a body would be read.
      retry: "idempotent",
    });
  }

  async listFlavors(query: FlavorQuery = {}): Promise<NotebookFlavor[]> {
    const page = await this.call<NotebookFlavorsResponse>({
      method: "GET",
      path: `${this.base()}/notebooks/flavors`,
      query: queryPairs(query),
      retry: "idempotent",
      answer: "NotebookFlavorsResponse",
    });
    // The items come in `data`, `flavors` or both [notebooks §10.1].
    return page.data ?? page.flavors ?? [];
  }

  /**
   * The flavors an existing notebook can switch to [notebooks §10.2], as the whole answer: which of `flavors` and
   * `data` to trust, and whether `total` says some are missing, is the caller's judgement (notebook/flavorSwitch.ts).
   */
  async listSwitchableFlavors(id: string): Promise<NotebookFlavorsResponse> {
    return this.call<NotebookFlavorsResponse>({
      method: "GET",
      path: this.notebookPath(id, "/flavors"),
      retry: "idempotent",
      answer: "NotebookFlavorsResponse",
    });
  }

  async listImages(query: ImageQuery = {}): Promise<NotebookImage[]> {
    return this.pages<NotebookImage>("images", `${this.base()}/images`, query, this.pageSizes.images, {
      answer: "NotebookImagesResponse",
      // An image's id may be unreadable (the lookup refuses such an entry): its whole content tells it apart then.
      keyOf: (image) => image.id ?? JSON.stringify(image),
    });
  }

  /**
   * POST a storage mount (§12). Not idempotent: without `recover` it is sent once; with it, a failure that was
   * surely not applied (throttled, never sent) is sent again, and one that may have been applied goes to `recover`
   * first, which looks the mount up (a mount path is unique per notebook) before any second POST.
   */
  async attachStorage(
    notebookId: string,
    request: NotebookDataVolumesRequest,
    recover?: StorageAttachRecovery,
  ): Promise<NotebookStorage> {
    return this.call<NotebookStorage>({
      method: "POST",
      path: this.notebookPath(notebookId, "/storage"),
      body: request,
      retry: recover ? "recoverable" : "once",
      answer: "NotebookStorage",
      ...(recover && {
        recover: async (err: unknown, context: { maybeApplied: boolean }) => {
          const outcome = await recover(err, context);
          return outcome.kind === "done"
            ? { kind: "done" as const, value: { status: 200, headers: {}, data: outcome.value } }
            : outcome;
        },
      }),
    });
  }

  async listStorages(notebookId: string): Promise<NotebookStorage[]> {
    const page = await this.call<NotebookStorageListResponse>({
      method: "GET",
      path: this.notebookPath(notebookId, "/storage"),
      retry: "idempotent",
      answer: "NotebookStorageListResponse",
    });
    return page.data ?? [];
  }

  /** GET one mount; `undefined` for the API's not-found answer. `poll`, `spareUntil`: a waiter's GET (pollRequest.ts). */
  async findStorage(
    notebookId: string,
    storageId: string,
    options: PollOptions = {},
  ): Promise<NotebookStorage | undefined> {
    try {
      return await this.call<NotebookStorage>({
        ...pollRequest(options),
        method: "GET",
        path: this.notebookPath(notebookId, `/storage/${encodeURIComponent(checkUuid(storageId, "storage"))}`),
        answer: "NotebookStorage",
        verify: (storage) => sameObject("storage", storageId, storage.id),
      });
    } catch (err) {
      if (isNotFoundAnswer(err, NOTEBOOK_NOT_FOUND_CODES)) return undefined;
      throw err;
    }
  }

  async detachStorage(notebookId: string, storageId: string): Promise<"unmounting" | "gone"> {
    try {
      await this.call<NotebookStorage>({
        method: "DELETE",
        path: this.notebookPath(notebookId, `/storage/${encodeURIComponent(checkUuid(storageId, "storage"))}`),
        retry: "idempotent",
        answer: "NotebookStorage",
        emptyAnswerAllowed: true,
      });
      return "unmounting";
    } catch (err) {
      if (isNotFoundAnswer(err, NOTEBOOK_NOT_FOUND_CODES)) return "gone";
      throw err;
    }
  }

  /**
   * Follows `offset` until a short page (Terraform's paging, [notebooks §2]), whatever `total` says, within the
   * bounds of boundedListing.ts: a service that ignores `offset` ends the listing with an error, not a loop.
   */
  private async pages<T>(
    what: string,
    path: string,
    query: object,
    pageSize: number,
    read: { answer: "NotebookListResponse" | "NotebookImagesResponse"; keyOf: (item: T) => string },
  ): Promise<T[]> {
    return followPages<T>({
      what,
      request: `GET ${path}`,
      pageSize,
      fetch: async (offset) => {
        const page = await this.call<{ data?: T[] }>({
          method: "GET",
          path,
          query: [...queryPairs(query), ["limit", String(pageSize)], ["offset", String(offset)]],
          retry: "idempotent",
          answer: read.answer,
        });
        return { items: page.data ?? [] };
      },
      keyOf: read.keyOf,
      limits: this.listLimits,
      budgetMs: this.executor.retryOptions.maxElapsedMs,
      now: () => this.executor.now(),
    });
  }
}

function queryPairs(query: object): [string, string][] {
  return Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, String(value)]);
}

/** Refuses an id that is not a UUID before it can reach a URL. */
export function checkUuid(id: string, what: string): string {
  if (typeof id === "string" && UUID_PATTERN.test(id)) return id;
  const shown = typeof id === "string" ? JSON.stringify(sanitizeServiceText(id).slice(0, 80)) : String(id);
  throw new ConfigurationError(`${shown} is not a ${what} id (a UUID); no request was sent`, "InvalidId");
}

function sameObject(what: string, id: string, answered: string | undefined): string | undefined {
  return answered === id
    ? undefined
    : `it describes ${what} ${JSON.stringify(sanitizeServiceText(String(answered)).slice(0, 80))}, not "${id}"`;
}
