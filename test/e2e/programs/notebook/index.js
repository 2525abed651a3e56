// The program test/e2e/notebookLifecycle.test.ts runs through the real Pulumi CLI. Every input comes from stack
// config (`modelarts-e2e-notebook:*`), so each step of the test changes config and runs `pulumi preview`/`up`.
const pulumi = require("@pulumi/pulumi");
const { Notebook } = require("pulumi-modelarts");

const config = new pulumi.Config();
const category = config.get("volumeCategory") ?? "EVS";

const main = new Notebook("main", {
  // No name: a generated one (`main-xxxxxxx`), stable across updates; a replacement gets a new one.
  flavor: config.require("flavor"),
  imageId: config.require("imageId"),
  description: config.require("description"),
  volume: category === "EVS" ? { category, capacityGb: config.requireNumber("capacityGb") } : { category },
  tags: config.requireObject("tags"),
  // Longest lease: the time-scaled emulator must not stop the notebook on its own during the test.
  autoStop: { enabled: true, durationSeconds: 259200 },
  desiredStatus: config.get("desiredStatus"),
  allowDataLossOnReplace: config.getBoolean("allowDataLossOnReplace"),
  timeouts: { create: "5m", update: "5m", delete: "5m" },
});

exports.id = main.id;
exports.name = main.name;
exports.status = main.status;
exports.url = main.url;
exports.flavor = main.flavor;
exports.image = main.image;
exports.volume = main.volume;
exports.failReason = main.failReason;

// A second notebook, declared when `second` is true (the test makes its create end in CREATE_FAILED).
if (config.getBoolean("second")) {
  const second = new Notebook("second", {
    flavor: "modelarts.vm.cpu.2u",
    imageId: config.require("imageId"),
    description: "second notebook",
    volume: { category: "EVS" },
    autoStop: { enabled: true, durationSeconds: 259200 },
    timeouts: { create: "5m", delete: "5m" },
  });
  exports.secondStatus = second.status;
}
