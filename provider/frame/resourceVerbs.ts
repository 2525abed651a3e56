/**
 * The lifecycle of every resource, once: what the frame does around a definition's verbs (definition.ts). Both hosts
 * call these: the dynamic provider object (dynamicProvider.ts) and the native plugin (provider/native/).
 */
import { validateInputs } from "../../protocol/validation/validators.js";
import { ConflictError, WaitError } from "../base/errors.js";
import { KEPT_INTERNAL_INPUTS, PROVIDER_INPUT } from "../base/internalInputs.js";
import { operationError, type Subject } from "../base/operationError.js";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import { settingsFailures } from "../settings/settingsCheck.js";
import type { Deadline } from "../wait/Deadline.js";
import { planChanges, type ChangePlan } from "./changePlan.js";
import { inputsDefOf, type AnyDefinition, type CheckFailure, type Props } from "./definition.js";
import { adoptionFailures } from "./adoption.js";
import { withResourceUrn } from "./engineLogSink.js";
import { withDefaults } from "./fieldCatalogue.js";
import { generatedName } from "./generatedName.js";
import { refuseOwnedImport } from "./importOwned.js";
import { nameTheInput } from "./namedInputError.js";
import { applyOwnerInputs, resolveOwnerInputs } from "./ownerMark.js";
import { partialFailure } from "./partialFailure.js";
import { getProviderContext } from "./providerContext.js";
import { prototypeFailure } from "./prototypeGuard.js";
import { refuseReplacementLosingData } from "./replacementGuard.js";
import { Step } from "./Step.js";
import type { TimeoutsInput } from "../base/sharedInputs.js";
import { checkTimeouts, operationDeadline, readDeadline } from "./timeouts.js";

/**
 * Validates declared inputs and fills what the service would fill, so later diffs compare like with like: the
 * prototype guard, schema.json (unknowns allowed: a preview's values are checked at `up`), the timeouts, the owner
 * mark, the resource's own rules; then the catalogue's defaults, the owner mark kept from the recorded inputs, the
 * generated name, the resource's other defaults. Pure: never touches the network or the settings.
 */
export function checkInputs(
  def: AnyDefinition,
  oldValues: object | undefined,
  newValues: object,
): { inputs: Props; failures: CheckFailure[] } {
  const olds = oldValues as Props | undefined;
  const news = newValues as Props;
  const protoFailure = prototypeFailure(news);
  if (protoFailure) return { inputs: {}, failures: [protoFailure] };
  const failures: CheckFailure[] = [
    ...validateInputs(inputsDefOf(def), news, { unknown: UNKNOWN_VALUE }).map(({ property, reason }) => ({
      property,
      reason,
    })),
    ...checkTimeouts(news.timeouts),
  ];
  const owner = def.owned ? resolveOwnerInputs(olds, news) : undefined;
  if (owner?.failure) failures.push(owner.failure);
  if ("adoptOwnedBy" in def.catalogue && news.adoptOwnedBy !== undefined && news.adoptId === undefined) {
    failures.push({
      property: "adoptOwnedBy",
      reason: `adoptOwnedBy is only for adoptId (it names the owner of the ${def.kind} being adopted)`,
    });
  }
  const inputs = withDefaults(def.catalogue, news);
  if (failures.length === 0 && def.rules) failures.push(...def.rules(olds, inputs));
  if (failures.length > 0) return { inputs: news, failures };

  if (owner && def.owned) {
    applyOwnerInputs(inputs, owner);
    const name = generatedName(def.owned, olds, news, owner);
    if (name === undefined) delete inputs.name;
    else inputs.name = name;
    // namePrefix is kept only for generated names: its presence is how diff knows a name was not declared.
    if (news.name !== undefined) delete inputs.namePrefix;
  }
  def.fill?.(inputs);
  return { inputs, failures };
}

/**
 * Check as the hosts run it: {@link checkInputs}, the settings (so `pulumi preview` fails without credentials,
 * before any API call, whatever the resource), and, when all is well, the one question to the service: whether
 * `adoptId` may be taken over (adoption.ts).
 */
export async function checkResource(
  def: AnyDefinition,
  olds: object | undefined,
  news: object,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const { inputs, failures } = checkInputs(def, olds, news);
  failures.push(...settingsFailures());
  if (failures.length === 0 && def.adoption) {
    const client = async () => def.client((await getProviderContext()).connection);
    failures.push(...(await adoptionFailures(def, client, (olds as Props | undefined) ?? {}, inputs)));
  }
  return { inputs, failures };
}

export interface ResourceDiff extends ChangePlan {
  readonly deleteBeforeReplace: boolean;
}

