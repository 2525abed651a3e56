/**
 * `pulumi-modelarts/provider`: everything that runs inside the Pulumi provider host. The SDK's thin provider
 * shim loads this module at run time, so `__provider` in state stays small and refresh/destroy run the
 * installed version.
 */
export { signRequest, type SignRequestInput, type SignedRequest } from "../protocol/signing/signRequest.js";
export { verifySignature } from "../protocol/signing/verifySignature.js";
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
export type * from "../protocol/demanager/wireTypes.js";
export { validateInputs, validateWire } from "../protocol/validation/validators.js";
export { notebookInstanceProvider } from "./notebookInstance/notebookInstanceProvider.js";
export { setProviderOverrides } from "./notebookInstance/providerContext.js";
export { setProgressSink } from "./notebookInstance/progress.js";
export type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./notebookInstance/types.js";
