import { isApiError } from "../api/errors.js";
import type { ModelArtsClient } from "../api/ModelArtsClient.js";
import type { Instance } from "../../protocol/demanager/wireTypes.js";
import { diffNotebookInstance } from "./diffNotebookInstance.js";
import { enforceDesiredStatus } from "./enforceDesiredStatus.js";
import { observedInputs, ownerKeyOf, toCreateRequest, toOutputs, toUpdateRequest } from "./mapping.js";
import { operationError } from "./operationError.js";
import { partialFailure } from "./partialFailure.js";
import { reportProgress } from "./progress.js";
import { getProviderContext } from "./providerContext.js";
import { timeoutMs } from "./timeouts.js";
import { PROVIDER_KEY, type NotebookInstanceInputs, type NotebookInstanceOutputs } from "./types.js";
import { InstanceWaitError, waitForInstance } from "./waitForInstance.js";

/** Internal input set by the SDK: `<project>/<stack>/<resource name>`, recorded as an annotation at create. */
export const OWNER_KEY_INPUT = "__ownerKey";

export interface CreateResult {
  id: string;
  outs: NotebookInstanceOutputs;
}

/**
 * POST, then wait until the instance is ready and in its declared power state. Once the POST returned an id,
 * any failure (failed status, timeout, a later API error) is thrown as a partial failure so the engine
 * records the instance instead of orphaning it; the next `pulumi up` then resumes through update.
 */
export async function createNotebookInstance(props: Record<string, unknown>): Promise<CreateResult> {
  const inputs = props as unknown as NotebookInstanceInputs;
  const ownerKey = typeof props[OWNER_KEY_INPUT] === "string" ? (props[OWNER_KEY_INPUT] as string) : undefined;
  const label = inputs.adoptId ?? inputs.name;
  const verb = inputs.adoptId ? "adopt" : "create";
  let ctx;
  try {
    ctx = await getProviderContext();
  } catch (err) {
    throw operationError("create", label, err);
  }
  const { client, schedule } = ctx;
  const limitMs = timeoutMs(inputs.timeouts, "create");

  let instance: Instance;
  try {
    instance = inputs.adoptId ? await adopt(client, inputs) : await post(client, inputs, ownerKey);
  } catch (err) {
    throw operationError(verb, label, err);
  }

  const named = `${instance.name} (${instance.id})`;
  let lastSeen: Instance | undefined = instance;
  try {
    lastSeen = (await waitForInstance({
      client,
      id: instance.id,
      label: named,
      target: "READY",
      timeoutMs: limitMs,
      schedule,
      verb,
    }))!;
    if (inputs.adoptId) lastSeen = await applyAdoptedDifferences(client, lastSeen, inputs, named);
    lastSeen = await enforceDesiredStatus({
      client,
      instance: lastSeen,
      desired: inputs.desiredStatus,
      label: named,
      verb,
      timeoutMs: limitMs,
      schedule,
    });
    const applied = inputs.adoptId ? { ...inputs, name: lastSeen.name } : inputs;
    return { id: lastSeen.id, outs: toOutputs(lastSeen, applied) };
  } catch (err) {
    const seen = err instanceof InstanceWaitError ? (err.lastSeen ?? lastSeen) : lastSeen;
    throw partialFailure({
      message: operationError(verb, named, err).message,
      id: instance.id,
      instance: seen,
      inputs,
      providerString: props[PROVIDER_KEY],
    });
  }
}

/**
 * POST the instance. A duplicate name (ModelArts.6301) is resumed only when the existing instance carries this
 * resource's owner annotation: it was created by an earlier `pulumi up` that never recorded it.
 */
async function post(
  client: ModelArtsClient,
  inputs: NotebookInstanceInputs,
  ownerKey: string | undefined,
): Promise<Instance> {
  try {
    const outcome = await client.createInstance(toCreateRequest(inputs, ownerKey));
    return outcome.instance;
  } catch (err) {
    if (!isApiError(err, "ModelArts.6301")) throw err;
    const existing = await client.findInstancesByName(inputs.name, inputs.workspaceId);
    const ours = ownerKey ? existing.find((i) => ownerKeyOf(i) === ownerKey) : undefined;
    if (ours) {
      reportProgress(
        `create notebook instance "${inputs.name}": resuming instance ${ours.id} created by an earlier run`,
        "notice",
      );
      return ours;
    }
    const ids = existing.map((i) => i.id).join(", ");
    throw new Error(
      `${err.message}. An instance with this name already exists${ids ? ` (${ids})` : ""}: choose another name, ` +
        `or set adoptId to manage the existing instance`,
      { cause: err },
    );
  }
}

/**
 * Takes over an existing instance (Pulumi's `import` does not work for dynamic resources). Fields that cannot
 * be changed in place must already match; `profileId` cannot be compared, the service reports its own
 * profile id (§2.3).
 */
async function adopt(client: ModelArtsClient, inputs: NotebookInstanceInputs): Promise<Instance> {
  const instance = await client.findInstance(inputs.adoptId!);
  if (!instance) throw new Error(`adoptId "${inputs.adoptId}" does not exist in this project`);
  const conflicts: string[] = [];
  const compare = (field: string, declared: unknown, actual: unknown) => {
    if (actual !== undefined && actual !== null && declared !== actual) {
      conflicts.push(`${field} (declared ${JSON.stringify(declared)}, the instance has ${JSON.stringify(actual)})`);
    }
  };
  // A generated name is not a declared one: the adopted instance keeps its own.
  if (inputs.namePrefix === undefined) compare("name", inputs.name, instance.name);
  compare("flavor", inputs.flavor, instance.flavor);
  compare("storage.path", inputs.storage.path, instance.spec?.storage?.location?.path);
  compare("workspaceId", inputs.workspaceId, instance.workspace?.id);
  if (conflicts.length > 0) {
    throw new Error(
      `the existing instance ${instance.id} differs in ${conflicts.join("; ")}, which cannot be changed in place; ` +
        `declare the values it has, or create a new instance instead`,
    );
  }
  return instance;
}

/** Description and auto-stop of an adopted instance are brought to the declared values with one PUT. */
async function applyAdoptedDifferences(
  client: ModelArtsClient,
  instance: Instance,
  inputs: NotebookInstanceInputs,
  label: string,
): Promise<Instance> {
  const observed = observedInputs(instance, inputs);
  const diff = diffNotebookInstance(
    observed as unknown as Record<string, unknown>,
    inputs as unknown as Record<string, unknown>,
  );
  const description = diff.updates.includes("description");
  const autoStop = diff.updates.includes("autoStop");
  if (!description && !autoStop) return instance;
  reportProgress(
    `adopt notebook instance "${label}": updating ${[description && "description", autoStop && "autoStop"].filter(Boolean).join(" and ")}`,
    "notice",
  );
  return client.updateInstance(instance.id, toUpdateRequest(inputs, { description, autoStop }));
}
