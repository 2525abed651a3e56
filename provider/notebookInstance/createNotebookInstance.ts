import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { DemanagerClient } from "../api/DemanagerClient.js";
import { isApiError } from "../base/errorClassification.js";
import { ConflictError } from "../base/errors.js";
import { describeSubject } from "../base/operationError.js";
import { planChanges } from "../frame/changePlan.js";
import { ownerMarkOf, readableOwner } from "../frame/ownerMark.js";
import { ownAnswer } from "../frame/createAnswer.js";
import { resumableOwned } from "../frame/resumeOwned.js";
import { adoptableInstance } from "./adoption.js";
import { enforceDesiredStatus } from "./enforceDesiredStatus.js";
import { INPUT_FIELDS } from "./fields.js";
import { fixedFieldConflicts } from "./fixedFields.js";
import { observedInputs, toCreateRequest, toUpdateRequest } from "./mapping.js";
import { findOwnedInstances, leftBehindInstances, recordedOwnerKey } from "./ownership.js";
import { FAILED_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs } from "./types.js";
import { sightingOf, waitForInstance, type InstanceStep } from "./waitForInstance.js";

const KIND = "notebook instance";

/** How the instance this resource now manages came to be. */
type Origin = "created" | "resumed" | "adopted";

/**
 * Makes exactly one instance for the resource: adopts `adoptId`, or resumes an instance an interrupted run left
 * with this resource's owner mark, or POSTs a new one; then waits until it is ready and in its declared power
 * state. Once an id is known the frame records the instance should anything fail (a failed status, a timeout, a
 * later API error), instead of orphaning it; the next `pulumi up` resumes it.
 */
export async function createNotebookInstance(step: InstanceStep, inputs: NotebookInstanceInputs): Promise<Instance> {
  const { client } = step;
  let instance: Instance;
  let origin: Origin;
  if (inputs.adoptId) {
    instance = await adoptableInstance(client, inputs, ownerMarkOf(inputs, inputs.adoptId));
    origin = "adopted";
  } else {
    const name = inputs.name!;
    const mark = ownerMarkOf(inputs, name);
    const { keep, listed } = await resumeOwned(step, inputs, mark);
    ({ instance, origin } = keep
      ? { instance: keep, origin: "resumed" as const }
      : await post(step, { ...inputs, name }, mark, listed));
  }
  step.saw(instance);
  let lastSeen = step.saw(
    await waitForInstance({ ...step, id: instance.id, target: "READY", startedAs: sightingOf(instance) }),
  );
  if (origin !== "created") lastSeen = step.saw(await applyInPlaceDifferences(step, lastSeen, inputs));
  return enforceDesiredStatus(step, lastSeen, inputs.desiredStatus);
}

/**
 * Instances carrying this resource's owner mark were left by a run that was interrupted before Pulumi recorded
 * them (whatever their name: a generated name changes with the inputs). One that can become what is declared is
 * resumed; one that cannot is an error naming it, never a delete: the provider deletes nothing a look-up found.
 * Instances carrying another deployment's mark of the same resource name are named in a warning and left alone.
 * `listed`: every instance the look-up's listing showed, which a POST sent afterwards cannot have made.
 */
async function resumeOwned(
  step: InstanceStep,
  inputs: NotebookInstanceInputs,
  mark: string,
): Promise<{ keep?: Instance; listed: ReadonlySet<string> }> {
  const { client } = step;
  const { owned, all, listed } = await findOwnedInstances(client, mark, inputs.workspaceId);
  if (owned.length === 0) {
    // Confirmed with a fresh GET (the shared listing is seconds old); a warning, not an error: the same signs fit a
    // stack of the same name on another backend, which must not block this one.
    const current = await Promise.all(leftBehindInstances(all, mark).map((i) => client.findInstance(i.id)));
    for (const suspect of leftBehindInstances(
      current.filter((i): i is Instance => i !== undefined),
      mark,
    )) {
      const owner = readableOwner(recordedOwnerKey(suspect)!);
      step.progress(
        `${describeSubject({ kind: KIND, name: suspect.name, id: suspect.id })} carries the owner mark of another deployment of ${owner}: possibly left by an interrupted run (or made ` +
          `by a stack of the same name on another state backend): adopt it with adoptId and adoptOwnedBy: ` +
          `${JSON.stringify(owner)}, or delete it. It was left untouched, and a new instance is created`,
        "warning",
      );
    }
    return { listed };
  }
  const keep = resumableOwned(step, owned, {
    noun: ["an instance", "instances"],
    conflicts: (i) => fixedFieldConflicts(i, inputs),
    failed: (i) => (FAILED_STATUSES.has(String(i.status)) ? String(i.status) : undefined),
  })!;
  step.progress(
    `resuming ${describeSubject({ kind: KIND, name: keep.name, id: keep.id })}, which carries this resource's ` +
      "owner mark (created by an interrupted run)",
    "notice",
  );
  return { keep, listed };
}

