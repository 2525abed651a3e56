/**
 * IAM tokens. A token is self-describing and HMAC-protected (user, project, expiry), so every emulator
 * process accepts tokens issued by any other one (several processes may share one state file) and a restart
 * does not invalidate them. Real tokens are opaque `MII…` strings of a few kilobytes [demanager §8.3]; clients must not
 * assume more than "an opaque string".
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Not a secret worth protecting: it only keeps a client from forging a token by accident.
const TOKEN_KEY = "pulumi-modelarts-emulator-token-key";
/** How every token this emulator issues starts (tests search outputs for it). */
export const IAM_TOKEN_PREFIX = "MIIEmu";
const PREFIX = IAM_TOKEN_PREFIX;

export interface TokenClaims {
  userName: string;
  /** The scoped project; `undefined` for an unscoped token (ModelArts then answers 0204). */
  projectId?: string;
  expiresAt: number;
  issuedAt: number;
}

function mac(payload: string): string {
  return createHmac("sha256", TOKEN_KEY).update(payload).digest("base64url");
}

export function issueToken(claims: TokenClaims): string {
  const payload = Buffer.from(
    JSON.stringify({
      u: claims.userName,
      p: claims.projectId,
      e: claims.expiresAt,
      i: claims.issuedAt,
      n: randomBytes(6).toString("hex"),
    }),
  ).toString("base64url");
  return `${PREFIX}${payload}.${mac(payload)}`;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: "decrypt token fail" | "token expires" };

export function checkToken(token: string, now: number): TokenCheck {
  const dot = token.lastIndexOf(".");
  if (!token.startsWith(PREFIX) || dot < 0) return { ok: false, reason: "decrypt token fail" };
  const payload = token.slice(PREFIX.length, dot);
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(token.slice(dot + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "decrypt token fail" };
  try {
    const raw = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      u: string;
      p?: string;
      e: number;
      i: number;
    };
    if (raw.e <= now) return { ok: false, reason: "token expires" };
    return { ok: true, claims: { userName: raw.u, projectId: raw.p, expiresAt: raw.e, issuedAt: raw.i } };
  } catch {
    return { ok: false, reason: "decrypt token fail" };
  }
}
