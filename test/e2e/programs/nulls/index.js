// The program test/e2e/nullAnswers.test.ts runs through the real Pulumi CLI against an emulator that writes unset
// fields as null: one NotebookInstance and one Notebook, with the inputs whose answers carry the most fields
// (auto-stop, tags, an SSH key, a declared power state). `description` comes from stack config, for an update.
const pulumi = require("@pulumi/pulumi");
const { Notebook, NotebookInstance } = require("pulumi-modelarts");

const config = new pulumi.Config();
const description = config.get("description") ?? "";

const v1 = new NotebookInstance("v1", {
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storage: { path: "/e2e-bucket/nulls/" },
  autoStop: { enabled: true, durationSeconds: 3600 },
  description,
  desiredStatus: "RUNNING",
});

const v2 = new Notebook("v2", {
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  volume: { category: "EVS", capacityGb: 5 },
  ssh: { keyPairName: "e2e-key" },
  autoStop: { enabled: true, durationSeconds: 3600 },
  tags: { team: "ml" },
  description,
  desiredStatus: "RUNNING",
});

exports.v1 = { id: v1.id, status: v1.status, url: v1.url, profile: v1.profile, flavorDetails: v1.flavorDetails };
exports.v2 = { id: v2.id, status: v2.status, url: v2.url, image: v2.image, lease: v2.lease, sshUri: v2.sshUri };
