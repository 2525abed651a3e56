import type * as pulumi from "@pulumi/pulumi";

/**
 * A provider as the engine drives it: every method present, every value untyped (the engine sends whatever the
 * program and the state hold). Tests use it to call typed providers with raw values, as the host does.
 */
export type LooseProvider = {
  [K in keyof pulumi.dynamic.ResourceProvider]-?: NonNullable<pulumi.dynamic.ResourceProvider[K]>;
};
