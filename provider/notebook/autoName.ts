import { randomBytes } from "node:crypto";

export const MAX_NAME_LENGTH = 64;
const SUFFIX_LENGTH = 7;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * `<prefix>-<7 random characters>`, within the API's 64 characters of `[A-Za-z0-9_-]` (§2.1). Characters the
 * API rejects are replaced by "-", so any Pulumi resource name gives a valid instance name.
 */
export function generateName(prefix: string, random: (size: number) => Buffer = randomBytes): string {
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, MAX_NAME_LENGTH - SUFFIX_LENGTH - 1) || "notebook";
  const bytes = random(SUFFIX_LENGTH);
  let suffix = "";
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += ALPHABET[bytes[i]! % ALPHABET.length];
  return `${cleaned}-${suffix}`;
}
