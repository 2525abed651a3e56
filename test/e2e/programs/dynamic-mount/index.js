// The program of test/e2e/dynamicMountPreview.test.ts: a notebook and a storage mount on it, the mount taking the
// notebook's id as the README teaches. `description` and `mountOn` come from stack config.
const pulumi = require("@pulumi/pulumi");
const { Notebook, NotebookStorageMount } = require("pulumi-modelarts");

const config = new pulumi.Config();

const dev = new Notebook("dev", {
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  description: config.require("description"),
  volume: { category: "EVS" },
  // Longest lease: the time-scaled emulator must not stop the notebook on its own during the test.
  autoStop: { enabled: true, durationSeconds: 259200 },
  desiredStatus: "RUNNING",
  timeouts: { create: "5m", update: "5m", delete: "5m" },
});

// `id` (the default) stays known while the notebook's update is previewed; `notebookId` is the other output that
// holds the same value, for the test that shows why the README teaches `id`.
const notebookId = config.get("mountOn") === "notebookId" ? dev.notebookId : dev.id;

const data = new NotebookStorageMount("data", {
  notebookId,
  uri: "obs://e2e-bucket/data/",
  mountPath: "/data/e2e/",
});

exports.notebookId = dev.notebookId;
exports.storageId = data.storageId;
