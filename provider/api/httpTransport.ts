import { TransportError } from "../base/errors.js";

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
  /** The answer was larger than the cap: `body` holds only its first part. */
  truncated?: boolean;
}

/** Sends one request, once. Throws `TransportError` when no HTTP answer arrives; never throws for a status. */
export type HttpSend = (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

/**
 * No documented answer comes near this (a list page of 100 instances is ~300 KB). Reading stops here, so a
 * hostile or broken answer (a 20 MB body) costs at most this much memory per request, however often it repeats.
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

type GotModule = typeof import("got");

// got 14 is ESM-only. `nodenext` keeps this import() as a real dynamic import in the CommonJS build, so the
// module loads from the provider host, from CommonJS programs and from ESM programs alike.
const gotHolder: { module?: Promise<GotModule> } = {};

function loadGot(): Promise<GotModule> {
  gotHolder.module ??= import("got");
  return gotHolder.module;
}

/**
 * The production transport: got in stream mode with its own retries off (ours know which calls are safe to
 * repeat), no redirects (a redirect could carry a signed request to another host), and the size cap above.
 */
export const sendWithGot: HttpSend = async (request, timeoutMs) => {
  const { got } = await loadGot();
  const path = safePath(request.url);
  // Only the code and got's message are copied (they name the URL and the socket error, never a header): the got
  // error itself holds the request options, Authorization included, so it is never kept as a cause.
  const transportError = (err: unknown) => {
    const e = err as { code?: string; message?: string };
    return new TransportError(request.method, path, e.code ?? "ERR_TRANSPORT", e.message ?? "request failed");
  };
  return new Promise<HttpResponse>((resolve, reject) => {
    const stream = got.stream(request.url, {
      method: request.method as "GET",
      headers: request.headers,
      body: request.body,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: timeoutMs },
    });
    let status = 0;
    let headers: Record<string, string | undefined> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (truncated: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ status, headers, body: Buffer.concat(chunks).toString("utf8"), ...(truncated && { truncated }) });
    };
    const stopReading = () => {
      finish(true);
      stream.destroy();
    };
    stream.on(
      "response",
      (response: { statusCode: number; headers: Record<string, string | string[] | undefined> }) => {
        status = response.statusCode;
        headers = {};
        for (const [name, value] of Object.entries(response.headers)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
        }
        if (Number(headers["content-length"]) > MAX_RESPONSE_BYTES) stopReading();
      },
    );
    stream.on("data", (chunk: Buffer) => {
      if (settled) return;
      const room = MAX_RESPONSE_BYTES - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size = MAX_RESPONSE_BYTES;
        return stopReading();
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on("end", () => finish(false));
    stream.on("error", (err: unknown) => {
      if (settled) return;
      settled = true;
      reject(transportError(err));
    });
  });
};

export function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "<invalid url>";
  }
}
