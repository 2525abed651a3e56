/**
 * Masking of secrets in any text that leaves the provider (error messages, partial-failure reasons, progress
 * lines). Masking is by value: every secret the provider knows (AK, SK, security token, IAM password and tokens,
 * and every credential field an API answer carried) is removed wherever it appears, whatever surrounds it (a
 * header echo, JSON, quotes, free text). Key-based masking covers echoes of credentials the provider never
 * saw (a gateway echoing a header, an OBS key pair in an error body).
 */

/** Shorter values are not masked by value: masking "a" everywhere would make every message unreadable. */
const MIN_SECRET_LENGTH = 4;
/** The provider host lives for one deployment; this bound only guards against a pathological answer. */
const MAX_KNOWN_SECRETS = 10_000;
const MASK = "<redacted>";

const known: { values: Set<string>; pattern?: RegExp } = { values: new Set() };

/** Remembers a secret value so that `redact` removes it from any text. Non-strings and short values are ignored. */
export function registerSecret(value: unknown): void {
  if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH || known.values.has(value)) return;
  if (known.values.size >= MAX_KNOWN_SECRETS) return;
  known.values.add(value);
  known.pattern = undefined;
}

/**
 * Keys under which API answers carry credentials: the demanager `spec.credential` (OBS AK/SK and token) and
 * repository `connection_info.credential`, the notebooks API's per-notebook `token`, and anything else named
 * like a secret.
 */
const CREDENTIAL_KEY =
  /^(access_key_id|secret_access_key|security_token|securitytoken|access_token|token|password|secret|sk|ak|credential|x_auth_token|auth_token)$/i;

/** Registers the value of every credential-named key in a decoded JSON answer (a whole credential object too). */
export function registerSecretsIn(value: unknown, depth = 0): void {
  if (depth > 32 || value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (CREDENTIAL_KEY.test(key)) registerAll(inner, depth + 1);
    else registerSecretsIn(inner, depth + 1);
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

/** Header-style echoes (`x-security-token:…`, the gateway's canonical request) and JSON/query credential keys. */
const KEYED_ECHOES: readonly RegExp[] = [
  /((?:x-security-token|x-auth-token|authorization|x-subject-token)\s*[:=]\s*)[^|\n,]*/gi,
  /("(?:access_key_id|secret_access_key|security_token|securitytoken|access_token|token|password|secret|x_auth_token|auth_token)"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi,
  /(\b(?:access_key_id|secret_access_key|security_token|access_token|password)\s*[=:]\s*)([^\s&,;"'}]+)/gi,
];

/** `text` with every known secret and every keyed credential echo replaced by `<redacted>`. */
export function redact(text: string): string {
  let out = text;
  const pattern = knownPattern();
  if (pattern) out = out.replace(pattern, MASK);
  out = out.replace(KEYED_ECHOES[0]!, `$1${MASK}`);
  out = out.replace(KEYED_ECHOES[1]!, `$1${MASK}$3`);
  out = out.replace(KEYED_ECHOES[2]!, `$1${MASK}`);
  return out;
}

/**
 * Text from the service printed in `pulumi up` (statuses, reasons, error messages): secrets masked and control
 * characters removed, so an answer cannot fake lines or colours in the user's terminal.
 */
export function sanitizeServiceText(text: string): string {
  return (
    redact(text)
      // A line break from the service would start a fake line.
      .replace(/[\t\n\r\u2028\u2029]+/g, " ")
      // eslint-disable-next-line no-control-regex -- escape codes and bidi overrides could recolour or reorder text
      .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
  );
}

/** For tests: forget every registered secret. */
export function forgetSecretsForTests(): void {
  known.values.clear();
  known.pattern = undefined;
}
