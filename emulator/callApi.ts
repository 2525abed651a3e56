/**
 * One signed (or token-authenticated) call to an emulator: what the emulator's tests, scripts and demos use
 * to talk to it without the provider's client. Signing is the provider's own `signRequest`.
 */
import { wireQueryString } from "../protocol/signing/canonical.js";
import { signRequest } from "../protocol/signing/signRequest.js";
import { sendRaw, type RawResponse } from "./httpJson.js";
import type { AccessKeyCredential, EmulatorCredentials } from "./shared/defaults.js";

/** `aksk`: the emulator's first access key; an object: that key; `{ token }`: X-Auth-Token; `none`: no auth. */
export type CallAuth = "aksk" | AccessKeyCredential | { token: string } | "none";

export interface CallOptions {
  method: string;
  /** Path from the root, e.g. `/v1/<project>/demanager/instances`. */
  path: string;
  query?: Record<string, string | number>;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  auth?: CallAuth;
  headers?: Record<string, string>;
}

export type { RawResponse } from "./httpJson.js";

export async function callApi(
  emulator: { url: string; credentials: EmulatorCredentials },
  options: CallOptions,
): Promise<RawResponse> {
  const query = options.query === undefined ? "" : wireQueryString(options.query);
  const url = `${emulator.url}${options.path}${query === "" ? "" : `?${query}`}`;
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    ...options.headers,
  };
  const auth = options.auth ?? "aksk";
  if (auth !== "none" && typeof auth === "object" && "token" in auth) {
    headers["X-Auth-Token"] = auth.token;
  } else if (auth !== "none") {
    const key = auth === "aksk" ? emulator.credentials.accessKeys[0] : auth;
    if (key === undefined) throw new Error("the emulator has no access key");
    const signed = signRequest({
      method: options.method,
      url,
      headers,
      body: body ?? "",
      accessKey: key.accessKey,
      secretKey: key.secretKey,
      securityToken: key.securityToken,
    });
    Object.assign(headers, signed.headers);
  }
  return sendRaw(url, { method: options.method, headers, body });
}
