import { storageUriFailure } from "../api/storageUri.js";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import type { CheckFailure, Props } from "../frame/definition.js";

/** The uri's form depends on the category, and only EFS has (and needs) an SFS Turbo id. */
export function storageMountRules(_olds: Props | undefined, inputs: Props): CheckFailure[] {
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
