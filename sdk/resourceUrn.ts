import * as pulumi from "@pulumi/pulumi";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * The URN the engine gives a custom resource of `type` named `name` under `parent`:
 * `urn:pulumi:<stack>::<project>::<parent types $-joined, the Stack left out>$<type>::<name>`.
 *
 * The provider logs progress against it (the dynamic-provider host does not pass the request's URN on). The
 * result carries no dependency on the parent: an input depending on a component parent would make the resource
 * depend on that component's children, itself included.
 */
export function resourceUrn(type: string, name: string, parent?: pulumi.Resource): pulumi.Output<string> {
  const prefix = `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::`;
  if (!parent) return pulumi.output(`${prefix}${type}::${name}`);
  const parentUrn = new Promise<string>((resolve) => parent.urn.apply(resolve));
  return pulumi.output(
    parentUrn.then((urn) => {
      // Stack and project hold no "::", nor do types; a name may.
      const qualifiedType = urn.split("::")[2] ?? "";
      const parentType = qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1);
      const chain = qualifiedType === "" || parentType === ROOT_STACK_TYPE ? "" : `${qualifiedType}$`;
      return `${prefix}${chain}${type}::${name}`;
    }),
  );
}
