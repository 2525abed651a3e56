import * as pulumi from "@pulumi/pulumi";
import { dynamicResourceProps } from "./dynamicResourceProps.js";
import { pauseRegistrationStacks } from "./registrationStacks.js";
import { OUTPUT_NAMES } from "../provider/notebook/fields.js";
import { notebookShim } from "./providerShims.js";
import type { NotebookArgs } from "./resourceArgs.js";
import type { NotebookOutputProperties } from "./resourceOutputs.js";

// Every output, typed and documented (generated from schema.json): Pulumi sets each registered output on the object,
// so the merge with the class declares what is there.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Notebook extends NotebookOutputProperties {}

/**
 * A ModelArts notebook of the notebooks API (`/v1/{project_id}/notebooks`, "DevEnviron new version"): what the
 * console, the hcloud CLI, the SDKs and Terraform's `huaweicloud_modelarts_notebook` manage today.
 *
 * ```ts
 * const dev = new Notebook("dev", {
 *   flavor: "modelarts.vm.cpu.2u",
 *   imageId: image.id, // from getNotebookImagesOutput({ name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" })
 *   volume: { category: "EVS", capacityGb: 20 },
 *   autoStop: { enabled: true, durationSeconds: 7200 },
 * });
 * export const url = dev.url;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the outputs interface above
export class Notebook extends pulumi.dynamic.Resource {
  /**
   * A read-only reference to an existing notebook by id (its outputs come from the API; nothing is managed).
   * To manage an existing notebook, declare it with `adoptId` instead.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Notebook {
    return new Notebook(name, READ_ONLY, { ...opts, id });
  }

  constructor(name: string, args: NotebookArgs, opts?: pulumi.CustomResourceOptions) {
    const registered = dynamicResourceProps(
      {
        type: "Notebook",
        outputNames: OUTPUT_NAMES,
        deleteFirstBecause:
          "a replacement would carry the same owner mark as the notebook it replaces, and exactly one notebook per " +
          "resource is kept",
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
      super(notebookShim, name, registered.props, registered.opts, "modelarts", "Notebook");
    } catch (err) {
      stacks.rethrow(err);
    } finally {
      stacks.resume();
    }
  }
}

/** Marks the arguments of `Notebook.get`: no inputs, only an id. */
const READ_ONLY = {} as NotebookArgs;
