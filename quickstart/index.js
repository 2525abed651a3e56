// The quickstart: one notebook (the notebooks API) with its image looked up by name, a cloud disk and an auto-stop.
// Settings come from stack config (Pulumi.<stack>.yaml): `quickstart:*` for the notebook, `modelarts:*` for the
// endpoint and credentials.
const pulumi = require("@pulumi/pulumi");
const { Notebook, getNotebookImagesOutput } = require("pulumi-modelarts");

const config = new pulumi.Config();

// Image ids differ between regions; names do not. A missing name fails `pulumi preview`, listing similar names.
const image = getNotebookImagesOutput({ name: config.get("imageName") ?? "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" });

const notebook = new Notebook("dev", {
  flavor: config.get("flavor") ?? "modelarts.vm.cpu.2u",
  imageId: image.id,
  description: config.get("description") ?? "quickstart notebook",
  volume: { category: "EVS", capacityGb: config.getNumber("volumeGb") ?? 5 },
  autoStop: { enabled: true, durationSeconds: config.getNumber("autoStopSeconds") ?? 3600 },
  timeouts: { create: config.get("createTimeout") ?? "30m" },
});

exports.id = notebook.id;
exports.name = notebook.name;
exports.status = notebook.status;
exports.url = notebook.url;
