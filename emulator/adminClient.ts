/** Typed client of the emulator's admin API (`admin.ts`); `emulator.admin` is one, or build one from a URL. */
import type { AdminInstancePatch } from "./admin.js";
import type { ArmedFault, CreateFailureSpec, FaultSpec } from "./faults.js";
import { sendRaw } from "./httpJson.js";
import type { RateLimitOptions } from "./rateLimiter.js";
import type { RequestCountSnapshot } from "./requestCounts.js";

/** An instance as the admin API shows it: the wire Instance plus its project id. */
export type AdminInstance = Record<string, unknown> & { id: string; name: string; status: string; project_id: string };

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

  /** Instances, sold-out marks, faults, request counts and the rate limit back to the start-up state. */
  async reset(): Promise<void> {
    await this.call("POST", "/reset");
  }

  /** Fail the next `count` requests on a route (`METHOD /template`, `METHOD *` or `*`). */
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

  async listFlavors(): Promise<AdminFlavor[]> {
    return (await this.call<{ flavors: AdminFlavor[] }>("GET", "/flavors")).flavors;
  }

  async setFlavorSoldOut(flavor: string, soldOut = true): Promise<void> {
    await this.call("PUT", `/flavors/${encodeURIComponent(flavor)}`, { soldOut });
  }
}
