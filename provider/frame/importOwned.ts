import { ConflictError } from "../base/errors.js";
import type { AnyDefinition } from "./definition.js";

/**
 * `pulumi import` of an object that carries an owner mark is refused: the mark says another Pulumi resource manages
 * it (another stack, a teammate's stack of the same name, or this stack under another resource), and two resources
 * managing one object would each change it and either one's destroy would delete it. An import has no mark of its
 * own to compare (nothing is recorded yet), so any mark refuses it; the explicit way is an adoption that names the
 * owner (`adoptOwnedBy`, checked at preview: adoption.ts), after the owning stack let go. An object without a mark
 * imports as before; a refresh or a `.get` never comes here (the native host passes `importing` only for the engine's
 * import read).
 */
export function refuseOwnedImport(def: AnyDefinition, object: unknown, id: string): void {
  const owner = def.markOwner?.(object);
  if (owner === undefined) return;
  // A mark whose value came back empty names nobody: there is no owner for adoptOwnedBy to repeat.
  const named = owner === "" ? "an owner mark that names no owner" : `the owner mark of ${owner}`;
  const optIn = owner === "" ? "" : ` and adoptOwnedBy: ${JSON.stringify(owner)}`;
  throw new ConflictError(
    `it carries ${named}: another Pulumi resource manages this ${def.kind}, and two resources managing one ` +
      `${def.kind} would each change it and either one's destroy would delete it. Nothing was imported or written. ` +
      "To take it over, let the owning stack go of it first (there: the resource option retainOnDelete: true, then " +
      "pulumi destroy; or pulumi state delete <urn>), then declare it in this program with " +
      `adoptId: ${JSON.stringify(id)}${optIn}`,
    "ImportOwned",
  );
}
