// The program test/e2e/progress.test.ts runs through the real Pulumi CLI: two instances, one at the top level
// and one inside a TeamNotebooks component, so each progress line must be told apart by its resource.
const { NotebookInstance, TeamNotebooks } = require("pulumi-modelarts");

new NotebookInstance("solo", {
  name: "progress-solo",
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storage: { path: "/e2e-bucket/notebooks/solo/" },
  timeouts: { create: "5m", delete: "5m" },
});

new TeamNotebooks("team", {
  members: ["ann"],
  namePrefix: "progress-team",
  // The test knows each instance by name: exactly progress-team-ann, not a generated one.
  fixedNames: true,
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storageRoot: "/e2e-bucket/notebooks/team/",
});
