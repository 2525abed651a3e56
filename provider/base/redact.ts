/**
 * Masking of secrets in any text that leaves the provider (error messages, partial-failure reasons, progress
 * lines). Masking is by value: every secret the provider knows (AK, SK, security token, IAM password and tokens,
 * and every credential field an API answer carried) is removed wherever it appears, whatever surrounds it (a
 * header echo, JSON, quotes, free text). Key-based masking covers echoes of credentials the provider never
 * saw (a gateway echoing a header, an OBS key pair in an error body), under any spelling of a credential's name.
 */

/** Shorter values are not masked by value: masking "a" everywhere would make every message unreadable. */
const MIN_SECRET_LENGTH = 4;
const MASK = "<redacted>";

/**
 * Every secret ever registered, never dropped: a secret that is not masked is a leak, however many came before
 * it. What bounds the table is what goes in: only the values of credential fields (never a listing's ids, names
 * or statuses, never an IAM token's metadata), each once, from answers of at most 1 MB.
 */
const known: { values: Set<string>; pattern?: RegExp } = { values: new Set() };

/** Remembers a secret value so that `redact` removes it from any text. Non-strings and short values are ignored. */
export function registerSecret(value: unknown): void {
  if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH || known.values.has(value)) return;
  known.values.add(value);
  known.pattern = undefined;
}

/**
 * Names of credentials as words; in a key they may be written snake (`secret_key`), camel (`secretKey`,
 * `obsSecretKey`), kebab (`x-auth-token`) or upper case (`SECRET_KEY`). `ak`/`sk` are Huawei's own short names
 * for the access and secret key.
 */
const CREDENTIAL_NAMES: readonly (readonly string[])[] = [
  ["access", "key", "id"],
  ["access", "key"],
  ["secret", "access", "key"],
  ["secret", "key"],
  ["security", "token"],
  ["session", "token"],
  ["subject", "token"],
  ["auth", "token"],
  ["access", "token"],
  ["api", "key"],
  ["private", "key"],
  ["authorization"],
  ["password"],
  ["passwd"],
  ["credentials"],
  ["credential"],
  ["secret"],
  ["token"],
  ["ak"],
  ["sk"],
];

/** `word` in any letter case, as a pattern. */
function anyCase(word: string): string {
  return [...word].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join("");
}

/**
 * A credential name where a key's word starts: after a non-alphanumeric character (`user_vpc.access_key`,
 * `"secret_key"`) or at a camel-case hump (`obsSecretKey`), and not followed by more of a word (`tokenType`,
 * `secretName` are other things). Longest names first, so `secret_access_key` is not read as `secret`.
 */
const CREDENTIAL_KEY =
  "(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))" +
  `(?:${CREDENTIAL_NAMES.map((words) => words.map(anyCase).join("[-_ ]?")).join("|")})` +
  "(?![A-Za-z0-9])";

/** A key of a decoded answer that names a credential: the name ends the key (`password_expires_at` does not). */
const CREDENTIAL_FIELD = new RegExp(`${CREDENTIAL_KEY}$`);
/** Objects that hold nothing but credentials (the demanager `spec.credential`, a repository's `credential`). */
const CREDENTIAL_OBJECT = /^credentials?$/i;

/**
 * Registers the value of every credential field in a decoded JSON answer: a string under a credential's name, and
 * every string of a `credential` object. Nothing else: a listing's ids, names and statuses, and an IAM token body's
 * project, user and region, are not secrets and must stay readable.
 */
export function registerSecretsIn(value: unknown, depth = 0): void {
  if (depth > 32 || value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (typeof inner === "string") {
      if (CREDENTIAL_FIELD.test(key)) registerSecret(inner);
    } else if (CREDENTIAL_OBJECT.test(key)) {
      registerAll(inner, depth + 1);
    } else {
      registerSecretsIn(inner, depth + 1);
    }
  }
}

function registerAll(value: unknown, depth: number): void {
  if (typeof value === "string") return registerSecret(value);
  if (depth > 32 || value === null || typeof value !== "object") return;
  for (const inner of Object.values(value as Record<string, unknown>)) registerAll(inner, depth + 1);
}

/** The forms a secret takes in an echo: as is, JSON-escaped, and percent-encoded. */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

