/**
 * The owner mark a resource keeps in its state, carried by the native verbs. The owner mark (frame/ownerMark.ts:
 * `<project>/<stack>/<resource>#<random>`) is what the object carries (a Notebook's owner tag, a NotebookInstance's
 * annotation) and what its generated name's 7 characters derive from, and its random part exists nowhere but in the
 * state: dropped, the object would no longer be recognised as this resource's. So every verb takes the recorded mark,
 * not one made from the URN, and it stays in what goes back to the engine (inputs and outputs), for as long as the
 * resource lives. A stack made with the dynamic classes moves to the native types through the schema's aliases
 * (dynamicTypes.ts) with the mark those classes recorded (`__ownerKey`, `__ownerNonce`, besides their `__provider`
 * and `__urn`). A resource the native provider creates gets its mark at its first check, as the SDK class makes it:
 * the readable part from the URN, the random part from the engine's random seed (internalInputs.ts ownerNonceOf).
 * A resource the native provider made before it kept a mark has the readable part alone, from the URN, as it had. A
 * mark is only ever taken from the state or from check's own making, never from a program's inputs.
 */
import { OWNER_KEY_INPUT, OWNER_NONCE_INPUT } from "../base/internalInputs.js";
import { withInternalInputs, withoutInternalKeys } from "./internalInputs.js";
import type { Props } from "./propertyValues.js";
import type { NativeResource } from "./registry.js";

/** The owner mark a stored state recorded, as internal inputs. */
export function recordedOwner(stored: Props | undefined): Props {
  const key = stored?.[OWNER_KEY_INPUT];
  if (typeof key !== "string" || key === "") return {};
  const nonce = stored?.[OWNER_NONCE_INPUT];
  return { [OWNER_KEY_INPUT]: key, ...(typeof nonce === "string" && { [OWNER_NONCE_INPUT]: nonce }) };
}

/**
 * `inputs` as a verb expects them: internal keys of the request dropped, then the URN's internal inputs, then the
 * owner mark `stored` recorded, if any.
 */
export function verbInputs(resource: NativeResource, urn: string, inputs: Props, stored?: Props): Props {
  const result = withInternalInputs(resource, urn, withoutInternalKeys(inputs));
  return resource.ownerKey ? { ...result, ...recordedOwner(stored) } : result;
}

/** What a verb returned, as the engine keeps it: no internal key but the owner mark `stored` recorded. */
export function engineProps(resource: NativeResource, props: Props, stored?: Props): Props {
  const result = withoutInternalKeys(props);
  return resource.ownerKey ? { ...result, ...recordedOwner(stored) } : result;
}
