import type * as pulumi from "@pulumi/pulumi";
import { withResourceUrn } from "../frame/engineLogSink.js";
import { setStackConfig } from "../settings/stackConfig.js";
import { checkStorageMount } from "./checkStorageMount.js";
import { createStorageMount } from "./createStorageMount.js";
import { deleteStorageMount } from "./deleteStorageMount.js";
import { diffStorageMount } from "./diffStorageMount.js";
import { readStorageMount } from "./readStorageMount.js";
import type { StorageMountInputs, StorageMountOutputs } from "./types.js";
import { updateStorageMount } from "./updateStorageMount.js";

/**
 * The provider of the `NotebookStorageMount` resource (the notebooks API's dynamic storage), run by the Pulumi
 * provider host through the SDK's shim, usable in-process too. Without `configure` it reads its settings from the
 * environment.
 */
export const notebookStorageMountProvider = {
  async configure(request) {
    setStackConfig((key) => request.config.get(key));
  },
  // Check sees raw program values (not yet validated): it takes any object, and returns typed inputs.
  async check(_olds: object, news: object) {
    return checkStorageMount(news);
  },
  async diff(_id, olds, news) {
    const { changes, replaces, deleteBeforeReplace } = diffStorageMount(olds, news);
    return { changes, replaces, deleteBeforeReplace };
  },
  async create(inputs) {
    return withResourceUrn(inputs, () => createStorageMount(inputs));
  },
  async read(id, props) {
    const { inputs, ...result } = await readStorageMount(id, props ?? {});
    // Pulumi types a read's new inputs as Outputs; they are the inputs part of the outputs (a supertype).
    return { ...result, ...(inputs && { inputs: inputs as StorageMountOutputs }) };
  },
  async update(id, olds, news) {
    return withResourceUrn(news, () => updateStorageMount(id, olds, news));
  },
  async delete(id, props) {
    return withResourceUrn(props, () => deleteStorageMount(id, props));
  },
} satisfies pulumi.dynamic.ResourceProvider<StorageMountInputs, StorageMountOutputs>;
