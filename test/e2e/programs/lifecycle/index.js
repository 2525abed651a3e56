// The program test/e2e/lifecycle.test.ts runs through the real Pulumi CLI. Every input comes from stack config
// (`modelarts-e2e-lifecycle:*`), so each step of the test changes config and runs `pulumi preview`/`up`.
const pulumi = require("@pulumi/pulumi");
const { NotebookInstance } = require("pulumi-modelarts");

const config = new pulumi.Config();

const main = new NotebookInstance("main", {
  // An explicit name: a replacement must delete the old instance first (names are unique).
  name: config.require("name"),
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: config.require("flavor"),
  description: config.require("description"),
  storage: { path: "/e2e-bucket/notebooks/main/" },
  autoStop: { enabled: true, durationSeconds: config.requireNumber("autoStopSeconds") },
  timeouts: { create: "5m", update: "5m", delete: "5m" },
});

exports.id = main.id;
exports.name = main.name;
exports.status = main.status;
exports.url = main.url;
exports.flavor = main.flavor;

// A second instance, declared when `second` is true (the test makes its create fail after the POST).
if (config.getBoolean("second")) {
  const second = new NotebookInstance("second", {
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    description: "second notebook",
    storage: { path: "/e2e-bucket/notebooks/second/" },
    timeouts: { create: "5m", delete: "5m" },
  });
  exports.secondStatus = second.status;
}
