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
  const risk =
    `another Pulumi resource manages this ${def.kind}, and two resources managing one ${def.kind} would each ` +
    "change it and either one's destroy would delete it. Nothing was imported or written.";
  // A mark whose value came back empty names nobody, and adoptOwnedBy takes only a named owner: the way out is to
  // remove the mark where it was written, not an adoption this package would refuse too.
  if (owner === "") {
    throw new ConflictError(
      `it carries an owner mark that names no owner: ${risk} If no stack manages it any more, remove that mark ` +
        "in the console (a notebook's tag pulumi-modelarts.owner) and import it again",
      "ImportOwned",
    );
  }
  throw new ConflictError(
    `it carries the owner mark of ${owner}: ${risk} To take it over, let the owning stack go of it first (there: ` +
      "the resource option retainOnDelete: true, then pulumi destroy; or pulumi state delete <urn>), then declare " +
      `it in this program with adoptId: ${JSON.stringify(id)} and adoptOwnedBy: ${JSON.stringify(owner)}`,
    "ImportOwned",
  );
}
