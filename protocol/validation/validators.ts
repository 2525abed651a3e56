import type { ValidateFunction } from "ajv";
import type schema from "../../schema.json";
import { getAjv, SCHEMA_ID } from "./ajvInstance.js";
import { toCheckFailures, type ValidationIssue } from "./toCheckFailures.js";

export type { ValidationIssue } from "./toCheckFailures.js";

/**
 * Names of the `$defs` entries of schema.json. Spelled out rather than derived from the JSON (`keyof typeof
 * schema.$defs`) so that the published .d.ts does not import schema.json, which a program compiled without
 * `resolveJsonModule` (the `pulumi new typescript` template) cannot resolve. `_SameNamesAsSchemaJson` keeps the
 * list equal to schema.json's.
 */
export type SchemaDefName =
  | "Status"
  | "NonEmptyString"
  | "InstanceId"
  | "StringMap"
  | "NullableStringMap"
  | "InstanceAnnotations"
  | "InstanceName"
  | "Description"
  | "Timestamp13"
  | "GoDuration"
  | "PrintableText"
  | "PathWithoutDotSegments"
  | "FlavorId"
  | "KeyPairName"
  | "HostIpv4Address"
  | "ObsPath"
  | "ObsPathWithoutScheme"
  | "PathStartsWithSlash"
  | "PathEndsWithSlash"
  | "PathWithoutEmptySegments"
  | "ObsPathNotBucketRoot"
  | "AutoStopDurationSeconds"
  | "IdObject"
  | "StorageRequest"
  | "AutoStopRequest"
  | "CreateRequest"
  | "UpdateRequest"
  | "ActionRequest"
  | "FlavorDetails"
  | "Profile"
  | "StorageInfo"
  | "Repository"
  | "NotebookSpec"
  | "QueuingInfo"
  | "Instance"
  | "ListResponse"
  | "ActionResponse"
  | "DeleteResponse"
  | "ErrorBody"
  | "NotebookStatus"
  | "NotebookName"
  | "NotebookDescription"
  | "NotebookWorkspaceId"
  | "NotebookVolumeCategoryInput"
  | "NotebookOwnershipInput"
  | "NotebookLeaseTypeInput"
  | "NotebookFeatureInput"
  | "NotebookEndpointServiceInput"
  | "NotebookDataVolumeCategoryInput"
  | "NotebookVolumeRequest"
  | "NotebookEndpointRequest"
  | "NotebookLease"
  | "NotebookLeaseRequest"
  | "NotebookHookConfig"
  | "NotebookHooks"
  | "NotebookCustomSpecRequest"
  | "NotebookAffinityTerm"
  | "NotebookAffinity"
  | "NotebookCreateRequest"
  | "NotebookUpdateRequest"
  | "NotebookDataVolumesRequest"
  | "NotebookTag"
  | "NotebookTagsRequest"
  | "NotebookImage"
  | "NotebookVolume"
  | "NotebookDataVolume"
  | "NotebookEndpoint"
  | "NotebookActionProgress"
  | "NotebookObject"
  | "NotebookUpdateResponse"
  | "NotebookPageFields"
  | "NotebookListResponse"
  | "NotebookFlavor"
  | "NotebookFlavorsResponse"
  | "NotebookImagesResponse"
  | "NotebookStorage"
  | "NotebookStorageListResponse"
  | "NotebookTagsResponse"
  | "NotebookErrorBody"
  | "NotebookInstanceInputs"
  | "StorageInput"
  | "ExtendStorageInput"
  | "AutoStopInput"
  | "PoolInput"
  | "AllowDataLossOnReplace"
  | "TimeoutsInput"
  | "InternalInputs"
  | "OwnerInputs"
  | "Uuid"
  | "NotebookInputs"
  | "NotebookVolumeInput"
  | "NotebookSshInput"
  | "NotebookAutoStopInput"
  | "NotebookTagsInput"
  | "NotebookStorageMountInputs"
  | "NotebookOutputs"
  | "NotebookImageOutput"
  | "NotebookLeaseOutput"
  | "NotebookInstanceOutputs"
  | "NotebookStorageMountOutputs"
  | "GetNotebookFlavorsArgs"
  | "NotebookFlavorInfo"
  | "GetNotebookFlavorsResult"
  | "GetNotebookImagesArgs"
  | "NotebookImageInfo"
  | "GetNotebookImagesResult";
type JsonDefName = keyof (typeof schema)["$defs"];
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// A compile error here means the list above and schema.json's $defs differ.
type _SameNamesAsSchemaJson = Assert<Equal<SchemaDefName, JsonDefName>>;
type Assert<T extends true> = T;
// Plain strings are accepted too (checked at run time); the union keeps editor completion for the known names.
type DefNameArg = SchemaDefName | (string & Record<never, never>);

/** The value Pulumi sends for any input that is not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface WireValidationResult {
  valid: boolean;
  /** Empty when `valid`; property paths use the wire (snake_case) names. */
  errors: ValidationIssue[];
}

export interface ValidateInputsOptions {
  /** Preview: a property whose value (or an enclosing value) is {@link UNKNOWN_VALUE} counts as valid. */
  allowUnknowns?: boolean;
}

/** The compiled validator of one `$defs` entry. Ajv compiles each entry on first request and caches it. */
export function getValidator(defName: DefNameArg): ValidateFunction {
  const validate = getAjv().getSchema(`${SCHEMA_ID}#/$defs/${defName}`);
  if (validate === undefined) throw new Error(`schema.json has no $defs entry named "${defName}"`);
  return validate;
}

/** Checks a request or response body against a wire shape of schema.json. */
export function validateWire(defName: DefNameArg, value: unknown): WireValidationResult {
  const validate = getValidator(defName);
  if (validate(value)) return { valid: true, errors: [] };
  return { valid: false, errors: toCheckFailures(validate.errors, value, { rootLabel: "body" }) };
}

/**
 * Checks a resource's plain inputs against their `$defs` entry (e.g. `NotebookInstanceInputs`) and returns one
 * issue per problem, empty when the inputs are valid. Never throws for any JSON value.
 */
export function validateInputs(
  defName: DefNameArg,
  value: unknown,
  options: ValidateInputsOptions = {},
): ValidationIssue[] {
  const validate = getValidator(defName);
  if (validate(value)) return [];
  let errors = validate.errors ?? [];
  if (options.allowUnknowns === true) {
    // Errors raised at or below an unknown value are about a value nobody knows yet. A property that holds the
    // sentinel is present, so it is never reported as missing either.
    errors = errors.filter((e) => !isAtOrBelowUnknown(value, e.instancePath));
  }
  return toCheckFailures(errors, value, { rootLabel: "inputs" });
}

function isAtOrBelowUnknown(root: unknown, instancePath: string): boolean {
  let node = root;
  if (node === UNKNOWN_VALUE) return true;
  for (const token of instancePath.split("/").slice(1)) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[token.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (node === UNKNOWN_VALUE) return true;
  }
  return false;
}
