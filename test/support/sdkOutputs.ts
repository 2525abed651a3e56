/**
 * The outputs an SDK resource class really has once constructed: Pulumi makes an Output only of what the class
 * registered (pulumi/pulumi#5174), whatever its generated outputs interface (sdk/resourceOutputs.ts) declares.
 */
import * as pulumi from "@pulumi/pulumi";

/** Of `names`, those `resource` has no Output for (constructed under `pulumi.runtime.setMocks`). */
export function missingOutputs(resource: pulumi.Resource, names: readonly string[]): string[] {
  return names.filter((name) => !pulumi.Output.isInstance((resource as unknown as Record<string, unknown>)[name]));
}
