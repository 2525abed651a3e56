import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { jsonSafe, toOutputs } from "./mapping.js";
import { PROVIDER_KEY, type NotebookInstanceInputs } from "./types.js";

/**
 * The error shape the provider host turns into ErrorResourceInitFailed: the engine then records the instance
 * (id and properties) in state with the reasons, instead of orphaning it (pulumi-dynamic-providers.md).
 * `properties` carries `__provider` (the host does not add it on this path) and is JSON-safe (an undefined
 * anywhere would hang the RPC).
 */
export class PartialFailureError extends Error {
  override readonly name = "PartialFailureError";
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];

  constructor(message: string, id: string, properties: Record<string, unknown>, reasons: string[]) {
    super(message);
    this.id = id;
    this.properties = properties;
    this.reasons = reasons;
  }
}

export function partialFailure(options: {
  message: string;
  id: string;
  instance: Instance | undefined;
  inputs: NotebookInstanceInputs;
  providerString: unknown;
}): PartialFailureError {
  const instance: Instance = options.instance ?? {
    id: options.id,
    name: options.inputs.name,
    status: "UNKNOWN",
    flavor: options.inputs.flavor,
  };
  const properties: Record<string, unknown> = { ...toOutputs(instance, options.inputs) };
  if (typeof options.providerString === "string") properties[PROVIDER_KEY] = options.providerString;
  // The engine prints only the reasons (never the message), and records them as the resource's init errors:
  // the whole message says which instance, what failed, the API's reason and what to do next.
  return new PartialFailureError(options.message, options.id, jsonSafe(properties), [options.message]);
}
