/**
 * The owner mark a dynamic class recorded in state, carried by the native verbs. A stack made with the dynamic
 * classes moves to the native types through the schema's aliases (dynamicTypes.ts) with its state as those classes
 * wrote it: inputs and outputs with `__provider`, `__urn`, `__ownerKey` and `__ownerNonce`. The owner mark
 * (core/ownerMark.ts: `<project>/<stack>/<resource>#<random>`) is what the object carries (a Notebook's owner tag, a
 * NotebookInstance's annotation) and what its generated name's 7 characters derive from, and its random part exists
 * nowhere but in that state: dropped, the object would no longer be recognised as this resource's. So every verb
 * takes the recorded mark, not one made from the URN, and it stays in what goes back to the engine, for as long as
 * the resource lives. A resource the native provider creates has no recorded mark: its mark is made from the URN
 * (the readable part alone) and no internal key goes to the engine. A mark is only ever taken from the stored
 * state, never from a program's inputs.
 */
import { OWNER_KEY_INPUT, OWNER_NONCE_INPUT } from "../frame/ownerMark.js";
import { withInternalInputs, withoutInternalKeys } from "./internalInputs.js";
import type { Props } from "./propertyValues.js";
import type { NativeResource } from "./registry.js";

/** The owner mark a stored state recorded (only the dynamic classes' states have one), as internal inputs. */
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
