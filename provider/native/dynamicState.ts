/**
 * The internal inputs of a verb, made from the request's URN (internalInputs.ts), with one thing carried over from
 * the stored state: the owner key a dynamic class recorded there. A stack made with the dynamic classes moves to
 * the native types through the schema's aliases (dynamicTypes.ts) with its state as those classes wrote it:
 * inputs and outputs with `__provider`, `__urn` and `__ownerKey`. The owner key is what the object's owner mark was
 * made from (a Notebook's owner tag, a NotebookInstance's annotation, and the 7 characters of a generated name), so
 * the first check, diff, update, read or delete after the move uses that key, not one made anew: the object stays
 * recognised as this resource's and keeps its name. The key is taken from the stored state only, never from a
 * program's inputs, and, like every internal key, never goes back to the engine.
 */
import { withInternalInputs, withoutInternalKeys } from "./internalInputs.js";
import type { Props } from "./propertyValues.js";
import type { NativeResource } from "./registry.js";

/** The owner key a stored state recorded (only the dynamic classes' states have one). */
export function recordedOwnerKey(stored: Props | undefined): string | undefined {
  const key = stored?.__ownerKey;
  return typeof key === "string" && key !== "" ? key : undefined;
}

/**
 * `inputs` as a verb expects them: internal keys of the request dropped, then the URN's internal inputs, then the
 * owner key `stored` recorded, if any.
 */
export function verbInputs(resource: NativeResource, urn: string, inputs: Props, stored?: Props): Props {
  const result = withInternalInputs(resource, urn, withoutInternalKeys(inputs));
  const recorded = recordedOwnerKey(stored);
  if (resource.ownerKey && recorded !== undefined) result.__ownerKey = recorded;
  return result;
}
