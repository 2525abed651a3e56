import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError } from "../base/errors.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { operationError } from "../base/operationError.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { fixedFieldConflicts } from "./fixedFields.js";
import { recordedOwnerTag, tagIsMark, tagOwner } from "./ownerTag.js";
import type { NotebookInputs } from "./types.js";

/**
 * The notebook `adoptId` names, checked before it is taken over: it exists; it carries no owner mark but this
 * resource's, unless `adoptOwnedBy` names the owner its mark names (two stacks would otherwise manage one notebook,
 * and either one's destroy would delete it); and the fields that cannot change in place already match. Run at
 * check (so `pulumi preview` refuses, `mark` unknown there: any owner mark is another's) and again at create.
 */
export async function adoptableNotebook(
  client: NotebooksClient,
  inputs: NotebookInputs,
  mark: string | undefined,
): Promise<Notebook> {
  const notebook = await ownedOrOffered(client, inputs, mark);
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

/**
 * `pulumi preview`'s part of the adoption checks, as check failures: the notebook exists and carries no other
 * resource's mark unless `adoptOwnedBy` names it. Only for a new adoption (no recorded inputs: a new resource or
 * a replacement; a changed `adoptId` of a recorded resource changes nothing) with known values and settings.
 */
export async function adoptionFailures(
  client: () => Promise<NotebooksClient>,
  olds: Record<string, unknown>,
  inputs: NotebookInputs,
): Promise<{ property: string; reason: string }[]> {
  const { adoptId, adoptOwnedBy } = inputs;
  if (Object.keys(olds).length > 0 || typeof adoptId !== "string" || adoptId === UNKNOWN) return [];
  if (adoptOwnedBy === UNKNOWN) return [];
  try {
    await ownedOrOffered(await client(), inputs, undefined);
    return [];
  } catch (err) {
    const owned = err instanceof ConflictError && err.code === "AdoptOwned";
    return [
      {
        property: owned ? "adoptOwnedBy" : "adoptId",
        reason: operationError("adopt", { kind: "notebook", id: adoptId }, err).message,
      },
    ];
  }
}

/** The notebook `adoptId` names, if it carries no owner mark but `mark`, or the one `adoptOwnedBy` names. */
async function ownedOrOffered(
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
