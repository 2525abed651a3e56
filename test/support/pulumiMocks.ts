/** Pulumi's mocks (`pulumi.runtime.setMocks`) for constructing the SDK's resource classes without an engine. */
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** Set for a read (`X.get`): the id it reads. */
  id?: string;
}

export interface MockAnswer {
  /** The id of a created resource (a read keeps its own); default `<name>-id`. */
  id?: string;
  /** What the provider adds to the inputs in its answer (its outputs). */
  outputs?: (inputs: Record<string, unknown>) => Record<string, unknown>;
  project?: string;
  stack?: string;
}

/** Mocks every registration, answered with its inputs and `answer`'s outputs; returns them as they come. */
export function recordRegistrations(answer: MockAnswer = {}): Registered[] {
  const registered: Registered[] = [];
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs, id: args.id || undefined });
        return {
          id: args.id || answer.id || `${args.name}-id`,
          state: { ...args.inputs, ...answer.outputs?.(args.inputs) },
        };
      },
      call: () => ({}),
    },
    answer.project ?? "modelarts-sdk-test",
    answer.stack ?? "dev",
  );
  return registered;
}

/** An output's value, once the mocks resolved it. */
export function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Waits until the engine (the mocks) registered `resource`: serializing a dynamic provider outlives its constructor. */
export function untilRegistered(resource: pulumi.Resource): Promise<void> {
  return new Promise((resolve) => resource.urn.apply(() => resolve()));
}
