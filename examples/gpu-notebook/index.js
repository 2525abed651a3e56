// A GPU notebook whose image is found by name and whose flavor is the smallest GPU flavor the region has in stock
// now, with a cloud disk for the work directory and an auto-stop after an hour without activity.
const pulumi = require("@pulumi/pulumi");
const { Notebook, getNotebookFlavorsOutput, getNotebookImagesOutput } = require("pulumi-modelarts");

const config = new pulumi.Config();

// Image ids differ between regions; names do not. A missing name fails `pulumi preview`, listing similar names.
const image = getNotebookImagesOutput({ name: config.get("imageName") ?? "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" });

// Flavors the service marks sold out are dropped (a create on one fails), so `id` is the smallest GPU flavor a
// notebook can be created with now. Nothing in stock fails `pulumi preview` and names the sold-out flavors.
const gpu = getNotebookFlavorsOutput({ category: "GPU", minVcpus: config.getNumber("minVcpus") });

const notebook = new Notebook(
  "gpu",
  {
    flavor: gpu.id,
    imageId: image.id,
    description: config.get("description") ?? "GPU notebook",
    volume: { category: "EVS", capacityGb: config.getNumber("volumeGb") ?? 50 },
    autoStop: { enabled: true, durationSeconds: 3600, type: "IDLE" },
  },
  {
    // What is in stock changes. Without this, a later `pulumi up` would move the notebook to whatever flavor is
    // smallest then (a stop and a start). To change the flavor on purpose, declare it and drop this line.
    ignoreChanges: ["flavor"],
  },
);

exports.id = notebook.id;
exports.name = notebook.name;
exports.flavor = notebook.flavor;
exports.image = notebook.image.apply((i) => i?.name ?? "");
exports.status = notebook.status;
exports.url = notebook.url;
