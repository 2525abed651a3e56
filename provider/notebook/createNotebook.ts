import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { ConflictError, WaitError } from "../api/errors.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { nameTheInput } from "../core/namedInputError.js";
import { describeSubject, operationError, type Subject } from "../core/operationError.js";
import { partialFailure } from "../core/partialFailure.js";
import { reportProgress } from "../core/progress.js";
import { getProviderContext } from "../core/providerContext.js";
import { operationDeadline } from "../core/timeouts.js";
import { applyChanges } from "./applyChanges.js";
import { removeNotebook } from "./deleteNotebook.js";
import { DEFAULT_TIMEOUTS, INPUT_ERROR_CODES } from "./fields.js";
import { observedInputs, toCreateRequest, toOutputs, toTagList } from "./mapping.js";
import { OWNER_TAG_KEY, ownerTagValue } from "./ownerTag.js";
import { findLostCreate, findOwnedNotebooks } from "./ownership.js";
import { enforcePowerState, type NotebookStep } from "./powerState.js";
import { FAILED_STATUSES } from "./statusClasses.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";
import type { Deadline } from "../wait/Deadline.js";
import { sightingOf, waitForNotebook } from "./waitForNotebook.js";

const KIND = "notebook";

/**
 * Makes exactly one notebook for the resource: adopts `adoptId`, or resumes a notebook an interrupted run left
 * (ownership.ts), or POSTs a new one and marks it with the owner tag; then waits until it is ready, applies tags,
 * and brings it to the declared power state. Once an id is known, any failure is a partial failure: the engine
 * records the notebook, and the next `pulumi up` resumes it.
 */
export async function createNotebook(inputs: NotebookInputs): Promise<{ id: string; outs: NotebookOutputs }> {
  // One deadline for everything below: the listing, the POST, the tags, the waits and the power state.
  const deadline = operationDeadline(inputs.timeouts, "create", DEFAULT_TIMEOUTS);
  try {
    return await createWithin(inputs, deadline);
  } finally {
    deadline.dispose();
  }
}

async function createWithin(
  inputs: NotebookInputs,
  deadline: Deadline,
): Promise<{ id: string; outs: NotebookOutputs }> {
  const verb = inputs.adoptId ? "adopt" : "create";
  const subject: Subject = inputs.adoptId ? { kind: KIND, id: inputs.adoptId } : { kind: KIND, name: inputs.name };
  let step: NotebookStep;
  let notebook: Notebook;
  let origin: "created" | "resumed" | "adopted";
  /** When `notebook` was read (the POST's answer, the confirming GET, the adoption's GET). */
  let seenAt: number;
  const ownerKey = inputs.__ownerKey ?? `in-process/${inputs.name ?? inputs.adoptId}`;
  try {
    const ctx = await deadline.race(getProviderContext());
    step = {
      client: new NotebooksClient({ ...ctx.connection, deadline }),
      subject,
      verb,
      deadline,
      schedule: ctx.schedule,
    };
    if (inputs.adoptId) {
      notebook = await adopt(step.client, inputs);
      origin = "adopted";
    } else {
      const { keep, listed } = await resumeOwned(step, inputs, ownerKey);
      notebook = keep ?? (await post(step.client, inputs, await existedBefore(step.client, inputs, listed)));
      origin = keep ? "resumed" : "created";
    }
    seenAt = Date.now();
  } catch (err) {
    throw operationError(verb, subject, nameTheInput(err, inputs, INPUT_ERROR_CODES));
  }
  const id = notebook.id!;
  const named: Subject = { kind: KIND, name: notebook.name, id };
  step = { ...step, subject: named };
  let lastSeen = notebook;
  try {
    // The owner tag first: from here on an interrupted run finds this notebook by its mark.
    await step.client.createTags(id, [{ key: OWNER_TAG_KEY, value: ownerTagValue(ownerKey) }], inputs.workspaceId);
    // The schedule counts from the POST's answer, not from the tag's (queued behind other creates' requests).
    lastSeen = await waitForNotebook({
      ...step,
      id,
      target: "READY",
      startedAs: sightingOf(notebook),
      startedAt: seenAt,
    });
    if (origin === "created") {
      const tags = toTagList(inputs.tags);
      await step.client.createTags(id, tags, inputs.workspaceId);
      const settled = lastSeen;
      lastSeen = await enforcePowerState(step, lastSeen, inputs.desiredStatus, inputs.autoStop);
      // The wait's last GET already shows the notebook as it is (owner tag included): read again only after a change.
      if (tags.length === 0 && lastSeen === settled) return { id, outs: toOutputs(lastSeen, inputs) };
    } else {
      if (origin === "resumed") {
        reportProgress(
          `create ${describeSubject(subject)}: resuming ${describeSubject(named)}, created by an interrupted run`,
        );
      }
      lastSeen = await applyChanges(step, lastSeen, observedInputs(lastSeen, inputs), inputs);
    }
    lastSeen = (await step.client.findNotebook(id)) ?? lastSeen;
    return { id, outs: toOutputs(lastSeen, inputs) };
  } catch (err) {
    const seen = err instanceof WaitError ? ((err.lastSeen as Notebook | undefined) ?? lastSeen) : lastSeen;
    const failure = operationError(verb, named, nameTheInput(err, inputs, INPUT_ERROR_CODES));
    throw partialFailure({
      message: failure.message,
      id,
      properties: { ...toOutputs(seen, inputs) },
      providerString: inputs.__provider,
      cause: failure,
    });
  }
}

