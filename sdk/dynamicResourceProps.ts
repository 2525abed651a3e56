import { randomBytes } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { OWNER_KEY_INPUT, OWNER_NONCE_INPUT, URN_INPUT } from "../provider/base/internalInputs.js";
import { warnOfPlainTextCredentials } from "./plainTextCredentials.js";
import { resourceUrn } from "./resourceUrn.js";

/** What every resource class of this package registers, besides the user's arguments. */
export interface DynamicResourceSpec {
  /** The type's name (`NotebookInstance`), as in the type token `pulumi-nodejs:dynamic/modelarts:<type>`. */
  type: string;
  /** Every output, registered up front as undefined (Pulumi drops an output that was not, pulumi/pulumi#5174). */
  outputNames: readonly string[];
  /** Why a replacement must delete first (in the error for `deleteBeforeReplace: false`). */
  deleteFirstBecause: string;
  /**
   * Marks created objects as this resource's: `__ownerKey` (`<project>/<stack>/<name>`) and `__ownerNonce`, the
   * random part that makes the mark unique to one deployment (provider/frame/ownerMark.ts).
   */
  ownerKey: boolean;
  /** The API object has a name that is generated from `namePrefix` (default: the resource name) when not declared. */
  generatedName: boolean;
}

/**
 * The props and options every resource class passes to `pulumi.dynamic.Resource`: the arguments, the generated
 * name's prefix, the internal owner key and URN, every output registered, and `deleteBeforeReplace: true` (also for
 * `pulumi up --replace`, which the engine does not ask diff about). `args` undefined: a read-only reference
 * (`X.get`), which declares nothing but `reading`.
 */
export function dynamicResourceProps(
  spec: DynamicResourceSpec,
  name: string,
  args: Record<string, unknown> | undefined,
  opts: pulumi.CustomResourceOptions | undefined,
  reading: Record<string, unknown> = {},
): { props: Record<string, unknown>; opts: pulumi.CustomResourceOptions } {
  warnOfPlainTextCredentials();
  if (opts?.deleteBeforeReplace === false) {
    throw new pulumi.RunError(
      `${spec.type} "${name}": deleteBeforeReplace: false is not supported: ${spec.deleteFirstBecause}`,
    );
  }
  const props: Record<string, unknown> =
    args === undefined
      ? { ...reading }
      : {
          ...args,
          ...(spec.generatedName && { namePrefix: args.name === undefined ? (args.namePrefix ?? name) : undefined }),
          ...(spec.ownerKey && {
            [OWNER_KEY_INPUT]: `${pulumi.getProject()}/${pulumi.getStack()}/${name}`,
            // Fresh in every `pulumi up`; check keeps the recorded one of a resource that has one. Unknown in
            // preview, so a new resource's generated name shows as unknown rather than as one `up` would not use.
            [OWNER_NONCE_INPUT]: pulumi.runtime.isDryRun() ? pulumi.unknown : randomBytes(8).toString("hex"),
          }),
          // Progress lines are logged against this resource in `pulumi up` (provider/frame/engineLogSink.ts).
          [URN_INPUT]: resourceUrn(`pulumi-nodejs:dynamic/modelarts:${spec.type}`, name, opts?.parent),
        };
  for (const output of spec.outputNames) if (!(output in props)) props[output] = undefined;
  return { props, opts: { deleteBeforeReplace: true, ...opts } };
}
