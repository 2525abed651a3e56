/** Typed client of the emulator's admin API (`admin.ts`); `emulator.admin` is one, or build one from a URL. */
import type { AdminInstancePatch } from "./demanager/admin.js";
import { sendRaw } from "./httpJson.js";
import type { AdminNotebookFlavor, AdminNotebookPatch } from "./notebooks/admin.js";
import type { NotebookSwitches } from "./notebooks/switches.js";
import type { RateLimitOptions } from "./RateLimiter.js";
import type { RequestCountSnapshot } from "./RequestCounts.js";
import type { AnswerStyle } from "./shared/answerStyle.js";
import type { ArmedFault, CreateFailureSpec, FaultSpec, NotebookCreateFailureSpec } from "./shared/Faults.js";

/** An instance as the admin API shows it: the wire Instance plus its project id. */
export type AdminInstance = Record<string, unknown> & { id: string; name: string; status: string; project_id: string };

/** A notebook (v2) as the admin API shows it: the wire notebook object plus its project id. */
export type AdminNotebook = Record<string, unknown> & { id: string; name: string; status: string; project_id: string };

export type { AdminNotebookFlavor } from "./notebooks/admin.js";

export interface AdminFlavor {
  name: string;
  type: string;
  free: boolean;
  soldOut: boolean;
}

