/**
 * `pulumi-modelarts/provider`: everything that runs inside the Pulumi provider host. The SDK's thin provider
 * shim loads this module at run time, so `__provider` in state stays small and refresh/destroy run the
 * installed version.
 */
export { signRequest, type SignRequestInput, type SignedRequest } from "./auth/signRequest.js";
export { verifySignature } from "./auth/verifySignature.js";
export {
  resolveSettings,
  type SettingsInput,
  type ResolvedSettings,
  type Credentials,
} from "./auth/resolveSettings.js";
export {
  ApiError,
  ConfigurationError,
  ModelArtsError,
  TimeoutError,
  TransportError,
  isNotFound,
  NOT_FOUND_ERROR_CODES,
} from "./api/errors.js";
export { ModelArtsClient, type CreateOutcome } from "./api/ModelArtsClient.js";
export { createModelArtsClient, type ClientOptions } from "./api/createClient.js";
export { RequestExecutor } from "./api/requestExecutor.js";
export type * from "./api/wireTypes.js";
export { validateInputs, validateWire } from "./validation/validators.js";
export { notebookInstanceProvider } from "./notebook/notebookInstanceProvider.js";
export { setProviderOverrides } from "./notebook/providerContext.js";
export { setProgressSink } from "./notebook/progress.js";
export type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./notebook/types.js";
