// A team's notebooks from the reusable TeamNotebooks component: shared flavor, image and auto-stop policy, one
// OBS directory per member, and a map of member → Jupyter URL as the stack output.
const pulumi = require("@pulumi/pulumi");
const { TeamNotebooks } = require("pulumi-modelarts");

const config = new pulumi.Config();

const team = new TeamNotebooks("ml-team", {
  members: config.getObject("members") ?? ["alice", "bob", "carol"],
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: config.get("flavor") ?? "modelarts.vm.cpu.2u",
  storageRoot: config.get("storageRoot") ?? "/ml-team-bucket/notebooks/",
  autoStop: { enabled: true, durationSeconds: 3600 },
  description: "team notebook",
});

exports.urls = team.urls;
