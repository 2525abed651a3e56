// The quickstart: one notebook instance with auto-stop. Settings come from stack config (Pulumi.<stack>.yaml):
// `quickstart:*` for the instance, `modelarts:*` for the endpoint and credentials.
const pulumi = require("@pulumi/pulumi");
const { NotebookInstance } = require("pulumi-modelarts");

const config = new pulumi.Config();

const notebook = new NotebookInstance("dev", {
  profileId: config.get("profileId") ?? "Multi-Engine 1.0 (python3)-cpu",
  flavor: config.get("flavor") ?? "modelarts.vm.cpu.2u",
  description: config.get("description") ?? "quickstart notebook",
  storage: { path: config.get("storagePath") ?? "/my-bucket/notebooks/dev/" },
  autoStop: { enabled: true, durationSeconds: config.getNumber("autoStopSeconds") ?? 3600 },
  timeouts: { create: config.get("createTimeout") ?? "30m" },
});

exports.id = notebook.id;
exports.name = notebook.name;
exports.status = notebook.status;
exports.url = notebook.url;
