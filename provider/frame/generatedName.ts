import { generateName } from "../base/autoName.js";
import { OWNER_KEY_INPUT, OWNER_NONCE_INPUT, PROVIDER_INPUT, URN_INPUT } from "../base/internalInputs.js";
import { stableJson } from "../base/stableJson.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { ownerMarkOf } from "./ownerMark.js";

type Props = Record<string, unknown>;

/**
 * The declared name, or a generated one: `<prefix>-<7 characters>` where the characters derive from the owner mark
 * (ownerMark.ts: `<project>/<stack>/<resource>#<random>`), so the name stays the same across updates, differs
 * between stacks and between deployments of one stack name on different state backends, and marks the object as
 * this resource's even before anything else does. While the mark's random part is unknown (the `pulumi preview` of
 * a new resource or of a replacement) so is the name: preview never shows a name `up` would not use. A recorded
 * resource keeps its name while its prefix and owner key hold; an adopted object keeps its own name (none is
 * generated, so none can ever differ from it). Without an owner key (in-process use without the SDK) the declared
 * inputs seed the name, key order and depth included.
 */
export function generatedName(
  naming: { readonly maxLength: number; readonly defaultPrefix: string },
  olds: Props | undefined,
  news: Props,
  owner: { key?: unknown; nonce?: unknown },
): unknown {
  if (news.name !== undefined) return news.name;
  if (news.adoptId !== undefined) return undefined;
  const prefix = news.namePrefix;
  if (prefix === UNKNOWN || owner.key === UNKNOWN || owner.nonce === UNKNOWN) return UNKNOWN;
  if (olds && typeof olds.name === "string" && olds.namePrefix === prefix && olds[OWNER_KEY_INPUT] === owner.key) {
    return olds.name;
  }
  const seed =
    typeof owner.key === "string"
      ? ownerMarkOf({ __ownerKey: owner.key, __ownerNonce: owner.nonce as string | undefined }, undefined)
      : stableJson(identityOf(news));
  return generateName(typeof prefix === "string" ? prefix : naming.defaultPrefix, seed, naming.maxLength);
}

/** The inputs that say what the object is: not its name, timeouts, or where the program put the resource (URN). */
function identityOf(news: Props): Props {
  const {
    name: _name,
    timeouts: _timeouts,
    [PROVIDER_INPUT]: _provider,
    [URN_INPUT]: _urn,
    [OWNER_NONCE_INPUT]: _nonce,
    ...identity
  } = news;
  return identity;
}
