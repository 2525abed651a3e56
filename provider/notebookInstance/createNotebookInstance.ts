import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { DemanagerClient } from "../api/DemanagerClient.js";
import { ConflictError, isApiError, WaitError } from "../api/errors.js";
import { nameTheInput } from "../core/namedInputError.js";
import { operationError, describeSubject, type Subject } from "../core/operationError.js";
import { partialFailure } from "../core/partialFailure.js";
import type { PollSchedule } from "../core/pollScheduleFromEnv.js";
import { reportProgress } from "../core/progress.js";
import { getProviderContext } from "../core/providerContext.js";
import { operationDeadline } from "../core/timeouts.js";
import type { Deadline } from "../wait/Deadline.js";
import { removeInstance } from "./deleteNotebookInstance.js";
import { diffNotebookInstance } from "./diffNotebookInstance.js";
import { enforceDesiredStatus } from "./enforceDesiredStatus.js";
import { DEFAULT_TIMEOUTS, INPUT_ERROR_CODES } from "./fields.js";
import { observedInputs, toCreateRequest, toOutputs, toUpdateRequest } from "./mapping.js";
import { findOwnedInstances, ownerKeyOf } from "./ownership.js";
import { FAILED_STATUSES } from "./statusClasses.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";
import { sightingOf, waitForInstance } from "./waitForInstance.js";

export interface CreateResult {
  id: string;
  outs: NotebookInstanceOutputs;
}

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
      instance = await adopt(client, inputs);
      origin = "adopted";
    } else {
      const name = inputs.name!;
      const ownerKey = ownerKeyOf(inputs, name);
      const resumed = await resumeOwned(client, inputs, ownerKey, { subject, deadline, schedule });
      ({ instance, origin } = resumed
        ? { instance: resumed, origin: "resumed" as const }
        : await post(client, { ...inputs, name }, ownerKey));
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
 * resumed; the others are removed, so exactly one instance per resource exists.
 */
async function resumeOwned(
  client: DemanagerClient,
  inputs: NotebookInstanceInputs,
  ownerKey: string,
  context: { subject: Subject; deadline: Deadline; schedule: PollSchedule },
): Promise<Instance | undefined> {
  const owned = await findOwnedInstances(client, ownerKey, inputs.workspaceId);
  const keep = owned.find((i) => fixedFieldConflicts(i, inputs).length === 0 && !FAILED_STATUSES.has(String(i.status)));
  for (const other of owned) {
    if (other === keep) continue;
    const what: Subject = { kind: "notebook instance", name: other.name, id: other.id };
    reportProgress(
      `create ${describeSubject(context.subject)}: removing ${describeSubject(what)}, left by an interrupted run`,
      "notice",
    );
    await removeInstance({
      client,
      id: other.id,
      subject: what,
      deadline: context.deadline,
      schedule: context.schedule,
      verb: "create",
    });
  }
  if (keep) {
    reportProgress(
      `create ${describeSubject(context.subject)}: resuming ${describeSubject({ kind: "notebook instance", name: keep.name, id: keep.id })}, created by an interrupted run`,
      "notice",
    );
  }
  return keep;
}

/**
 * POST the instance. After a failure that may have been applied, the instance is looked for by its owner mark:
 * found, it is ours; not found, a second POST is safe. An existing instance of the same name that does not carry
 * the mark belongs to someone else: it is never taken over, and never touched.
 */
async function post(
  client: DemanagerClient,
  inputs: NotebookInstanceInputs & { name: string },
  ownerKey: string,
): Promise<{ instance: Instance; origin: Origin }> {
  try {
    const instance = await client.createInstance(toCreateRequest(inputs, ownerKey), async (err) => {
      // After a lost answer only a listing taken now shows what this POST made.
      const [ours] = await findOwnedInstances(client, ownerKey, inputs.workspaceId, { fresh: true });
      if (ours) return { kind: "done", value: ours };
      if (isApiError(err, "ModelArts.6301")) return { kind: "fail", error: await notManaged(client, inputs, err) };
      return { kind: "resend" };
    });
    return { instance, origin: "created" };
  } catch (err) {
    if (!isApiError(err, "ModelArts.6301")) throw err;
    // The name is taken: by this resource's own instance (an earlier run's, which a shared listing taken before it
    // existed could not show), or by someone else's, which is never touched.
    const [ours] = await findOwnedInstances(client, ownerKey, inputs.workspaceId, { fresh: true });
    if (ours) {
      reportProgress(
        `create ${describeSubject({ kind: "notebook instance", name: inputs.name })}: resuming ${describeSubject({ kind: "notebook instance", name: ours.name, id: ours.id })}, created by an interrupted run`,
        "notice",
      );
      return { instance: ours, origin: "resumed" };
    }
    throw await notManaged(client, inputs, err);
  }
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

/**
 * Takes over an existing instance (Pulumi's `import` does not work for dynamic resources). Fields that cannot be
 * changed in place must already match; `profileId` cannot be compared, the service reports its own profile id.
 */
async function adopt(client: DemanagerClient, inputs: NotebookInstanceInputs): Promise<Instance> {
  const instance = await client.findInstance(inputs.adoptId!);
  if (!instance) {
    throw new ConflictError("no instance with this id exists in this project (adoptId)", "AdoptNotFound");
  }
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

/** Fields that cannot change in place and differ between the instance and the declared inputs. */
function fixedFieldConflicts(instance: Instance, inputs: NotebookInstanceInputs): string[] {
  const conflicts: string[] = [];
  const compare = (field: string, declared: unknown, actual: unknown) => {
    if (declared !== undefined && actual !== undefined && actual !== null && declared !== actual) {
      conflicts.push(`${field} (declared ${JSON.stringify(declared)}, the instance has ${JSON.stringify(actual)})`);
    }
  };
  // A generated name is not a declared one: an adopted or resumed instance keeps its own.
  if (inputs.namePrefix === undefined) compare("name", inputs.name, instance.name);
  compare("flavor", inputs.flavor, instance.flavor);
  compare("storage.path", inputs.storage?.path, instance.spec?.storage?.location?.path);
  compare("workspaceId", inputs.workspaceId, instance.workspace?.id);
  return conflicts;
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
