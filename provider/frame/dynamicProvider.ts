import type * as pulumi from "@pulumi/pulumi";
import { setStackConfig } from "../settings/stackConfig.js";
import type { AnyDefinition, ResourceDefinition } from "./definition.js";
import {
  checkResource,
  createResource,
  deleteResource,
  diffResource,
  readResource,
  updateResource,
} from "./resourceVerbs.js";

/** A resource as the hosts hold it: the dynamic provider object the SDK's shims call, and its definition. */
export type Resource<I extends object, O extends I> = ReturnType<typeof defineResource<I, O, unknown, unknown>>;

/**
 * The provider object of a resource, built from its definition: what the Pulumi provider host runs through the
 * SDK's shim (named by the type in host.ts), usable in-process too. Without `configure` it reads its settings from
 * the environment. The Pulumi types are imported as types only: nothing of @pulumi/pulumi is loaded at run time.
 */
export function defineResource<I extends object, O extends I, T, C>(definition: ResourceDefinition<I, O, T, C>) {
  const provider = {
    async configure(request) {
      setStackConfig((key) => request.config.get(key));
    },
    // Check sees raw program values (not yet validated): it takes any object, and returns typed inputs.
    async check(olds: object, news: object) {
      const { inputs, failures } = await checkResource(definition, olds, news);
      return { inputs: inputs as I, failures };
    },
    async diff(id, olds, news) {
      const { changes, replaces, deleteBeforeReplace } = await diffResource(definition, id, olds, news);
      return { changes, replaces: [...replaces], deleteBeforeReplace };
    },
    async create(inputs) {
      const { id, outs } = await createResource(definition, inputs);
      return { id, outs: outs as O };
    },
    async read(id, props) {
      const result = await readResource(definition, id, props ?? {});
      // Pulumi types a read's new inputs as Outputs; they are the inputs part of the outputs (a supertype).
      return {
        id: result.id,
        ...(result.props && { props: result.props as O }),
        ...(result.inputs && { inputs: result.inputs as O }),
      };
    },
    async update(id, olds, news) {
      return { outs: (await updateResource(definition, id, olds, news)).outs as O };
    },
    async delete(id, props) {
      await deleteResource(definition, id, props);
    },
  } satisfies pulumi.dynamic.ResourceProvider<I, O>;
  return { ...provider, definition: definition as AnyDefinition };
}
