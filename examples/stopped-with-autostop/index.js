// A notebook that exists but stays stopped (no billing for compute) until someone needs it. When someone starts
// it from the console, auto-stop stops it again after two hours. `desiredStatus: "STOPPED"` makes Pulumi enforce
// the stopped state: a refresh after a manual start shows the drift, and `pulumi up` stops it again.
const { NotebookInstance } = require("pulumi-modelarts");

const notebook = new NotebookInstance("standby", {
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.8u",
  description: "standby notebook, stopped unless in use",
  storage: { path: "/my-bucket/notebooks/standby/" },
  autoStop: { enabled: true, durationSeconds: 7200 },
  desiredStatus: "STOPPED",
});

exports.status = notebook.status;
exports.autoStopSeconds = notebook.autoStop.apply((a) => a.durationSeconds);
