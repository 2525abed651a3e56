// The program of the lifecycle scenario (test/support/lifecycleScenario.ts), which test/e2e/lifecycle.test.ts
// (NotebookInstance) and notebookLifecycle.test.ts (Notebook) run through the real Pulumi CLI. Every input comes from
// stack config (`modelarts-e2e-lifecycle:*`; `resource` names the class), so each step of a test changes config and
// runs `pulumi preview`/`up`.
const pulumi = require("@pulumi/pulumi");
const { Notebook, NotebookInstance } = require("pulumi-modelarts");

const config = new pulumi.Config();

/** Each class's `main`, its outputs beyond the ones every class has, and `second`, whose create the tests make fail. */
const declarations = {
  NotebookInstance: {
    main: () =>
      new NotebookInstance("main", {
        // An explicit name: a replacement must delete the old instance first (names are unique).
        name: config.require("name"),
        profileId: "Multi-Engine 1.0 (python3)-cpu",
        flavor: config.require("flavor"),
        description: config.require("description"),
        storage: { path: "/e2e-bucket/notebooks/main/" },
        autoStop: { enabled: true, durationSeconds: config.requireNumber("autoStopSeconds") },
        timeouts: { create: "5m", update: "5m", delete: "5m" },
      }),
    outputs: [],
    second: () =>
      new NotebookInstance("second", {
        profileId: "Multi-Engine 1.0 (python3)-cpu",
        flavor: "modelarts.vm.cpu.2u",
        description: "second notebook",
        storage: { path: "/e2e-bucket/notebooks/second/" },
        timeouts: { create: "5m", delete: "5m" },
      }),
  },
  Notebook: {
    main: () => {
      const category = config.get("volumeCategory") ?? "EVS";
      return new Notebook("main", {
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
    },
    outputs: ["image", "volume", "failReason"],
    second: () =>
      new Notebook("second", {
        flavor: "modelarts.vm.cpu.2u",
        imageId: config.require("imageId"),
        description: "second notebook",
        volume: { category: "EVS" },
        autoStop: { enabled: true, durationSeconds: 259200 },
        timeouts: { create: "5m", delete: "5m" },
      }),
  },
};

const declared = declarations[config.require("resource")];
const main = declared.main();
for (const output of ["id", "name", "status", "url", "flavor", ...declared.outputs]) exports[output] = main[output];

// A second one, declared when `second` is true.
if (config.getBoolean("second")) exports.secondStatus = declared.second().status;
