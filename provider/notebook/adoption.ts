import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError } from "../base/errors.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { fixedFieldConflicts } from "./fixedFields.js";
import { recordedOwnerTag, tagIsMark, tagOwner } from "./ownerTag.js";
import type { NotebookInputs } from "./types.js";

/**
 * The notebook `adoptId` names, checked before it is taken over: it exists; it carries no owner mark but this
 * resource's, unless `adoptOwnedBy` names the owner its mark names (two stacks would otherwise manage one notebook,
 * and either one's destroy would delete it); and the fields that cannot change in place already match. Run at
 * create; `pulumi preview` asks the first two (frame/adoption.ts).
 */
export async function adoptableNotebook(
  client: NotebooksClient,
  inputs: NotebookInputs,
  mark: string | undefined,
): Promise<Notebook> {
  const notebook = await offeredNotebook(client, inputs, mark);
  const conflicts = fixedFieldConflicts(notebook, inputs);
  if (conflicts.length > 0) {
    throw new ConflictError(
      `the existing notebook differs in ${conflicts.join("; ")}, which cannot be changed in place; declare the ` +
        "values it has, or create a new notebook instead",
      "AdoptConflict",
    );
  }
  return notebook;
}

/** The notebook `adoptId` names, if it carries no owner mark but `mark`, or the one `adoptOwnedBy` names. */
export async function offeredNotebook(
  client: NotebooksClient,
  inputs: NotebookInputs,
  mark: string | undefined,
): Promise<Notebook> {
  const notebook = await client.findNotebook(inputs.adoptId!);
  if (!notebook) {
    throw new ConflictError("no notebook with this id exists in this project (adoptId)", "AdoptNotFound");
  }
  const tag = recordedOwnerTag(notebook);
  if (tag !== undefined && (mark === undefined || !tagIsMark(tag, mark))) {
    const owner = tagOwner(tag);
    if (inputs.adoptOwnedBy !== owner) throw ownedElsewhere(notebook, owner, inputs.adoptOwnedBy);
  }
  return notebook;
}

function ownedElsewhere(notebook: Notebook, owner: string, named: string | undefined): ConflictError {
  const whose = /^[0-9a-f]{32}$/.test(owner)
    ? `an owner mark of an earlier version of pulumi-modelarts (${owner}), which does not name its stack`
    : `the owner mark of ${owner}`;
  const mismatch = named === undefined ? "" : ` (adoptOwnedBy names ${JSON.stringify(named)})`;
  return new ConflictError(
    `notebook "${notebook.name ?? "?"}" carries ${whose}${mismatch}: another Pulumi resource manages it, and two ` +
      "stacks managing one notebook would each change it and either one's destroy would delete it. It was left " +
      `untouched. To take it over, set adoptOwnedBy: ${JSON.stringify(owner)} and remove it from the other ` +
      "stack's state there (pulumi state delete <urn>)",
    "AdoptOwned",
  );
}
