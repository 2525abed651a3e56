import { ConflictError } from "../base/errors.js";
import { operationError } from "../base/operationError.js";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import type { AnyDefinition, CheckFailure, Props } from "./definition.js";

/**
 * `pulumi preview`'s part of an adoption, as check failures: the object `adoptId` names exists and carries no other
 * resource's owner mark unless `adoptOwnedBy` names it (the resource's `adoption.offered`). Asked only for a new
 * adoption (no recorded inputs: a new resource or a replacement; a changed `adoptId` of a recorded resource
 * changes nothing) with known values; a refusal names `adoptOwnedBy` when that is what would let it through.
 */
export async function adoptionFailures(
  def: AnyDefinition,
  client: () => Promise<unknown>,
  olds: Props,
  inputs: Props,
): Promise<CheckFailure[]> {
  const { adoptId, adoptOwnedBy } = inputs;
  if (def.adoption === undefined || Object.keys(olds).length > 0) return [];
  if (typeof adoptId !== "string" || adoptId === UNKNOWN_VALUE || adoptOwnedBy === UNKNOWN_VALUE) return [];
  try {
    await def.adoption.offered(await client(), inputs, undefined);
    return [];
  } catch (err) {
    const owned = err instanceof ConflictError && err.code === "AdoptOwned";
    return [
      {
        property: owned ? "adoptOwnedBy" : "adoptId",
        reason: operationError("adopt", { kind: def.kind, id: adoptId }, err).message,
      },
    ];
  }
}
