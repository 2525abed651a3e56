/** Per-route request counters for tests ("how many POSTs did the provider send?"). Admin calls are not counted. */
export interface RequestCountSnapshot {
  /** `METHOD /route/template` → requests. */
  byRoute: Record<string, number>;
  /** `METHOD /route/template STATUS` → requests; dropped connections count under status `dropped`. */
  byRouteAndStatus: Record<string, number>;
  total: number;
}

export class RequestCounts {
  private byRoute = new Map<string, number>();
  private byRouteAndStatus = new Map<string, number>();
  private total = 0;

  record(method: string, template: string, status: number | "dropped"): void {
    const route = `${method} ${template}`;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    const key = `${route} ${status}`;
    this.byRouteAndStatus.set(key, (this.byRouteAndStatus.get(key) ?? 0) + 1);
    this.total++;
  }

  snapshot(): RequestCountSnapshot {
    return {
      byRoute: Object.fromEntries(this.byRoute),
      byRouteAndStatus: Object.fromEntries(this.byRouteAndStatus),
      total: this.total,
    };
  }

  reset(): void {
    this.byRoute.clear();
    this.byRouteAndStatus.clear();
    this.total = 0;
  }
}
