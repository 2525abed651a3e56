import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { FAILED_STATUSES, sightingOf } from "../api/notebookStatuses.js";
import type { NotebooksClient } from "../api/NotebooksClient.js";
import { ConflictError } from "../base/errors.js";
import { describeSubject } from "../base/operationError.js";
import { ownerMarkOf } from "../frame/ownerMark.js";
import { ownAnswer } from "../frame/createAnswer.js";
import { resumableOwned } from "../frame/resumeOwned.js";
import { reportProgress } from "../frame/progress.js";
import { adoptableNotebook } from "./adoption.js";
import { applyChanges } from "./applyChanges.js";
import { fixedFieldConflicts } from "./fixedFields.js";
import { observedInputs, toCreateRequest, toTagList } from "./mapping.js";
import { OWNER_TAG_KEY, ownerTagValue } from "./ownerTag.js";
import { findOwnedNotebooks, findLostCreate, leftBehind } from "./ownership.js";
import { enforcePowerState, type NotebookStep } from "./powerState.js";
import type { NotebookInputs } from "./types.js";
import { waitForNotebook } from "./waitForNotebook.js";

const KIND = "notebook";

/**
 * Makes exactly one notebook for the resource: adopts `adoptId`, or resumes a notebook an interrupted run left
 * (ownership.ts), or POSTs a new one and marks it with the owner tag; then waits until it is ready, applies tags,
 * and brings it to the declared power state. Once an id is known the frame records the notebook should anything
 * fail, and the next `pulumi up` resumes it.
 */
export async function createNotebook(step: NotebookStep, inputs: NotebookInputs): Promise<Notebook> {
  const mark = ownerMarkOf(inputs, inputs.name ?? inputs.adoptId);
  let notebook: Notebook;
  let origin: "created" | "resumed" | "adopted";
  if (inputs.adoptId) {
    notebook = await adoptableNotebook(step.client, inputs, mark);
    origin = "adopted";
  } else {
    const { keep, listed } = await resumeOwned(step, inputs, mark);
    notebook = keep ?? (await post(step, inputs, await existedBefore(step.client, inputs, listed)));
    origin = keep ? "resumed" : "created";
  }
  /** When `notebook` was read (the POST's answer, the confirming GET, the adoption's GET). */
  const seenAt = Date.now();
  const before = step.subject;
  const id = step.saw(notebook).id!;
  // The owner tag first: from here on an interrupted run finds this notebook by its mark.
  await step.client.createTags(id, [{ key: OWNER_TAG_KEY, value: ownerTagValue(mark) }], inputs.workspaceId);
  // The schedule counts from the POST's answer, not from the tag's (queued behind other creates' requests).
  let lastSeen = step.saw(
    await waitForNotebook({ ...step, id, target: "READY", startedAs: sightingOf(notebook), startedAt: seenAt }),
  );
  if (origin === "created") {
    const tags = toTagList(inputs.tags);
    await step.client.createTags(id, tags, inputs.workspaceId);
    const settled = lastSeen;
    lastSeen = step.saw(await enforcePowerState(step, lastSeen, inputs.desiredStatus, inputs.autoStop));
    // The wait's last GET already shows the notebook as it is (owner tag included): read again only after a change.
    if (tags.length === 0 && lastSeen === settled) return lastSeen;
  } else {
    if (origin === "resumed") {
      reportProgress(
        `create ${describeSubject(before)}: resuming ${describeSubject(step.subject)}, which carries this ` +
          "resource's owner mark (created by an interrupted run)",
        "notice",
      );
    }
    lastSeen = step.saw(await applyChanges(step, lastSeen, observedInputs(lastSeen, inputs), inputs));
  }
  return (await step.client.findNotebook(id)) ?? lastSeen;
}

/**
 * A notebook of this resource left by an interrupted run (its owner mark, or its generated name, which derives from
 * the mark: ownership.ts `isOwned`) is resumed when it can become what is declared (same volume, pool and
 * workspace; not failed). One that cannot is an error naming it, never a delete: the provider deletes nothing a
 * look-up found. Notebooks that only look like this resource's (another deployment's mark of the same name, or a
 * recent untagged namesake) are named in a warning and left alone. `listed`: every notebook of the workspace at
 * this point, which a POST sent afterwards cannot have made.
 */
