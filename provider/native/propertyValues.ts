/**
 * Pulumi's property values as they travel in a `google.protobuf.Struct` once converted to plain JavaScript: an
 * unknown (preview) is a sentinel string, a secret is an object carrying a signature key and its `value`. The verbs
 * work on plain values; this module takes secrets off on the way in and puts them back on the way out, so that no
 * value the engine knows to be secret is ever returned in plain text.
 */
import { containsUnknown, UNKNOWN_VALUE } from "../base/unknownValue.js";

export { containsUnknown, UNKNOWN_VALUE };

/** The key every special value carries, and its value for a secret (Pulumi's `sig` / `secretSig`). */
export const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

export type Props = Record<string, unknown>;

const isObject = (value: unknown): value is Props =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function isSecret(value: unknown): value is { value: unknown } {
  return isObject(value) && value[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

export function secret(value: unknown): Props {
  return { [SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

/** Whether a secret sits anywhere inside `value`. */
export function containsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (isObject(value)) return Object.values(value).some(containsSecret);
  return false;
}

function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  return value;
}

/**
 * The plain properties (secrets revealed, top-level nulls dropped: a YAML `null` means "not set", as an absent
 * key does in a Node program) and the top-level keys that held a secret anywhere inside.
 */
export function unwrap(props: Props | undefined): { plain: Props; secretKeys: Set<string> } {
  const plain: Props = {};
  const secretKeys = new Set<string>();
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined) continue;
    if (containsSecret(value)) secretKeys.add(key);
    plain[key] = reveal(value);
  }
  return { plain, secretKeys };
}

/** `props` with each of `secretKeys` that it has wrapped as a secret (Pulumi's rule: an output keeps its input's mark). */
export function markSecrets(props: Props, secretKeys: Iterable<string>): Props {
  const marked: Props = { ...props };
  for (const key of secretKeys) {
    if (marked[key] !== undefined && !isSecret(marked[key])) marked[key] = secret(marked[key]);
  }
  return marked;
}

/** Drops undefined values deeply: a Struct cannot carry them (google-protobuf throws on them). */
export function structSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : structSafe(v)));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, structSafe(v)]),
    );
  }
  return value;
}
