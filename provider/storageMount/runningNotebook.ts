import { ConflictError } from "../base/errors.js";
import { classifyNotebook, GONE_STATUSES, notebookReading, STARTING_STATUSES } from "../api/notebookStatuses.js";
import { waitForStatus } from "../frame/waitForStatus.js";
import type { StorageStep } from "./waitForStorageMount.js";

/**
 * Whether the mount's notebook is RUNNING, which mounting and unmounting need (docs/modelarts-notebooks-api.md
 * §12; the API answers ModelArts.6327 otherwise). A notebook still starting is let finish within the operation's
 * timeout. "GONE": the API's not-found answer, or a notebook being deleted (its mounts go with it). Any other
 * status is an error that says what to do, since the provider does not start a notebook it does not manage.
 */
export async function requireRunningNotebook(
  step: StorageStep,
  notebookId: string,
  action: "mount" | "unmount",
  urn?: string,
): Promise<"RUNNING" | "GONE"> {
  const notebookSubject = { kind: "notebook", id: notebookId };
  let notebook = await step.client.findNotebook(notebookId);
  if (!notebook || GONE_STATUSES.has(String(notebook.status))) return "GONE";
  if (STARTING_STATUSES.has(String(notebook.status))) {
    notebook = (await waitForStatus({
      verb: step.verb,
      deadline: step.deadline,
      schedule: step.schedule,
      reading: notebookReading(step.client),
      id: notebookId,
      subject: notebookSubject,
      targetName: "READY",
      classify: (n) => classifyNotebook(n, "READY"),
    }))!;
  }
  const status = String(notebook.status);
  if (status === "RUNNING") return "RUNNING";
  if (action === "mount") {
    throw new ConflictError(
      `notebook ${notebookId} is ${status}, and storage can only be mounted into a RUNNING notebook: start ` +
        'it (a Notebook resource with desiredStatus: "RUNNING" keeps it running) and run `pulumi up` again',
      "NotebookNotRunning",
    );
  }
  const forget = urn ? `\`pulumi state delete '${urn}'\`` : "`pulumi state delete <urn>`";
  throw new ConflictError(
    `notebook ${notebookId} is ${status}, and storage can only be unmounted from a RUNNING notebook: start ` +
      `it and run again; or, when the notebook is to be deleted anyway (which removes its mounts), forget the mount ` +
      `with ${forget} first`,
    "NotebookNotRunning",
  );
}
