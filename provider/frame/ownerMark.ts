import { OWNER_KEY_INPUT, OWNER_NONCE_INPUT } from "../base/internalInputs.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import type { OwnerInputs } from "../base/sharedInputs.js";

/**
 * An owner mark says which deployment of which Pulumi resource made a notebook: `<project>/<stack>/<resource>#<random>`.
 * The readable part alone is not enough: two people who share a Huawei project, each with their own state backend
 * and a stack named `dev`, would have the same one. The random part is made by the SDK in `pulumi up` (unknown in
 * `pulumi preview`: nothing shown there can differ from what `up` does), taken into the inputs by `check` when the
 * resource has no recorded inputs yet, and kept from the recorded inputs ever after, so it never changes while the
 * resource lives; a replacement (checked again without recorded inputs) gets a new one.
 *
 * Resources recorded before the random part existed keep their mark, the readable key alone (`<project>/<stack>/
 * <resource>`): their state has no `__ownerNonce`, and check never adds one, so they preview with no change.
 */

/** What the SDK makes: 16 hex digits (64 random bits). */
export const OWNER_NONCE = /^[0-9a-f]{16}$/;

type Inputs = Record<string, unknown>;

/**
 * The owner inputs a check returns: the recorded ones when the resource has them (`olds`: its inputs in the
 * state), else the SDK's. `nonce` may be Pulumi's unknown sentinel during preview. A malformed random part is a
 * failure: an owner mark is acted on, so it is never guessed.
 */
export function resolveOwnerInputs(
  olds: Inputs | undefined,
  news: Inputs,
): { key?: unknown; nonce?: unknown; failure?: { property: string; reason: string } } {
  if (olds && typeof olds[OWNER_KEY_INPUT] === "string") {
    const nonce = olds[OWNER_NONCE_INPUT];
    return { key: olds[OWNER_KEY_INPUT], nonce: typeof nonce === "string" ? nonce : undefined };
  }
  const nonce = news[OWNER_NONCE_INPUT];
  if (nonce !== undefined && nonce !== UNKNOWN && (typeof nonce !== "string" || !OWNER_NONCE.test(nonce))) {
    return {
      key: news[OWNER_KEY_INPUT],
      failure: { property: OWNER_NONCE_INPUT, reason: "the internal owner mark's random part must be 16 hex digits" },
    };
  }
  return { key: news[OWNER_KEY_INPUT], nonce };
}

/** Writes the resolved owner inputs into checked inputs (absent ones removed). */
export function applyOwnerInputs(inputs: Inputs, owner: { key?: unknown; nonce?: unknown }): void {
  if (owner.key === undefined) delete inputs[OWNER_KEY_INPUT];
  else inputs[OWNER_KEY_INPUT] = owner.key;
  if (owner.nonce === undefined) delete inputs[OWNER_NONCE_INPUT];
  else inputs[OWNER_NONCE_INPUT] = owner.nonce;
}

/**
 * The owner mark of a create: `<key>#<nonce>`; the key alone for a resource recorded before the random part
 * existed; `in-process/<name>` for in-process use without the SDK (such callers choose their own key).
 */
export function ownerMarkOf(inputs: OwnerInputs, name: string | undefined): string {
  const key = typeof inputs.__ownerKey === "string" && inputs.__ownerKey !== "" ? inputs.__ownerKey : undefined;
  const readable = key ?? `in-process/${name ?? "unnamed"}`;
  return typeof inputs.__ownerNonce === "string" ? `${readable}#${inputs.__ownerNonce}` : readable;
}

/** The owner as a person reads it: the mark without its random part (`<project>/<stack>/<resource>`). */
export function readableOwner(mark: string): string {
  const match = /^(.*)#[0-9a-f]{16}$/s.exec(mark);
  return match ? match[1]! : mark;
}
