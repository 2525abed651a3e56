import { prototypeFailure } from "../frame/prototypeGuard.js";
import { validateInputs } from "../../protocol/validation/validators.js";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import { withDefaults } from "../frame/fieldCatalogue.js";
import { storageUriFailure } from "../api/storageUri.js";
import { checkTimeouts } from "../frame/timeouts.js";
import { INPUT_FIELDS } from "./fields.js";
import type { StorageMountInputs } from "./types.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

type Inputs = Record<string, unknown>;

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
    ...validateInputs("NotebookStorageMountInputs", values, { unknown: UNKNOWN_VALUE }).map(({ property, reason }) => ({
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
  const uriFailure =
    typeof uri === "string" && uri !== UNKNOWN_VALUE ? storageUriFailure("uri", category, uri) : undefined;
  if (uriFailure) failures.push(uriFailure);
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
