import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { DemanagerClient } from "../api/DemanagerClient.js";
import { ConflictError, WaitError } from "../base/errors.js";
import { isApiError } from "../base/errorClassification.js";
import { nameTheInput } from "../frame/namedInputError.js";
import { operationError, describeSubject, type Subject } from "../base/operationError.js";
import { partialFailure } from "../frame/partialFailure.js";
import type { PollSchedule } from "../settings/pollScheduleFromEnv.js";
import { reportProgress } from "../frame/progress.js";
import { getProviderContext } from "../frame/providerContext.js";
import { operationDeadline } from "../frame/timeouts.js";
import type { Deadline } from "../wait/Deadline.js";
import { diffNotebookInstance } from "./diffNotebookInstance.js";
import { enforceDesiredStatus } from "./enforceDesiredStatus.js";
import { DEFAULT_TIMEOUTS, INPUT_ERROR_CODES } from "./fields.js";
import { observedInputs, toCreateRequest, toOutputs, toUpdateRequest } from "./mapping.js";
import { ownerMarkOf, readableOwner } from "../frame/ownerMark.js";
import { adoptableInstance } from "./adoption.js";
import { fixedFieldConflicts } from "./fixedFields.js";
import { findOwnedInstances, leftBehindInstances, recordedOwnerKey } from "./ownership.js";
import { FAILED_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";
import { sightingOf, waitForInstance } from "./waitForInstance.js";

export interface CreateResult {
  id: string;
  outs: NotebookInstanceOutputs;
}

const KIND = "notebook instance";

/** How the instance this resource now manages came to be. */
type Origin = "created" | "resumed" | "adopted";

/**
 * Makes exactly one instance for the resource: adopts `adoptId`, or resumes an instance an interrupted run left
 * with this resource's owner mark, or POSTs a new one; then waits until it is ready and in its declared power
 * state. Once an id is known, any failure (failed status, timeout, a later API error) is thrown as a partial
 * failure, so the engine records the instance instead of orphaning it; the next `pulumi up` resumes it.
 */
export async function createNotebookInstance(inputs: NotebookInstanceInputs): Promise<CreateResult> {
  // One deadline for everything below: the look-up, the POST, the wait and the power state.
  const deadline = operationDeadline(inputs.timeouts, "create", DEFAULT_TIMEOUTS);
  try {
    return await createWithin(inputs, deadline);
  } finally {
    deadline.dispose();
  }
}

async function createWithin(inputs: NotebookInstanceInputs, deadline: Deadline): Promise<CreateResult> {
  const verb = inputs.adoptId ? "adopt" : "create";
  // An adopted instance is named by its id until it is found: the declared name may not be its name.
  const subject: Subject = inputs.adoptId
    ? { kind: "notebook instance", id: inputs.adoptId }
    : { kind: "notebook instance", name: inputs.name };
  let client: DemanagerClient;
  let schedule: PollSchedule;
  let instance: Instance;
  let origin: Origin;
  try {
    const ctx = await deadline.race(getProviderContext());
    client = new DemanagerClient({ ...ctx.connection, deadline });
    schedule = ctx.schedule;
    if (inputs.adoptId) {
      instance = await adoptableInstance(client, inputs, ownerMarkOf(inputs, inputs.adoptId));
      origin = "adopted";
    } else {
      const name = inputs.name!;
      const mark = ownerMarkOf(inputs, name);
      const { keep, listed } = await resumeOwned(client, inputs, mark, subject);
      ({ instance, origin } = keep
        ? { instance: keep, origin: "resumed" as const }
        : await post(client, { ...inputs, name }, mark, listed));
    }
  } catch (err) {
    throw operationError(verb, subject, nameTheInput(err, inputs, INPUT_ERROR_CODES));
  }
  const named: Subject = { kind: subject.kind, name: instance.name, id: instance.id };
  let lastSeen: Instance = instance;
  try {
    lastSeen = await waitForInstance({
      client,
      id: instance.id,
      subject: named,
      target: "READY",
      startedAs: sightingOf(instance),
      deadline,
      schedule,
      verb,
    });
    if (origin !== "created") lastSeen = await applyInPlaceDifferences(client, lastSeen, inputs, verb, named);
    lastSeen = await enforceDesiredStatus({
      client,
      instance: lastSeen,
      desired: inputs.desiredStatus,
      subject: named,
      verb,
      deadline,
      schedule,
    });
    return { id: lastSeen.id, outs: toOutputs(lastSeen, inputs) };
  } catch (err) {
    const seen = err instanceof WaitError ? ((err.lastSeen as Instance | undefined) ?? lastSeen) : lastSeen;
    const failure = operationError(verb, named, err);
    throw partialFailure({
      message: failure.message,
      id: instance.id,
      properties: { ...toOutputs(seen, inputs) },
      providerString: inputs.__provider,
      cause: failure,
    });
  }
}

/**
 * Instances carrying this resource's owner mark were left by a run that was interrupted before Pulumi recorded
 * them (whatever their name: a generated name changes with the inputs). One that can become what is declared is
 * resumed; one that cannot is an error naming it, never a delete: the provider deletes nothing a look-up found.
 * Instances carrying another deployment's mark of the same resource name are named in a warning and left alone.
 * `listed`: every instance the look-up's listing showed, which a POST sent afterwards cannot have made.
 */
async function resumeOwned(
  client: DemanagerClient,
  inputs: NotebookInstanceInputs,
  mark: string,
  subject: Subject,
): Promise<{ keep?: Instance; listed: ReadonlySet<string> }> {
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
      reportProgress(
        `create ${describeSubject(subject)}: ${describeSubject({ kind: KIND, name: suspect.name, id: suspect.id })} ` +
          `carries the owner mark of another deployment of ${owner}: possibly left by an interrupted run (or made ` +
          `by a stack of the same name on another state backend): adopt it with adoptId and adoptOwnedBy: ` +
          `${JSON.stringify(owner)}, or delete it. It was left untouched, and a new instance is created`,
        "warning",
      );
    }
    return { listed };
  }
  const problems = owned.map((i) => whyNotResumable(i, inputs));
  if (owned.length === 1 && problems[0]!.length === 0) {
    const keep = owned[0]!;
    reportProgress(
      `create ${describeSubject(subject)}: resuming ${describeSubject({ kind: KIND, name: keep.name, id: keep.id })}, ` +
        "which carries this resource's owner mark (created by an interrupted run)",
      "notice",
    );
    return { keep, listed };
  }
  const named = owned.map(
    (i, n) =>
      describeSubject({ kind: KIND, name: i.name, id: i.id }) +
      (problems[n]!.length > 0 ? ` (${problems[n]!.join("; ")})` : ""),
  );
  throw new ConflictError(
    `${owned.length === 1 ? "an instance carries" : `${owned.length} instances carry`} this resource's owner mark ` +
      `(left by an interrupted run) and cannot be resumed: ${named.join(", ")}. Nothing was deleted: delete ` +
      `${owned.length === 1 ? "it" : "the ones not to keep"}, or declare the values it has`,
    "OwnedConflict",
  );
}

