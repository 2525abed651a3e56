import { PartialFailureError, type ModelArtsError } from "../base/errors.js";
import { PROVIDER_INPUT } from "../base/internalInputs.js";
import { jsonSafe } from "../base/jsonSafe.js";

/**
 * A create or update that got an id and then failed: the error the provider host records as the resource with
 * init errors (docs/pulumi-dynamic-providers.md), instead of orphaning it. `properties` are the outputs as far as
 * they are known; `__provider` is added, and everything is made JSON-safe (an undefined would hang the RPC).
 */
export function partialFailure(options: {
  message: string;
  id: string;
  properties: Record<string, unknown>;
  providerString: unknown;
  cause?: ModelArtsError;
}): PartialFailureError {
  const properties: Record<string, unknown> = { ...options.properties };
  if (typeof options.providerString === "string") properties[PROVIDER_INPUT] = options.providerString;
  return new PartialFailureError(options.message, options.id, jsonSafe(properties), options.cause);
}
