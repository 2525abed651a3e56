// The program of test/e2e/notebookLookupAndMounts.test.ts: a notebook with a storage mount, the notebooks lookup
// as a program uses it (the stack's own notebook by its name and by its tag, one made outside Pulumi by its name),
// and, once stack config names it (`adoptId`), that notebook adopted by the id the lookup found.
const pulumi = require("@pulumi/pulumi");
const { Notebook, NotebookStorageMount, getNotebooks, getNotebooksOutput } = require("pulumi-modelarts");

const config = new pulumi.Config();
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
// Longest lease: the time-scaled emulator must not stop a notebook on its own during the test.
const autoStop = { enabled: true, durationSeconds: 259200 };
const timeouts = { create: "5m", update: "5m", delete: "5m" };

const main = new Notebook("main", {
  flavor: "modelarts.vm.cpu.2u",
  imageId: IMAGE,
  volume: { category: "EVS" },
  tags: { team: "lookup-e2e" },
  autoStop,
  desiredStatus: "RUNNING",
  timeouts,
});

const data = new NotebookStorageMount("data", {
  notebookId: main.id,
  uri: "obs://e2e-bucket/data/",
  mountPath: "/data/e2e/",
});

// Looked up once the notebook exists (its name is known only then).
exports.byName = getNotebooksOutput({ name: main.name }).notebooks;
exports.byTag = main.id.apply(() => getNotebooks({ tags: { team: "lookup-e2e" } })).notebooks;
exports.outside = getNotebooksOutput({ name: config.require("outsideName") }).notebooks;
exports.notebookId = main.id;
exports.mounts = main.mounts;
exports.storageId = data.storageId;

const adoptId = config.get("adoptId");
if (adoptId) {
  const adopted = new Notebook("adopted", {
    adoptId,
    flavor: "modelarts.vm.cpu.2u",
    imageId: IMAGE,
    volume: { category: "EVS" },
    autoStop,
    timeouts,
  });
  exports.adoptedAfter = adopted.id.apply(() => getNotebooks({ name: config.require("outsideName") })).notebooks;
}
