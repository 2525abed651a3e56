import { TransportError } from "./errors.js";

export interface HttpRequest {
  method: string;
  /** Absolute URL including the query, exactly as signed. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** Sends one request, once. Throws `TransportError` when no HTTP answer arrives; never throws for a status. */
export type HttpSend = (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

type GotModule = typeof import("got");

// got 14 is ESM-only. `nodenext` keeps this import() as a real dynamic import in the CommonJS build, so the
// module loads from the provider host, from CommonJS programs and from ESM programs alike.
const gotHolder: { module?: Promise<GotModule> } = {};

function loadGot(): Promise<GotModule> {
  gotHolder.module ??= import("got");
  return gotHolder.module;
}

/** The production transport: got with its own retries off (ours know which calls are safe to repeat). */
export const sendWithGot: HttpSend = async (request, timeoutMs) => {
  const { got } = await loadGot();
  const path = safePath(request.url);
  try {
    const response = await got(request.url, {
      method: request.method as "GET",
      headers: request.headers,
      body: request.body,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: timeoutMs },
      responseType: "text",
    });
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    return { status: response.statusCode, headers, body: response.body };
  } catch (err) {
    // Copy only the code and got's message (which names the URL and the socket error, never a header):
    // the got error itself holds the request options, Authorization included, so it is not kept as a cause.
    const e = err as { code?: string; message?: string };
    throw new TransportError(request.method, path, e.code ?? "ERR_TRANSPORT", e.message ?? "request failed");
  }
};

export function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "<invalid url>";
  }
}
