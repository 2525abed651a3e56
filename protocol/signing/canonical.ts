// Building blocks of Huawei Cloud's SDK-HMAC-SHA256 canonical request (see [signing §1]).
// signRequest (client) and verifySignature (the emulator's API Gateway stand-in) both build on these, so the
// two sides cannot drift apart.
import { createHash, createHmac } from "node:crypto";

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
/** Header carrying the signing time; always signed. */
export const SDK_DATE_HEADER = "X-Sdk-Date";
/** Header carrying the STS security token of temporary credentials; signed when present. */
export const SECURITY_TOKEN_HEADER = "X-Security-Token";
/** When this header is `UNSIGNED-PAYLOAD`, that literal replaces the body hash (used for non-JSON bodies). */
export const CONTENT_SHA256_HEADER = "X-Sdk-Content-Sha256";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** A decoded query parameter. Repeated keys appear once per value. */
export type QueryPair = readonly [key: string, value: string];
export type QueryValue = string | number | boolean;
/** Query parameters as an API client writes them; `undefined`/`null` entries are left out (never sent as "null"). */
export type QueryParams = Readonly<Record<string, QueryValue | readonly QueryValue[] | undefined | null>>;

// ---------------------------------------------------------------------------------------------------------------
// Percent-encoding

// Byte -> its encoded form: RFC 3986 unreserved characters as themselves, every other byte as uppercase `%XX`.
const ENCODED_BYTE: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  const ch = String.fromCharCode(byte);
  return /^[A-Za-z0-9\-_.~]$/.test(ch) ? ch : "%" + byte.toString(16).toUpperCase().padStart(2, "0");
});

function encodeBytes(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += ENCODED_BYTE[byte];
  return out;
}

/**
 * The one encoder for path segments, query keys and query values: keeps `A-Z a-z 0-9 - _ . ~`, writes every other
 * UTF-8 byte as `%XX` (uppercase). Space is `%20`, never `+`; `!'()*` are escaped, unlike encodeURIComponent.
 */
export function encodeRfc3986(s: string): string {
  return encodeBytes(Buffer.from(s, "utf8"));
}

/**
 * Percent-decodes to bytes. A `%` not followed by two hex digits stays literal (like Python's unquote) instead of
 * throwing, so a stray `%` in a path is signed as `%25` by both sides rather than failing the request.
 * Decoding to bytes, not a string, keeps escapes that are not valid UTF-8 (e.g. `%FF`) byte-exact.
 */
function percentDecodeToBytes(s: string): Buffer {
  const parts = s.split(/(%[0-9A-Fa-f]{2})/);
  return Buffer.concat(
    parts.map((part, i) => (i % 2 === 1 ? Buffer.of(parseInt(part.slice(1), 16)) : Buffer.from(part, "utf8"))),
  );
}

/** decodeURIComponent without its two traps here: `+` stays `+` (it is not a space) and bad escapes do not throw. */
function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return percentDecodeToBytes(s).toString("utf8");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// URI and query

/**
 * Canonical URI from a wire path (as in `new URL(url).pathname` or the request line): each `/`-separated segment
 * is decoded and re-encoded, and a trailing `/` is appended. The slash exists only in the canonical form, so
 * `/a` and `/a/` sign identically. An encoded `%2F` inside a segment stays `%2F` (segments are split first).
 * `.` and `..` are not normalised here; WHATWG URL (got, fetch) has already resolved them before sending.
 */
export function canonicalUri(path: string): string {
  let uri = path
    .split("/")
    .map((segment) => encodeBytes(percentDecodeToBytes(segment)))
    .join("/");
  if (!uri.startsWith("/")) uri = "/" + uri;
  return uri.endsWith("/") ? uri : uri + "/";
}

/**
 * Decodes a raw query string (with or without the leading `?`) into pairs in wire order. Empty pieces (`a=1&&b=2`)
 * are skipped; `k` without `=` is the pair `["k", ""]`. URLSearchParams is deliberately not used: it turns `+`
 * into a space, which the gateway does not.
 */
