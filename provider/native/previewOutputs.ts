/**
 * What a preview of a create or an update returns as outputs (the engine calls Create/Update with `preview` when
 * the provider says it supports it): downstream resources see these values at `pulumi preview`. A create knows its
 * inputs; an update also knows every reported output its change cannot touch, the id first of all, so a resource
 * that consumes one does not look replaced.
 */
import { changesOf } from "../frame/resourceVerbs.js";
import { UNKNOWN_VALUE } from "./propertyValues.js";
import type { NativeResource } from "./registry.js";

type Props = Record<string, unknown>;

/** The checked inputs, and every reported output unknown. */
export function previewCreate(resource: NativeResource, inputs: Props): Props {
  const outputs: Props = { ...inputs };
  for (const name of resource.reportedOutputs) outputs[name] = UNKNOWN_VALUE;
  return outputs;
}

/**
 * The stored reported outputs with the new inputs as applied; unknown are the reported outputs the changed fields
 * may change (the registry's `previewUnknowns`), and those any API call changes when a changed field calls the API.
 */
export function previewUpdate(resource: NativeResource, olds: Props, news: Props): Props {
  const outputs: Props = {};
  for (const name of resource.reportedOutputs) if (olds[name] !== undefined) outputs[name] = olds[name];
  Object.assign(outputs, news);
  const { anyCall, restart, byField } = resource.previewUnknowns;
  const unknown = new Set<string>();
  for (const { path, change } of changesOf(resource.definition, olds, news).fields) {
    // A change that is only recorded (timeouts) sends nothing: what its update reads is no change it made.
    if (change === "record") continue;
    anyCall.forEach((name) => unknown.add(name));
    if (change === "restart") restart.forEach((name) => unknown.add(name));
    byField[path.split(".")[0]!]?.forEach((name) => unknown.add(name));
  }
  for (const name of unknown) outputs[name] = UNKNOWN_VALUE;
  return outputs;
}
