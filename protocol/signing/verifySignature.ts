import { timingSafeEqual } from "node:crypto";
import {
  canonicalHeaderBlock,
  type CanonicalHeaderBlock,
  parseAuthorization,
  parseSdkDate,
  signatureOf,
  UNSIGNED_PAYLOAD,
} from "./canonical.js";

/** API Gateway rejects a request whose X-Sdk-Date is more than 15 minutes from its own clock. */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

export interface VerifySignatureInput {
  readonly method: string;
  /** The raw request path as received (e.g. `req.url` up to the `?`), still percent-encoded. */
  readonly path: string;
  /** The raw query as received, without `?` (a leading `?` is tolerated). */
  readonly rawQuery: string;
  /** Incoming headers with lower-cased names, as in Node's `IncomingMessage.headers`. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The exact body bytes received. */
  readonly body: Buffer;
  /** Returns the SK of an AK, or undefined when the AK is unknown. */
  readonly lookupSecret: (accessKey: string) => string | undefined;
  readonly now?: Date;
  readonly maxSkewMs?: number;
}

/** Why verification failed; lets the emulator pick the gateway's error code and message. */
export type VerifyFailureCode =
  | "MISSING_AUTHORIZATION"
  | "MALFORMED_AUTHORIZATION"
  | "DATE_NOT_SIGNED"
  | "INVALID_SDK_DATE"
  | "SIGNATURE_EXPIRED"
  | "SIGNED_HEADER_MISSING"
  | "UNKNOWN_ACCESS_KEY"
  | "SIGNATURE_MISMATCH";

export type VerifySignatureResult =
  | { readonly ok: true; readonly accessKey: string }
  | {
      readonly ok: false;
      readonly code: VerifyFailureCode;
      readonly reason: string;
      /**
       * The canonical request the server computed (with real newlines), present once it could be built. API
       * Gateway echoes it in APIGW.0301 messages with `\n` replaced by `|`; comparing it with the client's
       * canonical request shows the mismatch at once.
       */
      readonly canonicalRequest?: string;
    };

// Lower-case RFC 9110 tokens: the list a correct signer sends.
const SIGNED_HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * Server side of SDK-HMAC-SHA256, for the emulator. Rebuilds the canonical request from the SignedHeaders list the
 * client sent (any subset is accepted as long as it contains x-sdk-date, as the gateway does) and compares
 * signatures in constant time. The list must be lower-case, sorted and duplicate-free: every official signer
 * sends it that way, so anything else is a client bug worth surfacing here rather than at the real gateway.
 * Reasons never contain the SK or the presented signature.
 */
export function verifySignature(input: VerifySignatureInput): VerifySignatureResult {
  const fail = (code: VerifyFailureCode, reason: string, canonicalRequest?: string): VerifySignatureResult => ({
    ok: false,
    code,
    reason,
    ...(canonicalRequest === undefined ? {} : { canonicalRequest }),
  });
  const header = (name: string): string | undefined => {
    const value = input.headers[name];
    // Node joins most repeated headers with ", "; do the same for arrays so both arrive at one value.
    return typeof value === "string" ? value : value === undefined ? undefined : value.join(", ");
  };

  const authorizationValue = header("authorization");
  if (authorizationValue === undefined) return fail("MISSING_AUTHORIZATION", "no Authorization header");
  const authorization = parseAuthorization(authorizationValue);
  if (!authorization) {
    return fail(
      "MALFORMED_AUTHORIZATION",
      "Authorization is not 'SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<64 hex>'",
    );
  }

  const signedNames = authorization.signedHeaders.split(";");
  const canonicalList = signedNames.every(
    (name, i) => SIGNED_HEADER_NAME.test(name) && (i === 0 || (signedNames[i - 1] ?? "") < name),
  );
  if (!canonicalList) {
    return fail("MALFORMED_AUTHORIZATION", "SignedHeaders must be lower-case names, sorted, without duplicates");
  }
  if (!signedNames.includes("x-sdk-date")) return fail("DATE_NOT_SIGNED", "x-sdk-date is not among SignedHeaders");

  const sdkDateValue = header("x-sdk-date")?.trim() ?? "";
  const sdkDate = parseSdkDate(sdkDateValue);
  if (!sdkDate) return fail("INVALID_SDK_DATE", "X-Sdk-Date is missing or not of the form YYYYMMDDTHHMMSSZ");
  const now = input.now ?? new Date();
  const maxSkewMs = input.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  if (Math.abs(now.getTime() - sdkDate.getTime()) > maxSkewMs) {
    return fail("SIGNATURE_EXPIRED", `X-Sdk-Date ${sdkDateValue} is more than ${maxSkewMs} ms from server time`);
  }

  const signedEntries: (readonly [string, string])[] = [];
  for (const name of signedNames) {
    const value = header(name);
    if (value === undefined) return fail("SIGNED_HEADER_MISSING", `signed header "${name}" is not in the request`);
    signedEntries.push([name, value]);
  }

  const secretKey = input.lookupSecret(authorization.accessKey);
  if (secretKey === undefined) return fail("UNKNOWN_ACCESS_KEY", "the access key is not known");

  let headerBlock: CanonicalHeaderBlock;
  try {
    headerBlock = canonicalHeaderBlock(signedEntries);
  } catch {
    return fail("MALFORMED_AUTHORIZATION", "a signed header value contains CR, LF or NUL");
  }
  // The body-hash shortcut counts only when the client signed it; otherwise anyone could add it to a request.
  const unsignedPayload =
    signedNames.includes("x-sdk-content-sha256") && header("x-sdk-content-sha256")?.trim() === UNSIGNED_PAYLOAD;
  const { method, path, rawQuery, body } = input;
  const signed = signatureOf(
    { method, path, rawQuery, headers: headerBlock, body, unsignedPayload, sdkDate: sdkDateValue },
    secretKey,
  );
  const expected = Buffer.from(signed.signature, "hex");
  // parseAuthorization admits only 64 hex digits, so both buffers are 32 bytes as timingSafeEqual requires.
  const presented = Buffer.from(authorization.signature, "hex");
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return fail("SIGNATURE_MISMATCH", "verify aksk signature fail", signed.canonicalRequest);
  }
  return { ok: true, accessKey: authorization.accessKey };
}
