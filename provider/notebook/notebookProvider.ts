import type * as pulumi from "@pulumi/pulumi";
import { withResourceUrn } from "../frame/engineLogSink.js";
import { describeSubject } from "../base/operationError.js";
import { reportProgress } from "../frame/progress.js";
import { setStackConfig } from "../settings/stackConfig.js";
import { refuseReplacementLosingData } from "../frame/replacementGuard.js";
import { settingsFailures } from "../settings/settingsCheck.js";
import { adoptionFailures } from "./adoption.js";
import { checkNotebook } from "./checkNotebook.js";
import { createNotebook } from "./createNotebook.js";
import { deleteNotebook } from "./deleteNotebook.js";
import { diffNotebook } from "./diffNotebook.js";
import { refuseFlavorSwitchAtPreview } from "./flavorSwitch.js";
import { readNotebook } from "./readNotebook.js";
import { lostByReplacement } from "./replacementLoss.js";
import type { NotebookInputs, NotebookOutputs } from "./types.js";
import { updateNotebook } from "./updateNotebook.js";

/**
 * The provider of the `Notebook` resource (the notebooks API), run by the Pulumi provider host through the SDK's
 * shim, usable in-process too. Without `configure` it reads its settings from the environment.
 */
export const notebookProvider = {
  async configure(request) {
    setStackConfig((key) => request.config.get(key));
  },
  // Check sees raw program values (not yet validated): it takes any object, and returns typed inputs.
  async check(olds: object, news: object) {
    const result = checkNotebook(olds, news);
    const failures = [...result.failures, ...settingsFailures()];
    // Taking over a notebook another stack manages is refused at preview: the one check that asks the service.
    if (failures.length === 0)
      failures.push(...(await adoptionFailures(olds as Record<string, unknown>, result.inputs)));
    return { ...result, failures };
  },
  async diff(id, olds, news) {
    const { changes, replaces, deleteBeforeReplace, restarts } = diffNotebook(olds, news);
    // A replacement deletes the notebook's own volume: refused at preview unless the user opted in.
    const subject = { kind: "notebook", name: olds.name, id };
    refuseReplacementLosingData({ subject, olds, news, replaces, lost: lostByReplacement(olds) });
    if (replaces.length > 0) return { changes, replaces, deleteBeforeReplace };
    await withResourceUrn(news, async () => {
      // A flavor the notebook cannot switch to fails here, not after `pulumi up` has stopped it.
      if (restarts.includes("flavor")) await refuseFlavorSwitchAtPreview(subject, id, news.flavor);
      // The engine shows only which fields change; a stop and a start is worth saying before `pulumi up` does it.
      if (restarts.length > 0 && olds.status === "RUNNING") {
        reportProgress(
          `update ${describeSubject(subject)}: ${restarts.join(", ")} change in ` +
            "place with a stop and a start (the notebook is RUNNING); it is started again afterwards",
          "notice",
        );
      }
    });
    return { changes, replaces, deleteBeforeReplace };
  },
  async create(inputs) {
    return withResourceUrn(inputs, () => createNotebook(inputs));
  },
  async read(id, props) {
    const { inputs, ...result } = await readNotebook(id, props ?? {});
    // Pulumi types a read's new inputs as Outputs; they are the inputs part of the outputs (a supertype).
    return { ...result, ...(inputs && { inputs: inputs as NotebookOutputs }) };
  },
  async update(id, olds, news) {
    return withResourceUrn(news, () => updateNotebook(id, olds, news));
  },
  async delete(id, props) {
    return withResourceUrn(props, () => deleteNotebook(id, props));
  },
} satisfies pulumi.dynamic.ResourceProvider<NotebookInputs, NotebookOutputs>;
