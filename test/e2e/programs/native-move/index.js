// The program of test/e2e/nativeMove.test.ts: the same three resources on the dynamic classes (`pulumi-modelarts`)
// or, with config `classes: native`, on the native classes (`pulumi-modelarts/native`), as a user moves a stack:
// only the import changes. The settings come from the environment.
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const modelarts = config.get("classes") === "native" ? require("pulumi-modelarts/native") : require("pulumi-modelarts");

const dev = new modelarts.Notebook("dev", {
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  description: "moved without a replacement",
  volume: { category: "EVS", capacityGb: 10 },
  // Longest lease: the time-scaled emulator must not stop the notebook on its own during the test.
  autoStop: { enabled: true, durationSeconds: 259200 },
  desiredStatus: "RUNNING",
  tags: { team: "ml" },
});

const data = new modelarts.NotebookStorageMount("data", {
  notebookId: dev.id,
  uri: "obs://e2e-bucket/data/",
  mountPath: "/data/e2e/",
});

const v1 = new modelarts.NotebookInstance("v1", {
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storage: { type: "obs", path: "/e2e-bucket/v1/" },
  autoStop: { enabled: true, durationSeconds: 3600 },
});

exports.notebookId = dev.id;
exports.notebookName = dev.name;
exports.storageId = data.id;
exports.instanceId = v1.id;
exports.instanceName = v1.name;
