/**
 * `pulumi-modelarts/host`, and the registry: every resource the provider serves, under its type name (the type token
 * `pulumi-nodejs:dynamic/modelarts:<name>` of the SDK class, `modelarts:index:<name>` of the native plugin). The SDK's
 * shims (sdk/providerShims.ts) load each provider object from here by that name; the native plugin builds its
 * resources from the same list (native/registry.ts). Each is a provider object the frame built from the resource's
 * definition (frame/dynamicProvider.ts). A short module path and short names on purpose: the closure serializer
 * writes the shim into every resource's `__provider` in state (twice per resource).
 */
export { notebookInstanceProvider as NotebookInstance } from "./notebookInstance/notebookInstanceProvider.js";
export { notebookProvider as Notebook } from "./notebook/notebookProvider.js";
export { notebookStorageMountProvider as NotebookStorageMount } from "./storageMount/storageMountProvider.js";
