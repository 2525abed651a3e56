/**
 * `pulumi-modelarts/host`: what the Pulumi provider host loads through the SDK's shims (sdk/providerShims.ts), one
 * provider object per resource type, named after the type token. A short module path and short names on purpose:
 * the closure serializer writes the shim into every resource's `__provider` in state (twice per resource).
 */
export { notebookInstanceProvider as NotebookInstance } from "./notebookInstance/notebookInstanceProvider.js";
export { notebookProvider as Notebook } from "./notebook/notebookProvider.js";
export { notebookStorageMountProvider as NotebookStorageMount } from "./storageMount/storageMountProvider.js";