/**
 * POST the instance. After a failure that may have been applied, the instance is looked for by its owner mark:
 * found, it is ours; not found, a second POST is safe. An existing instance of the same name that does not carry
 * the mark belongs to someone else: it is never taken over, and never touched. The POST's own answer must name
 * a new instance (not one `listed` before the POST) with the name sent (frame/createAnswer.ts).
 */
async function post(
  step: InstanceStep,
  inputs: NotebookInstanceInputs & { name: string },
  mark: string,
  listed: ReadonlySet<string>,
): Promise<{ instance: Instance; origin: Origin }> {
  const { client } = step;
  let answer: Instance;
  try {
    answer = await client.createInstance(toCreateRequest(inputs, mark), async (err) => {
      // After a lost answer only a listing taken now shows what this POST made.
      const [ours] = (await findOwnedInstances(client, mark, inputs.workspaceId, { fresh: true })).owned;
      if (ours) return { kind: "done", value: ours };
      if (isApiError(err, "ModelArts.6301")) return { kind: "fail", error: await notManaged(client, inputs, err) };
      return { kind: "resend" };
    });
  } catch (err) {
    if (!isApiError(err, "ModelArts.6301")) throw err;
    // The name is taken: by this resource's own instance (an earlier attempt's, which a shared listing taken
    // before it existed could not show), or by someone else's, which is never touched.
    const [ours] = (await findOwnedInstances(client, mark, inputs.workspaceId, { fresh: true })).owned;
    if (ours) {
      step.progress(
        `resuming ${describeSubject({ kind: KIND, name: ours.name, id: ours.id })}, which carries this resource's ` +
          "owner mark (created by an interrupted run)",
        "notice",
      );
      return { instance: ours, origin: "resumed" };
    }
    throw await notManaged(client, inputs, err);
  }
  return { instance: ownAnswer(step, answer, inputs.name, listed, ["instance", "an instance"]), origin: "created" };
}

async function notManaged(client: DemanagerClient, inputs: NotebookInstanceInputs & { name: string }, err: unknown) {
  const existing = await client.findInstancesByName(inputs.name, inputs.workspaceId).catch(() => []);
  const ids = existing.map((i) => i.id);
  const adoptHint = ids.length === 1 ? `adoptId: "${ids[0]}"` : "adoptId";
  return new ConflictError(
    `an instance named "${inputs.name}" already exists${ids.length ? ` (${ids.join(", ")})` : ""} and is not managed ` +
      `by this resource; it was left untouched. Choose another name; if that instance is yours to manage from ` +
      `here, set ${adoptHint}. (${(err as Error).message})`,
    "NameTaken",
  );
}

/** Description and auto-stop of an adopted or resumed instance are brought to the declared values with one PUT. */
async function applyInPlaceDifferences(
  step: InstanceStep,
  instance: Instance,
  inputs: NotebookInstanceInputs,
): Promise<Instance> {
  const plan = planChanges(INPUT_FIELDS, observedInputs(instance, inputs), inputs);
  const description = plan.sends("description");
  const autoStop = plan.sends("autoStop");
  if (!description && !autoStop) return instance;
  step.progress(
    `updating ${[description && "description", autoStop && "autoStop"].filter(Boolean).join(" and ")}`,
    "notice",
  );
  return step.client.updateInstance(instance.id, toUpdateRequest(inputs, { description, autoStop }));
}
