/**
 * What the id of `pulumi import <type> <name> <id>` names, per resource. A notebook's or an instance's id names it
 * alone; a storage mount's id is only unique within its notebook (its URL is `/notebooks/{notebookId}/storage/{id}`),
 * so its import id is `<notebookId>/<storageId>`, and the resource's id after the import is the mount's own, as
 * for a mount Pulumi created. Each id is checked as a UUID before it reaches a URL, by the API client.
 */
import type { Props } from "./propertyValues.js";

export interface ImportTarget {
  /** The id the resource's read takes. */
  id: string;
  /** What the read needs besides the id, as stored properties. */
  props: Props;
}

/** The import id's form, for messages and docs, by resource name (only where it is not the object's own id). */
export const IMPORT_ID_FORMS: Readonly<Record<string, string>> = {
  NotebookStorageMount: "<notebookId>/<storageId>",
};

export function importTarget(resourceName: string, importId: string): ImportTarget {
  if (resourceName !== "NotebookStorageMount") return { id: importId, props: {} };
  const parts = importId.split("/");
  if (parts.length !== 2 || parts.some((part) => part === "")) {
    throw new Error(
      `import ${resourceName} (${JSON.stringify(importId.slice(0, 200))}): the id must be ` +
        `${IMPORT_ID_FORMS[resourceName]}: a mount's id alone does not say which notebook it is on`,
    );
  }
  const [notebookId, storageId] = parts as [string, string];
  return { id: storageId, props: { notebookId } };
}