/**
 * The stored outputs against the new checked inputs (changePlan.ts). A replacement that would delete what the
 * user keeps is refused here, so `pulumi preview` fails and `pulumi up` changes nothing (replacementGuard.ts); an
 * in-place update gets the resource's preview rules (previewUpdate).
 */
export async function diffResource(
  def: AnyDefinition,
  id: string,
  oldValues: object,
  newValues: object,
): Promise<ResourceDiff> {
  const olds = oldValues as Props;
  const news = newValues as Props;
  const plan = changesOf(def, olds, news);
  const subject: Subject = { kind: def.kind, name: def.nameOf(olds), id };
  if (def.replacementLoss) {
    refuseReplacementLosingData({ subject, olds, news, replaces: plan.replaces, lost: def.replacementLoss(olds) });
  }
  if (plan.changes && plan.replaces.length === 0 && def.previewUpdate) {
    const client = async () => def.client((await getProviderContext()).connection);
    await withResourceUrn(news, () => def.previewUpdate!(client, subject, id, olds, news, plan));
  }
  return plan;
}

/** The one diff of a resource (changePlan.ts) and whether its replacement deletes first. Pure. */
export function changesOf(def: AnyDefinition, olds: object, news: object): ResourceDiff {
  const plan = planChanges(def.catalogue, olds, news, def.statuses);
  return { ...plan, deleteBeforeReplace: def.deleteBeforeReplace?.(plan) ?? true };
}

/**
 * Makes the object: `{ id, outs }`, or a partial failure that records it once its id is known. `customTimeoutMs`,
 * here and in update and delete: the engine's limit for the operation, when it sends one (timeouts.ts).
 */
export function createResource(
  def: AnyDefinition,
  values: object,
  customTimeoutMs?: number,
): Promise<{ id: string; outs: Props }> {
  const inputs = values as Props;
  const adopting = def.adoption !== undefined && typeof inputs.adoptId === "string";
  const name = adopting ? undefined : def.nameOf(inputs);
  const subject: Subject = {
    kind: def.kind,
    ...(name !== undefined && { name }),
    ...(adopting && { id: inputs.adoptId as string }),
  };
  const verb = adopting ? "adopt" : "create";
  return operate(
    def,
    { operation: "create", verb, subject, props: inputs, declared: inputs, customTimeoutMs },
    async (step) => {
      const object = await def.create(step, inputs);
      return { id: def.idOf(object), outs: def.toOutputs(object, inputs) };
    },
  );
}

/**
 * Changes the object in place. Its first read decides: gone is an error that says how to forget it (the same for
 * every resource); then the resource's update, whose failures after its first change record what is applied. The
 * outputs carry the new inputs, so a change that is only recorded (`record`: new timeouts) is kept in state; the
 * update still runs, so it resumes what an earlier run left (a create that timed out) whatever else changed.
 */
export function updateResource(
  def: AnyDefinition,
  id: string,
  oldValues: object,
  newValues: object,
  customTimeoutMs?: number,
): Promise<{ outs: Props }> {
  const olds = oldValues as Props;
  const news = newValues as Props;
  const subject: Subject = { kind: def.kind, name: def.nameOf(olds) ?? def.nameOf(news), id };
  const updating = {
    operation: "update",
    verb: "update",
    subject,
    props: news,
    declared: news,
    customTimeoutMs,
  } as const;
  return operate(def, updating, async (step) => {
    const current = await def.find(step, id, olds);
    if (current === undefined) {
      throw new ConflictError(
        `it no longer exists; run \`pulumi refresh\` to forget it, then \`pulumi up\` to create it again`,
        "Gone",
      );
    }
    const plan = planChanges(def.catalogue, olds, news, def.statuses);
    return { outs: def.toOutputs(await def.update(step, current, olds, news, plan), news) };
  });
}

export function deleteResource(
  def: AnyDefinition,
  id: string,
  values: object,
  customTimeoutMs?: number,
): Promise<void> {
  const props = values as Props;
  const subject: Subject = { kind: def.kind, name: def.nameOf(props), id };
  return operate(def, { operation: "delete", verb: "delete", subject, props, customTimeoutMs }, (step) =>
    def.delete(step, id, props),
  );
}

/**
 * Reads the object for refresh (the inputs as the object shows them, so drift shows in the next preview as a change
 * back) or for `pulumi import` (no stored inputs: what a program must declare to match it). Only the API's own
 * "does not exist" gives the empty id that tells the engine the object is gone. The input part keeps the internal
 * owner mark and URN. `importing`: the engine's import read (the native host tells it from a `.get`, which reads
 * with no stored inputs too): an object another Pulumi resource's owner mark names is refused (importOwned.ts).
 * `customTimeoutMs`: the engine's read limit, when it sends one (timeouts.ts readDeadline).
 */
