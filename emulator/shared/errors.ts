/**
 * Error answers of the emulator. Two body shapes exist in the docs [demanager §7.1], and both are served:
 * - demanager business errors use `{error_code, error_message}`, as in the seed's failed-response sample;
 * - API Gateway errors (`APIG.*`, `APIGW.*`) use `{error_code, error_msg, request_id}` (signing guide).
 */

export class EmulatorError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly headers: Record<string, string>;

  constructor(status: number, errorCode: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.headers = headers;
  }
}

/**
 * The JSON body for an error code, in the shape its layer uses: the gateway's for `APIG*`, otherwise the
 * family's (`error_msg` for the notebooks API, [notebooks §1]; `error_message` for demanager).
 */
export function errorBody(
  errorCode: string,
  message: string,
  requestId: string,
  family?: "demanager" | "notebooks",
): Record<string, string> {
  if (errorCode.startsWith("APIG")) return { error_code: errorCode, error_msg: message, request_id: requestId };
  if (family === "notebooks") return { error_code: errorCode, error_msg: message };
  return { error_code: errorCode, error_message: message };
}

/** HTTP 400 with a ModelArts code: the status the error table gives for almost every demanager error [demanager §7.2]. */
export function badRequest(code: string, message: string): EmulatorError {
  return new EmulatorError(400, `ModelArts.${code}`, message);
}

// Messages follow the error table [demanager §7.3]; placeholders are filled in by the helpers below.
export const errors = {
  parameter: () => badRequest("0104", "Parameter error."),
  invalidPayload: (detail: string) => badRequest("6400", `Invalid request payload ${detail}.`),
  duplicateName: () => badRequest("6301", "The instance already exists."),
  sortNotSupported: () => badRequest("6303", "The field does not support sorting."),
  stopBeforeDelete: () => badRequest("6304", "Please stop the instance before deleting."),
  alreadyRunning: () => badRequest("6305", "The instance is already running."),
  starting: () => badRequest("6306", "The instance is starting."),
  alreadyStopped: () => badRequest("6307", "The instance has already been stopped."),
  stopping: () => badRequest("6308", "The instance is stopping."),
  notFound: () => badRequest("6309", "The instance does not exist."),
  storageMissing: () => badRequest("6316", "The param 'storage' is needed for creating notebook instance."),
  pathMissing: () => badRequest("6317", "The 'path' parameter is required when the storage type is OBS."),
  pathNoSlash: () => badRequest("6318", "The param 'path' needs to end with /."),
  storageTypeUnsupported: () => badRequest("6324", "This location type is not supported."),
  flavorUnsupported: () => badRequest("6323", "The flavor is not supported."),
  notRunning: () => badRequest("6327", "The instance is not in running."),
  soldOut: () => badRequest("6329", "This flavor specification is sold out."),
  flavorTypeMismatch: () => badRequest("6330", "Flavor type of profile does not match type of flavor."),
  wrongType: (field: string, type: string) =>
    badRequest("6332", `Incorrect parameter type '${field}' must be '${type}'.`),
  badCharacter: (char: string) =>
    badRequest("6334", `Invalid value for name or description. Character '${char}' not allowed.`),
  required: (field: string) => badRequest("6335", `'${field}' is a required property.`),
  incorrectValue: (field: string) => badRequest("6336", `'${field}' property value is incorrect.`),
  notModifiable: (status: string, field: string) =>
    badRequest("6347", `When the instance is in the '${status}' status, the '${field}' parameter cannot be modified.`),
  durationMissing: () => badRequest("6348", "'duration' is mandatory for enabling auto stop."),
  durationRange: (min: number, max: number) => badRequest("6349", `'duration' ranges from ${min} to ${max}.`),
  operationNotAllowed: () =>
    badRequest(
      "6357",
      "The operation is not allowed. Another operation is in progress or the instance is already in the target state.",
    ),
  bucketRoot: () => badRequest("6358", "The path cannot be the root directory of the bucket."),
  unscopedToken: () => badRequest("0204", "The token must contain a project id."),
  projectMismatch: () =>
    new EmulatorError(403, "ModelArts.0210", "The project id in the URL does not match the token."),
  busy: (retryAfterSeconds: number) =>
    new EmulatorError(429, "ModelArts.6101", "The system is busy now. Please try again later.", {
      "Retry-After": String(retryAfterSeconds),
    }),
  noSuchApi: () =>
    new EmulatorError(404, "APIG.0101", "The API does not exist or has not been published in the environment"),
  tooLarge: () => new EmulatorError(413, "APIG.0201", "Request entity too large."),
  /** APIG.0301: HTTP 401 is inferred [demanager §7.4]; the text follows the signing guide (api-sign-0001). */
  unauthorized: (detail: string) =>
    new EmulatorError(401, "APIGW.0301", `Incorrect IAM authentication information: ${detail}`),
};
