import type { Notebook } from "../../protocol/notebooks/wireTypes.js";
import { isApiError } from "../base/errorClassification.js";
import { planChanges, type ChangePlan } from "../frame/changePlan.js";
import { INPUT_FIELDS } from "./fields.js";
import { leaseOf, toUpdateRequest } from "./mapping.js";
import { enforcePowerState, startNotebook, stopNotebook, type NotebookStep } from "./powerState.js";
import type { NotebookInputs } from "./types.js";
import { waitForNotebook } from "./waitForNotebook.js";

/** "Parameter cannot be modified in this status" [notebooks §7, §15]: the service wants the notebook in the other state. */
const WRONG_STATE_FOR_PUT = "ModelArts.6347";

/**
 * Brings a settled notebook from what it is (`current`: the inputs as applied, or as observed) to what is
 * declared, with the calls each field needs (the one diff, `plan`: the catalogue's change kinds), in an order that
 * keeps it usable:
 * 1. PUT the `update` and `restart` fields (name, description, the EVS size; flavor, image and SSH); a `restart`
 *    field needs it stopped, so a running notebook is stopped first and started again after. The docs disagree on which state a PUT needs ([notebooks §19] question 3), so a
 *    6347 answer ("not in this status") is met by switching the state and sending it again.
 * 2. Tags: removed and changed keys deleted, new and changed ones created (the owner tag is never touched).
 * 3. Auto-stop: renewed on a running notebook (PATCH lease); on a stopped one it applies from the next start.
 * 4. The declared power state, started with the declared auto-stop.
 * Used by update, and by create for a notebook it adopted or resumed.
 */
export async function applyChanges(
  step: NotebookStep,
  notebook: Notebook,
  current: NotebookInputs,
  declared: NotebookInputs,
  plan: ChangePlan = planChanges(INPUT_FIELDS, current, declared),
): Promise<Notebook> {
  const id = notebook.id!;
  const { client } = step;
  const putFields = plan.fields.filter((f) => plan.sends(f.path)).map((f) => f.path);
  const changed = new Set(plan.updates);
  const wasRunning = notebook.status === "RUNNING";
  let latest = notebook;

  if (putFields.length > 0) {
    const request = toUpdateRequest(declared, new Set(putFields));
    if (plan.restarts.length > 0 && latest.status === "RUNNING") {
      step.progress(`stopping to change ${putFields.join(", ")}; it is started again afterwards`);
      latest = await stopNotebook(step, latest);
    }
    try {
      await client.updateNotebook(id, request);
    } catch (err) {
      if (!isApiError(err, WRONG_STATE_FOR_PUT)) throw err;
      // The other documented rule for this field: switch the state, send the same PUT, and switch back below.
      latest =
        latest.status === "RUNNING"
          ? await stopNotebook(step, latest)
          : await startNotebook(step, id, declared.autoStop);
      await client.updateNotebook(id, request);
    }
    // A resize, and some changes, take a while (volume RESIZING); the next steps need a settled notebook.
    latest = await waitForNotebook({ ...step, id, target: latest.status === "STOPPED" ? "STOPPED" : "READY" });
  }

  if (changed.has("tags")) {
    const before = current.tags ?? {};
    const after = declared.tags ?? {};
    const removed = Object.entries(before)
      .filter(([key, value]) => after[key] !== value)
      .map(([key, value]) => ({ key, value }));
    const added = Object.entries(after)
      .filter(([key, value]) => before[key] !== value)
      .map(([key, value]) => ({ key, value }));
    await client.deleteTags(id, removed, declared.workspaceId);
    await client.createTags(id, added, declared.workspaceId);
  }

  // The state the notebook should end in: the declared one, or the one it had before this update.
  const target = declared.desiredStatus ?? (wasRunning ? "RUNNING" : undefined);
  if (target === "RUNNING" && latest.status !== "RUNNING") {
    latest = await startNotebook(step, id, declared.autoStop);
  } else if (changed.has("autoStop") && latest.status === "RUNNING") {
    const lease = leaseOf(declared.autoStop);
    if (lease.durationMs > 0) await client.renewLease(id, lease);
    else {
      // The documented calls only prolong a running lease [notebooks §9]: a disabled auto-stop applies from the next start.
      step.progress("auto-stop is disabled from the next start; the running lease ends as scheduled");
    }
  }
  return enforcePowerState(step, latest, declared.desiredStatus, declared.autoStop);
}
