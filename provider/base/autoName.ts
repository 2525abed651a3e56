import { createHash, randomBytes } from "node:crypto";

export const MAX_NAME_LENGTH = 64;
const SUFFIX_LENGTH = 7;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * `<prefix>-<7 characters>`, within `maxLength` characters of `[A-Za-z0-9_-]` (64 for the demanager API,
 * [demanager §2.1]; 128 for the notebooks API). Characters the APIs reject are replaced by "-",
 * so any Pulumi resource name gives a valid name.
 *
 * With a `seed` the suffix is derived from it, so the same inputs give the same name in `pulumi preview` and
 * in the `pulumi up` that follows (the engine checks a replacement again in each, and does not pass its own
 * random seed to dynamic providers). Without one it is random.
 */
export function generateName(prefix: string, seed?: string, maxLength = MAX_NAME_LENGTH): string {
  const cleaned = cleanPrefix(prefix, maxLength);
  const bytes = seed === undefined ? randomBytes(SUFFIX_LENGTH) : createHash("sha256").update(seed).digest();
  let suffix = "";
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += ALPHABET[bytes[i]! % ALPHABET.length];
  return `${cleaned}-${suffix}`;
}

function cleanPrefix(prefix: string, maxLength: number): string {
  return prefix.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, maxLength - SUFFIX_LENGTH - 1) || "notebook";
}

/** Every name `generateName` can make from `prefix`, whatever the seed. */
export function generatedNamePattern(prefix: string, maxLength = MAX_NAME_LENGTH): RegExp {
  return new RegExp(`^${cleanPrefix(prefix, maxLength)}-[${ALPHABET}]{${SUFFIX_LENGTH}}$`);
}