function knownPattern(): RegExp | undefined {
  if (known.values.size === 0) return undefined;
  if (known.pattern === undefined) {
    const alternatives = [...known.values]
      .flatMap(formsOf)
      // Longest first, so a secret that contains another is masked whole.
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    known.pattern = new RegExp(alternatives.join("|"), "g");
  }
  return known.pattern;
}

/** The headers that carry a credential, in any letter case. */
const CREDENTIAL_HEADERS = "(?:proxy-)?authorization|x-security-token|x-auth-token|x-subject-token";

/**
 * A credential header's echo and its whole value, whatever form the echo takes: a header line (`Authorization:
 * SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`, raw request text, the gateway's canonical request with `|`
 * for line breaks), a headers object's key, quoted or not, JSON-escaped or not (`"authorization":"…"`,
 * `{ authorization: '…' }`), or a raw header list's name then value (`'Authorization', '…'`). An Authorization value
 * has spaces and commas, so nothing inside it ends it: a quoted value goes to its closing quote, a bare one to the
 * end of its line.
 */
const HEADER_ECHO = new RegExp(
  `((?<![A-Za-z0-9])(?:${CREDENTIAL_HEADERS})(?:\\s*[:=]|\\\\?["'\`]\\s*[:=,])\\s*)` +
    `(\\\\?"(?:[^"\\\\]|\\\\[^"])*\\\\?"|'[^'\\n]*'|\`[^\`\\n]*\`|[^\\r\\n"'\`\\\\|]*)`,
  "gi",
);

/**
 * The signature scheme's credential part where no header name precedes it (a gateway quoting the value alone):
 * `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex>`, each part as far as it goes.
 */
const SIGNATURE_ECHO =
  /(SDK-HMAC-SHA256\s+)Access=[^\s,"'\\]*(?:\s*,\s*SignedHeaders=[^\s,"'\\]*)?(?:\s*,\s*Signature=[^\s,"'\\]*)?/gi;

/**
 * `<credential name>` `:` or `=` `<value>`, as JSON (`"secret_key": "…"`, also escaped inside another JSON
 * string), YAML, a query string or free text. The value is a double-quoted string (JSON escapes allowed), a
 * single-quoted one, or a bare word.
 */
const KEYED_ECHO = new RegExp(
  `(${CREDENTIAL_KEY}(?:\\\\?["'])?\\s*[:=]\\s*)` +
    `(\\\\?"(?:[^"\\\\]|\\\\[^"])*\\\\?"|'[^'\\n]*'|[^\\s&,;"'{}\\[\\]<>|\\\\]+)`,
  "g",
);

function maskValue(value: string): string {
  const quote = /^(\\?["'`])/.exec(value)?.[1];
  return quote === undefined ? MASK : `${quote}${MASK}${quote}`;
}

/** `text` with every known secret and every keyed credential echo replaced by `<redacted>`. */
export function redact(text: string): string {
  let out = text;
  const pattern = knownPattern();
  if (pattern) out = out.replace(pattern, MASK);
  out = out.replace(HEADER_ECHO, (_match, prefix: string, value: string) => prefix + maskValue(value));
  out = out.replace(SIGNATURE_ECHO, `$1${MASK}`);
  out = out.replace(KEYED_ECHO, (_match, prefix: string, value: string) => prefix + maskValue(value));
  return out;
}

/** What a terminal acts on besides a line feed: escape codes could recolour text, bidi overrides reorder it. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the service printed in `pulumi up` (statuses, reasons, error messages, request ids): secrets masked
 * and control characters removed, so an answer cannot fake lines or colours in the user's terminal.
 */
export function sanitizeServiceText(text: string): string {
  return (
    redact(text)
      // A line break from the service would start a fake line.
      .replace(/[\t\n\r\u2028\u2029]+/g, " ")
      .replace(TERMINAL_CONTROLS, "")
  );
}

/**
 * Our own text, which may hold a user's or the service's words and may have several lines (one per settings
 * problem): secrets masked, and every control character but the line feed removed.
 */
export function maskedText(text: string): string {
  return redact(text).replace(TERMINAL_CONTROLS, "");
}

/** For tests: forget every registered secret. */
export function forgetSecretsForTests(): void {
  known.values.clear();
  known.pattern = undefined;
}
