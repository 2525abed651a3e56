// The program test/e2e/ownerMarks.test.ts runs as two people would: one copy each, a stack `dev` each, each on their
// own state backend, against one Huawei project (the emulator). Each kind of owner mark is here: a Notebook (tag and
// generated name), a NotebookInstance (annotation and generated name) and a TeamNotebooks member.
const pulumi = require("@pulumi/pulumi");
const { Notebook, NotebookInstance, TeamNotebooks } = require("pulumi-modelarts");

const config = new pulumi.Config();
const imageId = config.require("imageId");
const timeouts = { create: "5m", update: "5m", delete: "5m" };
// Longest lease: the time-scaled emulator must not stop the notebooks on their own during the test.
const autoStop = { enabled: true, durationSeconds: 259200 };

const main = new Notebook("main", {
  flavor: "modelarts.vm.cpu.2u",
  imageId,
  volume: { category: config.get("volumeCategory") ?? "EVS" },
  autoStop,
  timeouts,
});

const inst = new NotebookInstance("inst", {
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storage: { path: "/team-bucket/owner-marks/" },
  timeouts,
});

const team = new TeamNotebooks("team", {
  kind: "Notebook",
  members: ["carol"],
  flavor: "modelarts.vm.cpu.2u",
  imageId,
  autoStop,
  timeouts,
});

// Set by the test: take over a notebook by id (another stack's, to see it refused at preview).
const adoptId = config.get("adoptId");
if (adoptId) {
  new Notebook("taken", { adoptId, flavor: "modelarts.vm.cpu.2u", imageId, volume: { category: "EVS" }, timeouts });
}

exports.mainId = main.id;
exports.mainName = main.name;
exports.instId = inst.id;
exports.instName = inst.name;
exports.teamNames = team.names;
