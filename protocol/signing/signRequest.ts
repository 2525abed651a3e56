import {
  canonicalHeaderBlock,
  CONTENT_SHA256_HEADER,
  formatAuthorization,
  formatSdkDate,
  parseSdkDate,
  SDK_DATE_HEADER,
  SECURITY_TOKEN_HEADER,
  signatureOf,
  UNSIGNED_PAYLOAD,
} from "./canonical.js";

export interface SignRequestInput {
  /** HTTP method; signed upper-cased. */
  readonly method: string;
  /**
   * The absolute URL exactly as it will be sent. Path and query are taken from it; build the query with
   * `wireQueryString` so the wire query and the signed query are the same string.
   */
  readonly url: string | URL;
  /**
   * Headers that will be sent and must be signed (every one given here is signed), e.g. `Content-Type`,
   * `X-Project-Id`. An `X-Sdk-Date` here fixes the signing time; `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` here
   * replaces the body hash with that literal.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** The exact body bytes that will be sent (a string is sent and hashed as UTF-8). */
  readonly body?: string | Uint8Array;
  readonly accessKey: string;
  readonly secretKey: string;
  /** STS token of temporary credentials; sent and signed as `X-Security-Token`. */
  readonly securityToken?: string;
  /** Signing time as a Date or an `X-Sdk-Date` string (`YYYYMMDDTHHMMSSZ`). Default: now. */
  readonly date?: Date | string;
  /**
   * Sign `host` (taken from `new URL(url).host`, which drops default ports, i.e. what got and fetch send).
   * Default true, like the Node and Python SDKs and API Gateway's own signers; the Go SDK does not sign it.
   */
  readonly signHost?: boolean;
}

export interface SignedRequest {
  /**
   * Headers to add to the request: `host` (when signed), `X-Sdk-Date`, `X-Security-Token` (when a token is
   * given) and `Authorization`. Values equal any the caller already set. Treat as secret: never log them.
   */
  readonly headers: Record<string, string>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly authorization: string;
}

/**
 * Signs a request with Huawei Cloud AK/SK (SDK-HMAC-SHA256), the scheme API Gateway checks for ModelArts.
 * Pure apart from reading the clock when no date is given. Errors never contain the AK, SK, token or header values.
 *
 * @example
 * const url = `${endpoint}/v1/${projectId}/notebooks?${wireQueryString({ limit: 10 })}`;
 * const signed = signRequest({ method: "GET", url, headers: { "X-Project-Id": projectId }, accessKey, secretKey });
 * await got(url, { headers: { "X-Project-Id": projectId, ...signed.headers } });
 */
export function signRequest(input: SignRequestInput): SignedRequest {
  const { method, body, accessKey, secretKey, securityToken, signHost = true } = input;
  // AKs are alphanumeric; a space or comma would corrupt the Authorization header the server parses.
  if (typeof accessKey !== "string" || !/^[^\s,=]+$/.test(accessKey)) {
    throw new TypeError("signRequest: accessKey is empty or contains whitespace, ',' or '='");
  }
  if (typeof secretKey !== "string" || secretKey === "") throw new TypeError("signRequest: secretKey is empty");
  if (typeof method !== "string" || !/^[A-Za-z]+$/.test(method)) throw new TypeError("signRequest: invalid method");

  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    // The URL is not repeated: a caller may have put credentials in it.
    throw new TypeError("signRequest: url is not a valid absolute URL");
  }

  const given = Object.entries(input.headers ?? {});
  for (const [name, value] of given) {
    if (typeof value !== "string") throw new TypeError(`signRequest: header "${name}" must be a string`);
  }
  const find = (name: string): string | undefined =>
    given.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

  const sdkDate = resolveSdkDate(find(SDK_DATE_HEADER), input.date);
  const host = find("host") ?? url.host;
  const givenToken = find(SECURITY_TOKEN_HEADER);
  if (securityToken !== undefined && givenToken !== undefined && givenToken !== securityToken) {
    throw new TypeError(`signRequest: securityToken differs from the ${SECURITY_TOKEN_HEADER} header`);
  }
  const token = securityToken ?? givenToken;

  // Headers the signer adds to the caller's, each signed.
  const added: Record<string, string> = {};
  if (signHost) added["host"] = host;
  added[SDK_DATE_HEADER] = sdkDate;
  if (token !== undefined) added[SECURITY_TOKEN_HEADER] = token;

  // A header the caller already set is signed with the caller's spelling; the added copy carries the same value.
  const givenNames = new Set(given.map(([name]) => name.toLowerCase()));
  const headerBlock = canonicalHeaderBlock([
    ...given,
    ...Object.entries(added).filter(([name]) => !givenNames.has(name.toLowerCase())),
  ]);

  const unsignedPayload = find(CONTENT_SHA256_HEADER)?.trim() === UNSIGNED_PAYLOAD;
  const { canonicalRequest, stringToSign, signature } = signatureOf(
    { method, path: url.pathname, rawQuery: url.search, headers: headerBlock, body, unsignedPayload, sdkDate },
    secretKey,
  );
  const authorization = formatAuthorization({ accessKey, signedHeaders: headerBlock.signedHeaders, signature });

  return {
    headers: { ...added, Authorization: authorization },
    canonicalRequest,
    stringToSign,
    signedHeaders: headerBlock.signedHeaders,
    signature,
    authorization,
  };
}

/** A preset X-Sdk-Date header wins (as in every official SDK), then the `date` option, then the clock. */
function resolveSdkDate(header: string | undefined, date: Date | string | undefined): string {
  const value = header?.trim() ?? (date instanceof Date ? formatSdkDate(date) : (date ?? formatSdkDate(new Date())));
  if (parseSdkDate(value) === undefined) {
    throw new RangeError(`signRequest: ${SDK_DATE_HEADER} must be a UTC time in the form YYYYMMDDTHHMMSSZ`);
  }
  return value;
}
