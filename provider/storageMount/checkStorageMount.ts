import { prototypeFailure } from "../core/prototypeGuard.js";
import { UNKNOWN_VALUE, validateInputs } from "../../protocol/validation/validators.js";
import { withDefaults } from "../core/fieldCatalogue.js";
import { checkTimeouts } from "../core/timeouts.js";
import { INPUT_FIELDS } from "./fields.js";
import type { StorageMountInputs } from "./types.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

type Inputs = Record<string, unknown>;

/**
 * `obs://` and a bucket name (3 to 63 of lower-case letters, digits, "." and "-", starting and ending with a letter
 * or digit), then directories, ending in "/": a mount is a directory (§12's `obs://bucket/dir/`).
 */
const OBS_DIRECTORY = /^obs:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[^/\s]+\/)*$/;

/**
 * Validates a NotebookStorageMount's declared inputs against schema.json (`NotebookStorageMountInputs`) and the
 * rules across fields, and fills the defaults. Pure: never touches the network. Any value may be Pulumi's unknown
 * sentinel during preview (a notebook id from a notebook still to be created); such values are left for the real
 * run to check.
 */
export function checkStorageMount(news: object): { inputs: StorageMountInputs; failures: CheckFailure[] } {
  const values = news as Inputs;
  const protoFailure = prototypeFailure(values);
  if (protoFailure) return { inputs: asChecked({}), failures: [protoFailure] };
  const failures: CheckFailure[] = [
    ...validateInputs("NotebookStorageMountInputs", values, { allowUnknowns: true }).map(({ property, reason }) => ({
      property,
      reason,
    })),
    ...checkTimeouts(values.timeouts),
  ];
  if (failures.length === 0) failures.push(...crossFieldRules(withDefaults(INPUT_FIELDS, values)));
  if (failures.length > 0) return { inputs: asChecked(values), failures };
  return { inputs: asChecked(withDefaults(INPUT_FIELDS, values)), failures: [] };
}

/** The uri's form depends on the category, and only EFS has (and needs) an SFS Turbo id. */
function crossFieldRules(inputs: Inputs): CheckFailure[] {
  const { category, uri, efsId } = inputs;
  if (category === UNKNOWN_VALUE) return [];
  const failures: CheckFailure[] = [];
  const obs = category === "OBS" || category === "OBSFS";
  if (obs && typeof uri === "string" && uri !== UNKNOWN_VALUE && !OBS_DIRECTORY.test(uri)) {
    failures.push({
      property: "uri",
      reason:
        `uri must be an OBS directory such as "obs://bucket/dir/" for category ${category} ` +
        `(got ${JSON.stringify(uri.length > 80 ? `${uri.slice(0, 80)}…` : uri)})`,
    });
  }
  if (category === "EFS" && efsId === undefined) {
    failures.push({ property: "efsId", reason: "efsId (the SFS Turbo id) is required for category EFS" });
  }
  if (category !== "EFS" && efsId !== undefined) {
    failures.push({
      property: "efsId",
      reason: `efsId is only for category EFS (got category ${JSON.stringify(category)})`,
    });
  }
  return failures;
}

/** Untyped values become typed inputs here, after validation against schema.json. */
function asChecked(inputs: Inputs): StorageMountInputs {
  return inputs as unknown as StorageMountInputs;
}
