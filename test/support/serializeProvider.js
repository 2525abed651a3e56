// Prints the `__provider` (and `__ownerKey`, `__urn`) that Pulumi's closure serializer produces for a real resource
// of the kind named by the first argument (NotebookInstance by default, Notebook, NotebookStorageMount), using the
// compiled SDK as a user program would, under pulumi.runtime.setMocks. Run with the repository as cwd.
const pulumi = require("@pulumi/pulumi");

let inputs;
pulumi.runtime.setMocks(
  {
    newResource(args) {
      inputs = args.inputs;
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call() {
      return {};
    },
  },
  "modelarts-test",
  "dev",
);

const sdk = require("pulumi-modelarts");
const kind = process.argv[2] ?? "NotebookInstance";
const samples = {
  NotebookInstance: () => new sdk.NotebookInstance("dev", { profileId: "p", flavor: "f", storage: { path: "/b/d/" } }),
  Notebook: () =>
    new sdk.Notebook("dev", {
      flavor: "modelarts.vm.cpu.2u",
      imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
      volume: { category: "EVS" },
    }),
  NotebookStorageMount: () =>
    new sdk.NotebookStorageMount("datasets", {
      notebookId: "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d",
      uri: "obs://bucket/datasets/",
      mountPath: "/data/datasets/",
    }),
};
if (!samples[kind]) throw new Error(`unknown resource kind ${kind}`);
samples[kind]();

const deadline = Date.now() + 10_000;
const timer = setInterval(() => {
  if (inputs?.__provider || Date.now() > deadline) {
    clearInterval(timer);
    process.stdout.write(
      JSON.stringify({ provider: inputs?.__provider, ownerKey: inputs?.__ownerKey, urn: inputs?.__urn }),
    );
  }
}, 20);
