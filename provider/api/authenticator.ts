import { signRequest } from "../../protocol/signing/signRequest.js";

/** What a request looks like to an authenticator: the exact bytes and headers that will be sent. */
export interface RequestToAuthenticate {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Adds credentials to a request. Implementations never expose what they hold: `toString`/`inspect` print the
 * kind only, so an authenticator that ends up in a log line or an error leaks nothing.
 */
export interface Authenticator {
  readonly kind: "aksk" | "token" | "password";
  /** Headers to add to the request (Authorization, X-Sdk-Date, X-Auth-Token, ...). */
  headersFor(request: RequestToAuthenticate): Promise<Record<string, string>>;
  /**
   * Called once after an HTTP 401. Returns true when fresh credentials were obtained and one more try makes
   * sense. AK/SK returns false: repeating a bad signature only counts towards the five-failure lockout [demanager §7.4].
   */
  refreshAfterUnauthorized(): Promise<boolean>;
  /** A project id learned while authenticating (the IAM token body names its project), if any. */
  knownProjectId?(): string | undefined;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/** Hides every field from util.inspect, JSON.stringify and string conversion. */
function redact(target: object, kind: string): void {
  Object.defineProperty(target, inspectSymbol, { value: () => `[Authenticator ${kind}]`, enumerable: false });
  Object.defineProperty(target, "toJSON", { value: () => `[Authenticator ${kind}]`, enumerable: false });
  Object.defineProperty(target, "toString", { value: () => `[Authenticator ${kind}]`, enumerable: false });
}

export interface AccessKeyCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** AK/SK signing (SDK-HMAC-SHA256). The secret lives in a closure, not in a field. */
export function createAkSkAuthenticator(
  credentials: AccessKeyCredentials,
  now: () => Date = () => new Date(),
): Authenticator {
  const { accessKey, secretKey, securityToken } = credentials;
  const authenticator: Authenticator = {
    kind: "aksk",
    async headersFor(request) {
      const signed = signRequest({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body ?? "",
        accessKey,
        secretKey,
        securityToken,
        date: now(),
      });
      // host is set by the HTTP client from the URL; sending it twice would only risk a mismatch.
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(signed.headers)) {
        if (name.toLowerCase() !== "host") headers[name] = value;
      }
      return headers;
    },
    async refreshAfterUnauthorized() {
      return false;
    },
  };
  redact(authenticator, "aksk");
  return authenticator;
}

/** A token given directly (HW_AUTH_TOKEN, modelarts:authToken): it cannot be refreshed. */
export function createStaticTokenAuthenticator(token: string): Authenticator {
  const authenticator: Authenticator = {
    kind: "token",
    async headersFor() {
      return { "X-Auth-Token": token };
    },
    async refreshAfterUnauthorized() {
      return false;
    },
  };
  redact(authenticator, "token");
  return authenticator;
}

export interface IssuedToken {
  token: string;
  /** When it was issued, epoch milliseconds on this machine's clock. */
  issuedAt: number;
  /** When it expires, epoch milliseconds on this machine's clock. */
  expiresAt: number;
  projectId?: string;
}

export interface TokenCacheOptions {
  /** Obtains a new project-scoped token (POST /v3/auth/tokens). */
  issue: () => Promise<IssuedToken>;
  now?: () => number;
  /** Refresh this long before expiry (default: refreshMarginFor the token's lifetime). */
  refreshMarginMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long before its expiry a token is renewed: an hour, as long as that is at most a quarter of its lifetime.
 * IAM tokens live 24 h and can be revoked early [demanager §8.3], so an hour spares a request the race with
 * expiry; an account that issues shorter tokens (30 minutes, say) would otherwise never reuse one and sign in
 * with the password for every request.
 */
export function refreshMarginFor(token: Pick<IssuedToken, "issuedAt" | "expiresAt">): number {
  return Math.min(HOUR_MS, Math.max(0, token.expiresAt - token.issuedAt) / 4);
}

/**
 * IAM password auth: one token, cached and shared by concurrent requests, refreshed before it expires and at
 * most once after a 401.
 */
export function createPasswordAuthenticator(options: TokenCacheOptions): Authenticator {
  const now = options.now ?? Date.now;
  let current: IssuedToken | undefined;
  let pending: Promise<IssuedToken> | undefined;

  const obtain = (): Promise<IssuedToken> => {
    pending ??= options.issue().then(
      (issued) => {
        current = issued;
        pending = undefined;
        return issued;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    );
    return pending;
  };

  const valid = (): IssuedToken | undefined => {
    if (current === undefined) return undefined;
    const lifetimeLeft = current.expiresAt - now();
    return lifetimeLeft > (options.refreshMarginMs ?? refreshMarginFor(current)) ? current : undefined;
  };

  const authenticator: Authenticator = {
    kind: "password",
    async headersFor() {
      const token = valid() ?? (await obtain());
      return { "X-Auth-Token": token.token };
    },
    async refreshAfterUnauthorized() {
      current = undefined;
      await obtain();
      return true;
    },
    knownProjectId() {
      return current?.projectId;
    },
  };
  redact(authenticator, "password");
  return authenticator;
}