/**
 * Notebooks of this resource left by an interrupted run: one that can become what is declared (same volume,
 * pool and workspace; not failed) is resumed, the others are removed, so exactly one notebook per resource exists.
 * `listed`: every notebook of the workspace at this point, which a POST sent afterwards cannot have made.
 */
async function resumeOwned(
  step: NotebookStep,
  inputs: NotebookInputs,
  ownerKey: string,
): Promise<{ keep?: Notebook; listed: ReadonlySet<string> }> {
  const generatedName = inputs.namePrefix !== undefined ? inputs.name : undefined;
  const { owned, listed } = await findOwnedNotebooks(step.client, ownerKey, generatedName, inputs.workspaceId);
  const keep = owned.find((n) => fixedFieldConflicts(n, inputs).length === 0 && !FAILED_STATUSES.has(String(n.status)));
  for (const other of owned) {
    if (other === keep) continue;
    const what: Subject = { kind: KIND, name: other.name, id: other.id };
    reportProgress(
      `create ${describeSubject(step.subject)}: removing ${describeSubject(what)}, left by an interrupted run`,
    );
    await removeNotebook({ ...step, subject: what }, other.id!);
  }
  return { keep, listed };
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
async function post(
  client: NotebooksClient,
  inputs: NotebookInputs,
  existedBefore: ReadonlySet<string>,
): Promise<Notebook> {
  const name = inputs.name!;
  const sentAt = Date.now();
  return client.createNotebook(toCreateRequest(inputs, name), async () => {
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
}

/** Takes over an existing notebook; fields that cannot change in place must already match. */
async function adopt(client: NotebooksClient, inputs: NotebookInputs): Promise<Notebook> {
  const notebook = await client.findNotebook(inputs.adoptId!);
  if (!notebook) {
    throw new ConflictError("no notebook with this id exists in this project (adoptId)", "AdoptNotFound");
  }
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

/** Fields that only a new notebook can change, where the notebook differs from the declared inputs. */
function fixedFieldConflicts(notebook: Notebook, inputs: NotebookInputs): string[] {
  const conflicts: string[] = [];
  const compare = (field: string, declared: unknown, actual: unknown) => {
    if (declared !== undefined && actual !== undefined && actual !== null && declared !== actual) {
      conflicts.push(`${field} (declared ${JSON.stringify(declared)}, the notebook has ${JSON.stringify(actual)})`);
    }
  };
  compare("volume.category", inputs.volume.category, notebook.volume?.category?.toUpperCase());
  compare("volume.ownership", inputs.volume.ownership, notebook.volume?.ownership?.toUpperCase());
  compare("poolId", inputs.poolId, notebook.pool?.id);
  compare("workspaceId", inputs.workspaceId, notebook.workspace_id);
  return conflicts;
}
