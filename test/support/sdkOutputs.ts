/**
 * The outputs an SDK resource class really has once constructed: Pulumi makes an Output only of what the class
 * registered (pulumi/pulumi#5174), whatever its generated outputs interface (sdk/resourceOutputs.ts) declares.
 */
import * as pulumi from "@pulumi/pulumi";

/**
 * The names `resource` has an Output for (constructed under `pulumi.runtime.setMocks`), sorted, but Pulumi's own
 * `id` and `urn` and the internal `__` inputs.
 */
export function outputsOf(resource: pulumi.Resource): string[] {
  const fields = resource as unknown as Record<string, unknown>;
  return Object.keys(fields)
    .filter((name) => name !== "id" && name !== "urn" && !name.startsWith("__"))
    .filter((name) => pulumi.Output.isInstance(fields[name]))
    .sort();
}
