/** Route matching and the request/response types handlers work with. */
import type { ServiceContext } from "./context.js";

/** Who is calling, as the gateway's authentication found (`auth.ts`). */
export type Principal =
  | { kind: "aksk"; accessKey: string }
  /** `projectId` undefined: an unscoped token. */
  | { kind: "token"; projectId?: string };

export interface RoutedRequest {
  method: string;
  /** Raw path, without the query. */
  path: string;
  rawQuery: string;
  query: Map<string, string>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Decoded `{name}` segments of the route template. */
  params: Record<string, string>;
  principal?: Principal;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sends `body` (a string) verbatim with this Content-Type, even when it is empty (hostile-answer faults). */
  contentType?: string;
  /** Streams a generated JSON-looking body of this many bytes instead of `body` (the `oversized` fault). */
  generatedBytes?: number;
}

export type Handler = (request: RoutedRequest, service: ServiceContext) => HandlerResult;

/** Which API a route belongs to: it decides the error body shape and what "another instance" means. */
export type RouteFamily = "demanager" | "notebooks";

export interface Route {
  method: string;
  /** e.g. `/v1/{project_id}/demanager/instances/{instance_id}`: also the key for counts and faults. */
  template: string;
  /** Needs AK/SK or X-Auth-Token. */
  auth: boolean;
  /** Subject to the configured rate limit (the ModelArts API; not IAM). */
  throttled: boolean;
  /** Unset for IAM. */
  family?: RouteFamily;
  /** The schema.json `$defs` name of its 2xx answer, for the answer style (answerStyle.ts); unset: no JSON body. */
  answer?: string;
  handler: Handler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  // One trailing slash is tolerated: the signature treats `/a` and `/a/` alike [demanager §8.5].
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  return trimmed.split("/");
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The route for `method` + `path`; a known path with another method is unknown too (APIG.0101, [demanager §7.4]). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const actual = segments(path);
  for (const route of routes) {
    if (route.method !== method) continue;
    const expected = route.template.split("/");
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const ok = expected.every((part, i) => {
      const value = decode(actual[i]!);
      if (value === undefined) return false;
      if (part.startsWith("{") && part.endsWith("}")) {
        params[part.slice(1, -1)] = value;
        return value !== "";
      }
      return part === value;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

/** Query parameters; `+` stays a plus (the signing rules encode spaces as %20, [demanager §8.5]). First value wins. */
export function parseQuery(rawQuery: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of rawQuery.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? "" : pair.slice(eq + 1));
    if (key !== undefined && value !== undefined && !params.has(key)) params.set(key, value);
  }
  return params;
}

/** The JSON body, or `undefined` when it is absent or not JSON. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}