export class AdminClient {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const response = await sendRaw(`${this.baseUrl}/_admin${path}`, {
      method,
      headers: payload === undefined ? {} : { "Content-Type": "application/json" },
      body: payload,
    });
    if (response.status !== 200) {
      const message = (response.json as { error?: string } | undefined)?.error ?? response.text;
      throw new Error(`emulator admin ${method} ${path}: HTTP ${response.status}: ${message}`);
    }
    return response.json as T;
  }

  health(): Promise<{ ok: true; projectId: string; region: string; timeScale: number }> {
    return this.call("GET", "/health");
  }

  /** Instances, notebooks, sold-out marks, faults, request counts, the rate limit, the token lifetime, the switches and the answer style back to the start-up state. */
  async reset(): Promise<void> {
    await this.call("POST", "/reset");
  }

  /**
   * Arm a fault for the next `count` requests on a route (`METHOD /template`, `METHOD *` or `*`): error statuses,
   * dropped connections, or hostile answers (`body`, `other-instance`, `gateway-404`, `oversized`, `echo-secrets`).
   */
  injectFault(spec: FaultSpec): Promise<ArmedFault> {
    return this.call("POST", "/faults", spec);
  }

  async listFaults(): Promise<ArmedFault[]> {
    return (await this.call<{ faults: ArmedFault[] }>("GET", "/faults")).faults;
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/faults");
  }

  /** The next `count` creates end in CREATE_FAILED with these `failed_reasons`. */
  async failNextCreates(spec: CreateFailureSpec = {}): Promise<void> {
    await this.call("POST", "/create-failures", spec);
  }

  /**
   * The next create of each named instance (demanager v1) spends this many nominal seconds in `phase`: CREATING
   * (instead of 30) or, for a free flavor, CREATE_QUEUING (instead of 3 ranks of 10); scaled like every duration,
   * cleared with the faults.
   */
  async setCreateDurations(
    durations: Record<string, number>,
    phase: "CREATING" | "CREATE_QUEUING" = "CREATING",
  ): Promise<void> {
    await this.call("POST", "/create-durations", { durations, phase });
  }

  /** Every instance of every project and workspace, including those being deleted. */
  async listInstances(): Promise<AdminInstance[]> {
    return (await this.call<{ instances: AdminInstance[] }>("GET", "/instances")).instances;
  }

  getInstance(id: string): Promise<AdminInstance> {
    return this.call("GET", `/instances/${encodeURIComponent(id)}`);
  }

  /** Change an instance out of band (console edits, the service stopping it, a failure). */
  updateInstance(id: string, patch: AdminInstancePatch): Promise<AdminInstance> {
    return this.call("PATCH", `/instances/${encodeURIComponent(id)}`, patch);
  }

  /** Remove an instance at once, as if someone deleted it elsewhere and the deletion had finished. */
  async deleteInstance(id: string): Promise<void> {
    await this.call("DELETE", `/instances/${encodeURIComponent(id)}`);
  }

  requestCounts(): Promise<RequestCountSnapshot> {
    return this.call("GET", "/requests");
  }

  async resetRequestCounts(): Promise<void> {
    await this.call("DELETE", "/requests");
  }

  /** Requests sent to `METHOD /template` (e.g. `POST /v1/{project_id}/demanager/instances`), optionally with one status. */
  async requestCount(route: string, status?: number | "dropped"): Promise<number> {
    const snapshot = await this.requestCounts();
    return (status === undefined ? snapshot.byRoute[route] : snapshot.byRouteAndStatus[`${route} ${status}`]) ?? 0;
  }

  /** `undefined` turns throttling off. */
  async setRateLimit(options: RateLimitOptions | undefined): Promise<void> {
    if (options === undefined) await this.call("DELETE", "/rate-limit");
    else await this.call("PUT", "/rate-limit", options);
  }

  /** The lifetime of the IAM tokens issued from now on (the start-up `tokenTtlSeconds` until `reset`). */
  async setTokenTtl(seconds: number): Promise<void> {
    await this.call("PUT", "/iam", { tokenTtlSeconds: seconds });
  }

  async listFlavors(): Promise<AdminFlavor[]> {
    return (await this.call<{ flavors: AdminFlavor[] }>("GET", "/flavors")).flavors;
  }

  async setFlavorSoldOut(flavor: string, soldOut = true): Promise<void> {
    await this.call("PUT", `/flavors/${encodeURIComponent(flavor)}`, { soldOut });
  }

  /** Every notebook (v2) of every project and workspace, including those being deleted. */
  async listNotebooks(): Promise<AdminNotebook[]> {
    return (await this.call<{ notebooks: AdminNotebook[] }>("GET", "/notebooks")).notebooks;
  }

  getNotebook(id: string): Promise<AdminNotebook> {
    return this.call("GET", `/notebooks/${encodeURIComponent(id)}`);
  }

  /** Change a notebook out of band: status jumps, renames, lease, image or flavor changes (drift). */
  updateNotebook(id: string, patch: AdminNotebookPatch): Promise<AdminNotebook> {
    return this.call("PATCH", `/notebooks/${encodeURIComponent(id)}`, patch);
  }

  /** Remove a notebook at once, as if it had been deleted elsewhere and the deletion had finished. */
  async deleteNotebook(id: string): Promise<void> {
    await this.call("DELETE", `/notebooks/${encodeURIComponent(id)}`);
  }

  /** The next `count` notebook creates end in CREATE_FAILED with `fail_reason`. */
  async failNextNotebookCreates(spec: NotebookCreateFailureSpec = {}): Promise<void> {
    await this.call("POST", "/notebook-create-failures", spec);
  }

  async listNotebookFlavors(): Promise<AdminNotebookFlavor[]> {
    return (await this.call<{ flavors: AdminNotebookFlavor[] }>("GET", "/notebook-flavors")).flavors;
  }

  /** Overrides the catalogue's sold-out mark of a notebook flavor (some are sold out from the start). */
  async setNotebookFlavorSoldOut(flavor: string, soldOut = true): Promise<void> {
    await this.call("PUT", `/notebook-flavors/${encodeURIComponent(flavor)}`, { soldOut });
  }

  /** The notebooks API's open-question switches now in force. */
  switches(): Promise<NotebookSwitches> {
    return this.call("GET", "/switches");
  }

  /** Changes some switches; the others keep their value. `reset()` restores the start-up values. */
  setSwitches(changes: Partial<NotebookSwitches>): Promise<NotebookSwitches> {
    return this.call("PATCH", "/switches", changes);
  }

  /** How both APIs write unset fields now: `compact` (left out) or `nulls` (as Huawei's Java backends do). */
  async answerStyle(): Promise<AnswerStyle> {
    return (await this.call<{ style: AnswerStyle }>("GET", "/answer-style")).style;
  }

  /** Changes the answer style; `reset()` restores the start-up one. */
  async setAnswerStyle(style: AnswerStyle): Promise<void> {
    await this.call("PUT", "/answer-style", { style });
  }
}
