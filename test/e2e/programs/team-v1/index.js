// The NotebookInstance (demanager v1) team of examples/team/README.md: the 0.1 arguments, plus one member with
// settings of its own. test/e2e/examples.test.ts runs two stacks of it side by side.
const { TeamNotebooks } = require("pulumi-modelarts");

const team = new TeamNotebooks("ml-team", {
  members: { alice: {}, bob: { flavor: "modelarts.vm.cpu.8u", desiredStatus: "STOPPED" } },
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storageRoot: "/ml-team-bucket/notebooks/",
  autoStop: { enabled: true, durationSeconds: 3600 },
});

exports.urls = team.urls;
exports.names = team.names;
