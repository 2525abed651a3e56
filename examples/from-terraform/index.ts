// main.tf's notebook and storage mount, declared as a Notebook and a NotebookStorageMount that take over the ones
// Terraform made (same ids) without a stop or a change: the only writes are the marks (the Notebook's owner tag, the
// mount's tag). README.md has the steps. Stack config: `notebookId` and `mountId` (Terraform's `id` and `mount_id`)
// for the move, removed after it; `adoptOwnedBy` to take back a notebook this stack let go; `retain` to let go of
// both at the next `pulumi destroy`.
import * as pulumi from "@pulumi/pulumi";
import { Notebook, NotebookStorageMount } from "pulumi-modelarts";
// eslint-disable-next-line no-restricted-syntax -- Pulumi's ts-node loads "./x" as TypeScript; "./x.js" names no file
import { sameAsNotebook, type Declared } from "./sameAsNotebook";

const config = new pulumi.Config();

// huaweicloud_modelarts_notebook.analysis in a Notebook's terms, each value what the notebook has: an adoption
// changes any that differs.
const declared: Declared = {
  name: "analysis_tf", // name
  description: "analysis notebook", // description
  flavor: "modelarts.vm.cpu.8u", // flavor_id
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090", // image_id
  volume: { category: "EVS", capacityGb: 20 }, // volume { type, size } (ownership MANAGED: both defaults)
  autoStop: { enabled: false }, // Terraform creates and starts notebooks with no auto-stop
};

// The move only: the notebook to take over, checked against `declared` first (sameAsNotebook.ts).
const moveId = config.get("notebookId");
// The owner its mark names, to take back a notebook this stack let go (README.md).
const adoptOwnedBy = config.get("adoptOwnedBy");
// Let go at `pulumi destroy`: the engine skips the delete and the notebook and its mount stay as they are.
const retainOnDelete = config.getBoolean("retain") ?? false;

const analysis = new Notebook(
  "analysis",
  { ...declared, ...(moveId && { adoptId: sameAsNotebook("analysis", moveId, declared), adoptOwnedBy }) },
  { retainOnDelete },
);

// huaweicloud_modelarts_notebook_mount_storage.datasets: storage_path and local_mount_directory. A mount carries no
// owner mark: `adoptId` names the one to take over (Terraform's `mount_id`); the only write is its tag on the
// notebook, which shows it as managed in the notebook's `mounts`.
const datasets = new NotebookStorageMount(
  "datasets",
  {
    notebookId: analysis.id,
    uri: "obs://analytics-datasets/raw/",
    mountPath: "/data/datasets/",
    adoptId: config.get("mountId"),
  },
  { retainOnDelete },
);

export const notebookId = analysis.id;
export const name = analysis.name;
export const status = analysis.status;
export const url = analysis.url;
export const storageId = datasets.id;
