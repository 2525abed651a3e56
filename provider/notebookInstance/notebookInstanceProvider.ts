import { checkNotebookInstance } from "./checkNotebookInstance.js";
import { createNotebookInstance } from "./createNotebookInstance.js";
import { deleteNotebookInstance } from "./deleteNotebookInstance.js";
import { diffNotebookInstance } from "./diffNotebookInstance.js";
import { withResourceUrn } from "./engineLogSink.js";
import { setStackConfig } from "./providerContext.js";
import { readNotebookInstance } from "./readNotebookInstance.js";
import { updateNotebookInstance } from "./updateNotebookInstance.js";

type Props = Record<string, unknown>;

/**
 * The provider object the Pulumi provider host runs (through the thin shim in sdk/), usable in-process too.
 * Without `configure` it reads its settings from the environment (HW_MODELARTS_ENDPOINT, HW_ACCESS_KEY, ...).
 */
export const notebookInstanceProvider = {
  async configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
    setStackConfig((key) => request.config.get(key));
  },
  async check(olds: Props, news: Props) {
    return checkNotebookInstance(olds, news);
  },
  async diff(_id: string, olds: Props, news: Props) {
    const { changes, replaces, deleteBeforeReplace } = diffNotebookInstance(olds, news);
    return { changes, replaces, deleteBeforeReplace };
  },
  async create(inputs: Props) {
    return withResourceUrn(inputs, () => createNotebookInstance(inputs));
  },
  async read(id: string, props: Props) {
    return readNotebookInstance(id, props);
  },
  async update(id: string, olds: Props, news: Props) {
    return withResourceUrn(news, () => updateNotebookInstance(id, olds, news));
  },
  async delete(id: string, props: Props) {
    return withResourceUrn(props, () => deleteNotebookInstance(id, props));
  },
};
