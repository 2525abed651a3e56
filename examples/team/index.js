// A team's notebooks from the reusable TeamNotebooks component: one Notebook (the notebooks API) per member with
// shared defaults (flavor, image looked up by name, volume, auto-stop, tags), a few members with settings of their
// own, and maps of member -> JupyterLab URL and member -> notebook name as stack outputs. Names are generated per
// stack (`ml-team-alice-<7 characters>`), so a dev and a prod stack of this program never meet.
const pulumi = require("@pulumi/pulumi");
const { TeamNotebooks, getNotebookImagesOutput } = require("pulumi-modelarts");

const config = new pulumi.Config();

// The image's id, found by its exact name (a missing name fails `pulumi preview` with similar names listed).
const image = getNotebookImagesOutput({ name: config.get("imageName") ?? "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04" });

const team = new TeamNotebooks("ml-team", {
  kind: "Notebook",
  // Member -> the member's own settings ({} for none); each replaces the team's value of that field.
  // Stack config `members` (a JSON object or list of names) replaces this.
  members: config.getObject("members") ?? {
    alice: {},
    bob: { volume: { category: "EVS", capacityGb: 50 } },
    carol: { flavor: "modelarts.vm.cpu.8u", autoStop: { enabled: true, durationSeconds: 14400 } },
  },
  flavor: config.get("flavor") ?? "modelarts.vm.cpu.2u",
  imageId: image.id,
  volume: { category: "EVS", capacityGb: 20 },
  autoStop: { enabled: true, durationSeconds: 3600 },
  description: "team notebook",
  tags: { team: "ml-team" },
});

exports.urls = team.urls;
exports.names = team.names;