export function parseRawQuery(rawQuery: string): QueryPair[] {
  const query = rawQuery.startsWith("?") ? rawQuery.slice(1) : rawQuery;
  const pairs: QueryPair[] = [];
  for (const piece of query.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const key = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? "" : piece.slice(eq + 1);
    pairs.push([decodeComponent(key), decodeComponent(value)]);
  }
  return pairs;
}

/** Code-unit order, the same as Array.prototype.sort's default and the Node, Go and Python SDKs for ASCII keys. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical query string: pairs sorted by raw (decoded) key, then by value as strings (so `"10"` < `"9"`), each
 * side encoded with {@link encodeRfc3986}, empty values kept as `k=`. The input is not mutated.
 */
export function canonicalQueryString(pairs: Iterable<QueryPair>): string {
  return [...pairs]
    .sort(([ka, va], [kb, vb]) => compareCodeUnits(ka, kb) || compareCodeUnits(va, vb))
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .join("&");
}

/** Flattens client-style parameters into pairs; `undefined`/`null` values and array items are left out. */
export function queryPairs(params: QueryParams): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined || raw === null) continue;
    const values: readonly QueryValue[] = Array.isArray(raw) ? raw : [raw as QueryValue];
    for (const value of values) {
      if (value === undefined || value === null) continue;
      pairs.push([key, String(value)]);
    }
  }
  return pairs;
}

/**
 * The query string to put on the wire (without `?`): exactly the canonical query string. Sending this makes the
 * wire query and the signed query identical, so no server-side re-canonicalisation can disagree with us (the
 * Python SDK does the same). `new URL()` leaves it untouched because it contains only unreserved characters,
 * `%XX`, `=` and `&`.
 */
export function wireQueryString(params: QueryParams | readonly QueryPair[]): string {
  return canonicalQueryString(isPairList(params) ? params : queryPairs(params));
}

function isPairList(params: QueryParams | readonly QueryPair[]): params is readonly QueryPair[] {
  return Array.isArray(params);
}

// ---------------------------------------------------------------------------------------------------------------
// Headers

// RFC 9110 token characters; anything else in a header name would be rejected on the wire anyway.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// CR, LF or NUL in a value would let a value forge extra lines of the canonical request.
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

export interface CanonicalHeaderBlock {
  /** One `name:value\n` per header, sorted by name. */
  readonly canonicalHeaders: string;
  /** The names joined with `;`, e.g. `content-type;host;x-sdk-date`. */
  readonly signedHeaders: string;
}

/**
 * Lower-cases names, trims values and sorts by name (byte order). Only HTTP whitespace (space, tab) is trimmed:
 * that is what HTTP parsers strip from a received value, so it is what the server sees.
 * Throws on invalid or duplicate names and on values containing CR/LF/NUL; messages name the header, never its
 * value (it may be a security token).
 */
