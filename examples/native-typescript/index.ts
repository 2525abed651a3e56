// A notebook on the smallest CPU flavor in stock and an image found by name, with an OBS directory mounted into it,
// through the native classes: the provider plugin runs every call, so `pulumi preview` tells what `pulumi up` will
// do, and `pulumi import` works (see the repository README, "Native provider").
import * as modelarts from "pulumi-modelarts/native";

const flavor = modelarts.getNotebookFlavorsOutput({ category: "CPU" });
const image = modelarts.getNotebookImagesOutput({ name: "notebook2.0-mul-kernel-cpu-cp36" });

const dev = new modelarts.Notebook(
  "dev",
  {
    flavor: flavor.id,
    imageId: image.id,
    description: "a notebook managed by Pulumi through the native provider",
    volume: { category: "EVS", capacityGb: 20 },
    autoStop: { enabled: true, durationSeconds: 7200 },
    // A storage mount needs a running notebook.
    desiredStatus: "RUNNING",
  },
  // `pulumi up --replace` does not ask the provider: a notebook is always deleted before its replacement is made.
  { deleteBeforeReplace: true },
);

new modelarts.NotebookStorageMount("datasets", {
  notebookId: dev.notebookId,
  uri: "obs://my-bucket/datasets/",
  mountPath: "/data/datasets/",
});

export const url = dev.url;
export const status = dev.status;
