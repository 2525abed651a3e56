import type * as pulumi from "@pulumi/pulumi";
import { withResourceUrn } from "../frame/engineLogSink.js";
import { setStackConfig } from "../settings/stackConfig.js";
import { refuseReplacementLosingData } from "../frame/replacementGuard.js";
import { settingsFailures } from "../settings/settingsCheck.js";
import { adoptionFailures } from "./adoption.js";
import { checkNotebookInstance } from "./checkNotebookInstance.js";
import { createNotebookInstance } from "./createNotebookInstance.js";
import { deleteNotebookInstance } from "./deleteNotebookInstance.js";
import { diffNotebookInstance } from "./diffNotebookInstance.js";
import { readNotebookInstance } from "./readNotebookInstance.js";
import { lostByReplacement } from "./replacementLoss.js";
import type { NotebookInstanceInputs, NotebookInstanceOutputs } from "./types.js";
import { updateNotebookInstance } from "./updateNotebookInstance.js";

/**
 * The provider object the Pulumi provider host runs (through the thin shim in sdk/), usable in-process too.
 * Without `configure` it reads its settings from the environment (HW_MODELARTS_ENDPOINT, HW_ACCESS_KEY, ...).
 * The Pulumi types are imported as types only: nothing of @pulumi/pulumi is loaded at run time.
 */
export const notebookInstanceProvider = {
  async configure(request) {
    setStackConfig((key) => request.config.get(key));
  },
  // Check sees raw program values (not yet validated): it takes any object, and returns typed inputs.
  async check(olds: object, news: object) {
    const result = checkNotebookInstance(olds, news);
    const failures = [...result.failures, ...settingsFailures()];
    // Taking over an instance another stack manages is refused at preview: the one check that asks the service.
    if (failures.length === 0)
      failures.push(...(await adoptionFailures(olds as Record<string, unknown>, result.inputs)));
    return { ...result, failures };
  },
  async diff(id, olds, news) {
    const { changes, replaces, deleteBeforeReplace } = diffNotebookInstance(olds, news);
    // A replacement deletes an EVS extend storage with the instance: refused at preview unless the user opted in.
    refuseReplacementLosingData({
      subject: { kind: "notebook instance", name: olds.name, id },
      olds,
      news,
      replaces,
      lost: lostByReplacement(olds),
    });
    return { changes, replaces, deleteBeforeReplace };
  },
  async create(inputs) {
    return withResourceUrn(inputs, () => createNotebookInstance(inputs));
  },
  async read(id, props) {
    const { inputs, ...result } = await readNotebookInstance(id, props ?? {});
    // Pulumi types a read's new inputs as Outputs; they are the inputs part of the outputs (a supertype).
    return { ...result, ...(inputs && { inputs: inputs as NotebookInstanceOutputs }) };
  },
  async update(id, olds, news) {
    return withResourceUrn(news, () => updateNotebookInstance(id, olds, news));
  },
  async delete(id, props) {
    return withResourceUrn(props, () => deleteNotebookInstance(id, props));
  },
} satisfies pulumi.dynamic.ResourceProvider<NotebookInstanceInputs, NotebookInstanceOutputs>;