export function canonicalHeaderBlock(headers: Iterable<readonly [name: string, value: string]>): CanonicalHeaderBlock {
  const byName = new Map<string, string>();
  for (const [name, value] of headers) {
    if (!HEADER_NAME.test(name)) throw new TypeError(`header name ${JSON.stringify(name)} is not a valid HTTP token`);
    if (typeof value !== "string" || FORBIDDEN_IN_VALUE.test(value)) {
      throw new TypeError(`header "${name}" must be a string without CR, LF or NUL`);
    }
    const lower = name.toLowerCase();
    if (byName.has(lower)) throw new TypeError(`header "${name}" is given more than once (names are case-insensitive)`);
    byName.set(lower, value.replace(/^[ \t]+|[ \t]+$/g, ""));
  }
  const names = [...byName.keys()].sort(compareCodeUnits);
  return {
    canonicalHeaders: names.map((name) => `${name}:${byName.get(name) ?? ""}\n`).join(""),
    signedHeaders: names.join(";"),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Payload, canonical request, string to sign, signature

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Hex SHA-256 of the exact body bytes (a string is hashed as UTF-8), or the literal UNSIGNED-PAYLOAD. */
export function payloadHash(body: string | Uint8Array | undefined, unsignedPayload: boolean): string {
  return unsignedPayload ? UNSIGNED_PAYLOAD : sha256Hex(body ?? "");
}

export interface CanonicalRequestParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQuery: string;
  readonly headers: CanonicalHeaderBlock;
  readonly payloadHash: string;
}

export function buildCanonicalRequest(parts: CanonicalRequestParts): string {
  // canonicalHeaders ends in "\n", so joining adds the blank line the algorithm requires.
  return [
    parts.method.toUpperCase(),
    parts.canonicalUri,
    parts.canonicalQuery,
    parts.headers.canonicalHeaders,
    parts.headers.signedHeaders,
    parts.payloadHash,
  ].join("\n");
}

export function buildStringToSign(sdkDate: string, canonicalRequest: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}

/** The SK is the HMAC key as is: unlike AWS SigV4 there is no key-derivation chain. */
export function computeSignature(secretKey: string, stringToSign: string): string {
  return createHmac("sha256", Buffer.from(secretKey, "utf8")).update(stringToSign, "utf8").digest("hex");
}

/** A request as both sides sign it: the client when it sends, the gateway when it checks. */
export interface SignedParts {
  readonly method: string;
  /** The URL's path and its query as sent (`?a=1&b`, or ""), both still percent-encoded. */
  readonly path: string;
  readonly rawQuery: string;
  readonly headers: CanonicalHeaderBlock;
  readonly body: string | Uint8Array | undefined;
  /** The client signed `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` instead of the body's hash. */
  readonly unsignedPayload: boolean;
  /** The X-Sdk-Date value, as signed. */
  readonly sdkDate: string;
}

/** The canonical request of `parts`, the string to sign, and its signature with `secretKey` (hex). */
export function signatureOf(
  parts: SignedParts,
  secretKey: string,
): { canonicalRequest: string; stringToSign: string; signature: string } {
  const canonicalRequest = buildCanonicalRequest({
    method: parts.method,
    canonicalUri: canonicalUri(parts.path),
    canonicalQuery: canonicalQueryString(parseRawQuery(parts.rawQuery)),
    headers: parts.headers,
    payloadHash: payloadHash(parts.body, parts.unsignedPayload),
  });
  const stringToSign = buildStringToSign(parts.sdkDate, canonicalRequest);
  return { canonicalRequest, stringToSign, signature: computeSignature(secretKey, stringToSign) };
}

// ---------------------------------------------------------------------------------------------------------------
// Authorization header

export interface AuthorizationFields {
  readonly accessKey: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

export function formatAuthorization({ accessKey, signedHeaders, signature }: AuthorizationFields): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 +Access=([^\s,]+) *, *SignedHeaders=([^\s,]+) *, *Signature=([0-9a-f]{64})$/;

/** Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=<64 lower-case hex>`; undefined if malformed. */
export function parseAuthorization(value: string): AuthorizationFields | undefined {
  const match = AUTHORIZATION.exec(value.trim());
  if (!match) return undefined;
  const [, accessKey = "", signedHeaders = "", signature = ""] = match;
  return { accessKey, signedHeaders, signature };
}

// ---------------------------------------------------------------------------------------------------------------
// X-Sdk-Date

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `YYYYMMDDTHHMMSSZ` in UTC, milliseconds dropped. */
export function formatSdkDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("X-Sdk-Date: invalid Date");
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed or not a real calendar time (e.g. month 13). */
export function parseSdkDate(value: string): Date | undefined {
  const match = SDK_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC silently rolls 20240230 over to March; the round trip rejects such values.
  return formatSdkDate(date) === value ? date : undefined;
}
