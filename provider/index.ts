/**
 * `pulumi-modelarts/provider`: what runs inside the Pulumi provider host, and what a program may use in-process:
 * the provider objects, the API clients and the request signer. The SDK's thin provider shim loads this module at
 * run time, so `__provider` in state stays small and refresh/destroy run the installed version. Test hooks and
 * internals (the executor, schema validation, the emulator's signature check) are not exported here.
 */
export { notebookInstanceProvider } from "./notebookInstance/notebookInstanceProvider.js";
export type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./notebookInstance/types.js";
export { notebookProvider } from "./notebook/notebookProvider.js";
export type { NotebookInputs, NotebookOutputs } from "./notebook/types.js";
export { notebookStorageMountProvider } from "./storageMount/storageMountProvider.js";
export type { StorageMountInputs, StorageMountOutputs } from "./storageMount/types.js";
export { DemanagerClient } from "./api/DemanagerClient.js";
export { NotebooksClient } from "./api/NotebooksClient.js";
export { createDemanagerClient, createNotebooksClient, type ClientOptions } from "./api/createClient.js";
export {
  resolveSettings,
  type SettingsInput,
  type SettingsSources,
  type ResolvedSettings,
  type Credentials,
} from "./settings/resolveSettings.js";
export {
  ModelArtsError,
  ApiError,
  TransportError,
  InvalidResponseError,
  ConfigurationError,
  ConflictError,
  WaitError,
  OperationError,
  PartialFailureError,
} from "./base/errors.js";
export { signRequest, type SignRequestInput, type SignedRequest } from "../protocol/signing/signRequest.js";
export type * as demanager from "../protocol/demanager/wireTypes.js";
export type * as notebooks from "../protocol/notebooks/wireTypes.js";
