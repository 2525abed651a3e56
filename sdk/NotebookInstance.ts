import * as pulumi from "@pulumi/pulumi";
import { dynamicResourceProps } from "./dynamicResourceProps.js";
import { pauseRegistrationStacks } from "./registrationStacks.js";
import { OUTPUT_NAMES } from "../provider/notebookInstance/fields.js";
import { notebookInstanceShim } from "./providerShims.js";
import type { NotebookInstanceArgs } from "./resourceArgs.js";
import type { NotebookInstanceOutputProperties } from "./resourceOutputs.js";

// Every output, typed and documented (generated from schema.json): Pulumi sets each registered output on the object,
// so the merge with the class declares what is there.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface NotebookInstance extends NotebookInstanceOutputProperties {}

/**
 * A ModelArts DevEnviron notebook instance (demanager v1 API).
 *
 * ```ts
 * const dev = new NotebookInstance("dev", {
 *   profileId: "Multi-Engine 2.0 (python3)",
 *   flavor: "modelarts.vm.cpu.2u",
 *   storage: { path: "/my-bucket/notebooks/dev/" },
 *   autoStop: { enabled: true, durationSeconds: 3600 },
 * });
 * export const url = dev.url;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the outputs interface above
export class NotebookInstance extends pulumi.dynamic.Resource {
  /**
   * A read-only reference to an existing instance by id (its outputs come from the API; nothing is managed).
   * To manage an existing instance, declare it with `adoptId` instead.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): NotebookInstance {
    return new NotebookInstance(name, READ_ONLY, { ...opts, id });
  }

  constructor(name: string, args: NotebookInstanceArgs, opts?: pulumi.CustomResourceOptions) {
    const registered = dynamicResourceProps(
      {
        type: "NotebookInstance",
        outputNames: OUTPUT_NAMES,
        // A targeted `--replace` gives the new instance the old name (declared, or derived from the same inputs):
        // created first, it would collide with the old one, resume it through its owner key, then delete it.
        deleteFirstBecause: "instance names are unique, so the replacement would collide with the instance it replaces",
        ownerKey: true,
        generatedName: true,
      },
      name,
      args === READ_ONLY ? undefined : { ...args },
      opts,
    );
    // Pulumi would format a stack for each of the ~140 promises of this registration (registrationStacks.ts).
    const stacks = pauseRegistrationStacks();
    try {
      super(notebookInstanceShim, name, registered.props, registered.opts, "modelarts", "NotebookInstance");
    } catch (err) {
      stacks.rethrow(err);
    } finally {
      stacks.resume();
    }
  }
}

/** Marks the arguments of `NotebookInstance.get`: no inputs, only an id. */
const READ_ONLY = {} as NotebookInstanceArgs;