export function readResource(
  def: AnyDefinition,
  id: string,
  values: object,
  { importing = false, customTimeoutMs }: { importing?: boolean; customTimeoutMs?: number } = {},
): Promise<{ id: string; props?: Props; inputs?: Props }> {
  const props = values as Props;
  const subject: Subject = { kind: def.kind, name: def.nameOf(props), id };
  const verb = importing ? "import" : "read";
  return operate(def, { operation: "read", verb, subject, props, customTimeoutMs }, async (step) => {
    const stored = storedInputs(def, props);
    const object = await def.read(step, id, stored);
    if (object === undefined) return { id: "" };
    if (importing) {
      step.subject = step.subjectOf(object);
      refuseOwnedImport(def, object, def.idOf(object));
    }
    const declared = Object.keys(def.catalogue).some((key) => stored[key] !== undefined);
    const inputs = declared
      ? def.observedInputs(object, stored)
      : { ...(def.importedInputs ?? ((o: unknown) => def.observedInputs(o, stored)))(object), ...internalOf(stored) };
    return { id, props: def.toOutputs(object, inputs), inputs };
  });
}

/** The input part of stored outputs: the catalogue's inputs and the internal inputs kept; only named keys. */
export function storedInputs(def: AnyDefinition, props: Props): Props {
  const inputs: Props = {};
  for (const key of [...Object.keys(def.catalogue), ...KEPT_INTERNAL_INPUTS]) {
    if (Object.prototype.hasOwnProperty.call(props, key) && props[key] !== undefined) inputs[key] = props[key];
  }
  return inputs;
}

function internalOf(props: Props): Props {
  return Object.fromEntries(KEPT_INTERNAL_INPUTS.filter((key) => props[key] !== undefined).map((k) => [k, props[k]]));
}

/** What `operate` runs: the operation, the verb its errors use, what it is about. */
interface OperationPlan {
  readonly operation: "create" | "update" | "delete" | "read";
  /** The error grammar's verb: the operation's own, or `adopt` for a create that adopts. */
  readonly verb: string;
  readonly subject: Subject;
  /** The stored or given properties: the URN for progress lines, `timeouts`. */
  readonly props: Props;
  /** The declared inputs of a create or update: API errors name the input they are about; partial failures. */
  readonly declared?: Props;
  /** The engine's limit for the operation, when it sent one (timeouts.ts). */
  readonly customTimeoutMs?: number;
}

/**
 * One operation: its URN for progress lines, its one deadline (the engine's limit when it sent one), the context
 * and client, the step; and its errors, `<verb> <kind> "<name>" (<id>): <what happened>`, naming the input an API
 * error is about. A create or update that fails once the object was seen is a partial failure: the engine records
 * the object as last seen, with the inputs it shows (what is applied, not what was declared), so the next `up` sees
 * what is left to do.
 */
async function operate<R>(
  def: AnyDefinition,
  { operation, verb, subject, props, declared, customTimeoutMs }: OperationPlan,
  body: (step: Step<unknown, unknown>) => Promise<R>,
): Promise<R> {
  return withResourceUrn(props, async () => {
    const timeouts = props.timeouts as TimeoutsInput | undefined;
    const deadline: Deadline =
      operation === "read"
        ? readDeadline(customTimeoutMs)
        : operationDeadline(timeouts, operation, def.defaultTimeouts, customTimeoutMs);
    let step: Step<unknown, unknown> | undefined;
    try {
      const { connection, schedule } = await deadline.race(getProviderContext());
      const id = operation === "create" ? undefined : subject.id;
      step = new Step(def.client({ ...connection, deadline }), verb, subject, deadline, schedule, def, id);
      return await body(step);
    } catch (err) {
      const failure = operationError(
        step?.verb ?? verb,
        step?.subject ?? subject,
        declared === undefined ? err : nameTheInput(err, declared, def.inputErrorCodes ?? {}),
      );
      const recorded = declared === undefined || step?.id === undefined ? undefined : lastSighting(def, step, err);
      if (recorded === undefined) throw failure;
      const applied = def.observedInputs(recorded, declared);
      throw partialFailure({
        message: failure.message,
        id: step!.id!,
        properties: def.toOutputs(recorded, applied),
        providerString: declared![PROVIDER_INPUT],
        cause: failure,
      });
    } finally {
      deadline.dispose();
    }
  });
}

/** The object as last seen: a failed wait's last poll of it, or the step's last sighting; undefined if never seen. */
function lastSighting(def: AnyDefinition, step: Step<unknown, unknown>, err: unknown): unknown {
  if (step.lastSeen === undefined) return undefined;
  const polled = err instanceof WaitError ? err.lastSeen : undefined;
  // Only a wait on this object: a wait on another (a mount's notebook) says nothing of it.
  return polled !== undefined && def.idOf(polled) === step.id ? polled : step.lastSeen;
}