/** Why an instance of this resource cannot become what is declared: fixed fields that differ, or a failed create. */
function whyNotResumable(instance: Instance, inputs: NotebookInstanceInputs): string[] {
  const problems = fixedFieldConflicts(instance, inputs);
  if (FAILED_STATUSES.has(String(instance.status))) problems.push(`it is ${String(instance.status)}`);
  return problems;
}

/**
 * POST the instance. After a failure that may have been applied, the instance is looked for by its owner mark:
 * found, it is ours; not found, a second POST is safe. An existing instance of the same name that does not carry
 * the mark belongs to someone else: it is never taken over, and never touched. The POST's own answer must name
 * a new instance (not one `listed` before the POST) with the name sent (`ownAnswer`).
 */
async function post(
  client: DemanagerClient,
  inputs: NotebookInstanceInputs & { name: string },
  mark: string,
  listed: ReadonlySet<string>,
): Promise<{ instance: Instance; origin: Origin }> {
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
      reportProgress(
        `create ${describeSubject({ kind: KIND, name: inputs.name })}: resuming ` +
          `${describeSubject({ kind: KIND, name: ours.name, id: ours.id })}, which carries this resource's owner ` +
          "mark (created by an interrupted run)",
        "notice",
      );
      return { instance: ours, origin: "resumed" };
    }
    throw await notManaged(client, inputs, err);
  }
  return { instance: ownAnswer(answer, inputs.name, listed), origin: "created" };
}

/**
 * The POST's answer names the instance it made: one that was listed before the POST, or that has another name than
 * the one sent, is not it (someone else's instance, which our destroy would otherwise delete). Such an answer is
 * refused; the instance it names is not touched.
 */
function ownAnswer(answer: Instance, name: string, listed: ReadonlySet<string>): Instance {
  const named = describeSubject({ kind: KIND, name: answer.name, id: answer.id });
  const wrong = listed.has(answer.id)
    ? `names ${named}, which existed before this create`
    : answer.name !== name
      ? `names ${named}, not the name sent ("${name}")`
      : undefined;
  if (wrong === undefined) return answer;
  throw new ConflictError(
    `the create's answer ${wrong}; it was not taken as this resource's instance and was left untouched. The ` +
      `instance this create made, if any, is not known: look for an instance named "${name}"`,
    "ForeignCreateAnswer",
  );
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
  client: DemanagerClient,
  instance: Instance,
  inputs: NotebookInstanceInputs,
  verb: string,
  subject: Subject,
): Promise<Instance> {
  const observed = observedInputs(instance, inputs);
  const diff = diffNotebookInstance(observed, inputs);
  const description = diff.updates.includes("description");
  const autoStop = diff.updates.includes("autoStop");
  if (!description && !autoStop) return instance;
  reportProgress(
    `${verb} ${describeSubject(subject)}: updating ${[description && "description", autoStop && "autoStop"].filter(Boolean).join(" and ")}`,
    "notice",
  );
  return client.updateInstance(instance.id, toUpdateRequest(inputs, { description, autoStop }));
}
