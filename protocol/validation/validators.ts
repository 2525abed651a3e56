import { existsSync } from "node:fs";
import * as path from "node:path";
import type { ValidateFunction } from "ajv";
import { getAjv } from "./ajvInstance.js";
import { SCHEMA_ID } from "./schemaDocument.js";
import type { SchemaDefName } from "./schemaDefNames.js";
import { toCheckFailures, type ValidationIssue } from "./toCheckFailures.js";

export type { SchemaDefName } from "./schemaDefNames.js";
export type { ValidationIssue } from "./toCheckFailures.js";

// Plain strings are accepted too (checked at run time); the union keeps editor completion for the known names.
type DefNameArg = SchemaDefName | (string & Record<never, never>);

export interface WireValidationResult {
  valid: boolean;
  /** Empty when `valid`; property paths use the wire (snake_case) names. */
  errors: ValidationIssue[];
}

export interface ValidateInputsOptions {
  /**
   * The value that stands for one not known yet (a host's preview: Pulumi's unknown sentinel): a property whose
   * value, or an enclosing value, is this one counts as valid.
   */
  unknown?: string;
}

/** The file the build writes beside this one: the validators a check uses, precompiled (validatorCode.ts). */
export const INPUT_VALIDATORS_FILE = "inputValidators.js";

const precompiledHolder: { validators?: Partial<Record<string, ValidateFunction>> } = {};

function precompiled(): Partial<Record<string, ValidateFunction>> {
  if (precompiledHolder.validators === undefined) {
    const file = path.join(__dirname, INPUT_VALIDATORS_FILE);
    // Absent only when running from source (the unit tests): Ajv compiles the same validators then.
    precompiledHolder.validators = existsSync(file) ? (require(file) as Partial<Record<string, ValidateFunction>>) : {};
  }
  return precompiledHolder.validators;
}

/**
 * The compiled validator of one `$defs` entry: the build's precompiled one when there is one (each resource's
 * inputs), else Ajv's, compiled on first request and cached.
 */
export function getValidator(defName: DefNameArg): ValidateFunction {
  const built = precompiled();
  const validate = Object.hasOwn(built, defName)
    ? built[defName]
    : getAjv().getSchema(`${SCHEMA_ID}#/$defs/${defName}`);
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
  const unknown = options.unknown;
  if (unknown !== undefined) {
    // Errors raised at or below an unknown value are about a value nobody knows yet. A property that holds the
    // sentinel is present, so it is never reported as missing either.
    errors = errors.filter((e) => !isAtOrBelowUnknown(value, e.instancePath, unknown));
  }
  return toCheckFailures(errors, value, { rootLabel: "inputs" });
}

function isAtOrBelowUnknown(root: unknown, instancePath: string, unknown: string): boolean {
  let node = root;
  if (node === unknown) return true;
  for (const token of instancePath.split("/").slice(1)) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[token.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (node === unknown) return true;
  }
  return false;
}