async function resumeOwned(
  step: NotebookStep,
  inputs: NotebookInputs,
  mark: string,
): Promise<{ keep?: Notebook; listed: ReadonlySet<string> }> {
  const generatedName = inputs.namePrefix !== undefined ? inputs.name : undefined;
  const { owned, all, listed } = await findOwnedNotebooks(step.client, mark, generatedName, inputs.workspaceId);
  if (owned.length === 0) {
    await warnLeftBehind(step, inputs, mark, generatedName, all);
    return { listed };
  }
  const keep = resumableOwned(step, owned, {
    noun: ["a notebook", "notebooks"],
    conflicts: (n) => fixedFieldConflicts(n, inputs),
    failed: (n) => (FAILED_STATUSES.has(String(n.status)) ? String(n.status) : undefined),
  });
  return { keep, listed };
}

/**
 * Names, in a warning, each notebook that looks like one an interrupted run of this resource left but carries no
 * evidence that it is (ownership.ts `leftBehind`), confirmed with a fresh GET (the shared listing is seconds old);
 * the create goes on and never touches them. A warning, not an error: the same signs fit someone else's notebook
 * (a namesake made in the console, a stack of the same name on another backend), which must not block this one.
 */
async function warnLeftBehind(
  step: NotebookStep,
  inputs: NotebookInputs,
  mark: string,
  generatedName: string | undefined,
  listing: readonly Notebook[],
): Promise<void> {
  const expected = {
    mark,
    name: inputs.name,
    generatedName,
    namePrefix: inputs.namePrefix,
    flavor: inputs.flavor,
    imageId: inputs.imageId,
  };
  const listed = leftBehind(listing, expected, Date.now());
  const current = await Promise.all(listed.map((s) => step.client.findNotebook(s.notebook.id!)));
  const suspects = leftBehind(
    current.filter((n): n is Notebook => n !== undefined),
    expected,
    Date.now(),
  );
  for (const suspect of suspects) {
    const what = describeSubject({ kind: KIND, name: suspect.notebook.name, id: suspect.notebook.id });
    const optIn = suspect.owner === undefined ? "" : ` and adoptOwnedBy: ${JSON.stringify(suspect.owner)}`;
    const elsewhere =
      suspect.owner === undefined ? "" : " (or made by a stack of the same name on another state backend)";
    step.progress(
      `${what} ${suspect.why}: possibly left by an interrupted run` +
        `${elsewhere}: adopt it with adoptId${optIn}, or delete it. It was left untouched, and a new notebook is ` +
        "created",
      "warning",
    );
  }
}

/**
 * The notebooks that existed before the POST, which a lost answer's look-up must never take for the one it made. A
 * generated name derives from the owner key, so nobody else's notebook has it, and the creates' shared listing
 * (seconds old) serves. A declared name may be someone else's too, made in the console a moment ago: the notebooks
 * of that name are listed afresh, right before the POST.
 */
async function existedBefore(
  client: NotebooksClient,
  inputs: NotebookInputs,
  shared: ReadonlySet<string>,
): Promise<ReadonlySet<string>> {
  if (inputs.namePrefix !== undefined) return shared;
  const named = await client.listNotebooks({ name: inputs.name!, workspace_id: inputs.workspaceId });
  return new Set([...shared, ...named.flatMap((n) => (n.id === undefined ? [] : [n.id]))]);
}

/**
 * POST the notebook. After a failure that may have been applied, the notebook that POST made is looked for
 * (ownership.ts `findLostCreate`; never one of `existedBefore`, listed before the POST): exactly one candidate is
 * ours; none means a second POST is safe; several cannot be told apart from someone else's, so the create stops
 * without touching any of them.
 */
async function post(step: NotebookStep, inputs: NotebookInputs, existedBefore: ReadonlySet<string>): Promise<Notebook> {
  const { client } = step;
  const name = inputs.name!;
  const sentAt = Date.now();
  const answer = await client.createNotebook(toCreateRequest(inputs, name), async () => {
    const candidates = await findLostCreate(
      client,
      {
        name,
        flavor: inputs.flavor,
        imageId: inputs.imageId,
        volumeCategory: inputs.volume.category,
        workspaceId: inputs.workspaceId,
      },
      sentAt,
      existedBefore,
    );
    if (candidates.length === 1) return { kind: "done", value: candidates[0]! };
    if (candidates.length === 0) return { kind: "resend" };
    return {
      kind: "fail",
      error: new ConflictError(
        `the answer to the create was lost, and ${candidates.length} notebooks named "${name}" (` +
          `${candidates.map((c) => c.id).join(", ")}) could each be the one it made; none was touched. Delete the ` +
          "extra ones and set adoptId to the one to keep",
        "AmbiguousCreate",
      ),
    };
  });
  return ownAnswer(step, answer, name, existedBefore, ["notebook", "a notebook"]);
}
