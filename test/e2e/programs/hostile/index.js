// The program test/e2e/hostileAnswers.test.ts runs through the real Pulumi CLI: one NotebookInstance and one
// Notebook, and, when stack config asks, a pair made while the service garbles its answers (`garbled`) and a pair
// that declares the names of someone else's instances (`namesakes`).
const pulumi = require("@pulumi/pulumi");
const { Notebook, NotebookInstance } = require("pulumi-modelarts");

const config = new pulumi.Config();
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
// Short: a fault that made a wait hopeless should fail the step, not stall the test.
const timeouts = { create: "2m", update: "2m", delete: "1m" };

function instance(resourceName, args) {
  return new NotebookInstance(resourceName, {
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: `/e2e-bucket/hostile/${resourceName}/` },
    timeouts,
    ...args,
  });
}

function notebook(resourceName, args) {
  return new Notebook(resourceName, {
    flavor: "modelarts.vm.cpu.2u",
    imageId: IMAGE,
    volume: { category: "EVS" },
    // Off: the time-scaled emulator must not stop a notebook on its own during the test.
    autoStop: { enabled: false },
    timeouts,
    ...args,
  });
}

const v1 = instance("v1", { name: "hostile-v1" });
const v2 = notebook("v2", { name: "hostile-v2" });
exports.v1 = v1.id;
exports.v2 = v2.id;

if (config.getBoolean("garbled")) {
  exports.garbledV1 = instance("garbledV1", {}).id;
  exports.garbledV2 = notebook("garbledV2", {}).id;
}

if (config.getBoolean("namesakes")) {
  exports.namesakeV1 = instance("namesakeV1", { name: config.require("foreignV1Name") }).id;
  exports.namesakeV2 = notebook("namesakeV2", { name: config.require("foreignV2Name") }).id;
}
