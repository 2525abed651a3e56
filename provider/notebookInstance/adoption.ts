import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { ConflictError } from "../base/errors.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import { readableOwner } from "../frame/ownerMark.js";
import { fixedFieldConflicts } from "./fixedFields.js";
import { recordedOwnerKey } from "./ownership.js";
import type { NotebookInstanceInputs } from "./types.js";

/**
 * The instance `adoptId` names, checked before it is taken over (Pulumi's `import` does not work for dynamic
 * resources): it exists; it carries no owner mark but this resource's, unless `adoptOwnedBy` names the owner its
 * mark names (two stacks would otherwise manage one instance, and either one's destroy would delete it); and the
 * fields that cannot change in place already match (`profileId` cannot be compared: the service reports its own
 * profile id). Run at create; `pulumi preview` asks the first two (frame/adoption.ts).
 */
export async function adoptableInstance(
  client: DemanagerClient,
  inputs: NotebookInstanceInputs,
  mark: string | undefined,
): Promise<Instance> {
  const instance = await offeredInstance(client, inputs, mark);
  const conflicts = fixedFieldConflicts(instance, inputs);
  if (conflicts.length > 0) {
    throw new ConflictError(
      `the existing instance differs in ${conflicts.join("; ")}, which cannot be changed in place; ` +
        `declare the values it has, or create a new instance instead`,
      "AdoptConflict",
    );
  }
  return instance;
}

/** The instance `adoptId` names, if it carries no owner mark but `mark`, or the one `adoptOwnedBy` names. */
export async function offeredInstance(
  client: DemanagerClient,
  inputs: NotebookInstanceInputs,
  mark: string | undefined,
): Promise<Instance> {
  const instance = await client.findInstance(inputs.adoptId!);
  if (!instance) {
    throw new ConflictError("no instance with this id exists in this project (adoptId)", "AdoptNotFound");
  }
  const recorded = recordedOwnerKey(instance);
  if (recorded !== undefined && recorded !== mark) {
    const owner = readableOwner(recorded);
    if (inputs.adoptOwnedBy !== owner) {
      const mismatch =
        inputs.adoptOwnedBy === undefined ? "" : ` (adoptOwnedBy names ${JSON.stringify(inputs.adoptOwnedBy)})`;
      throw new ConflictError(
        `instance "${instance.name}" carries the owner mark of ${owner}${mismatch}: another Pulumi resource manages ` +
          "it, and two stacks managing one instance would each change it and either one's destroy would delete it. " +
          `It was left untouched. To take it over, set adoptOwnedBy: ${JSON.stringify(owner)} and remove it from ` +
          "the other stack's state there (pulumi state delete <urn>)",
        "AdoptOwned",
      );
    }
  }
  return instance;
}
