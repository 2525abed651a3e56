// Prints the `__provider` that Pulumi's closure serializer produces for a real NotebookStorageMount, using the
// compiled SDK (as a user program would) under pulumi.runtime.setMocks. Run with the repository as cwd.
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

const { NotebookStorageMount } = require("pulumi-modelarts");
new NotebookStorageMount("datasets", {
  notebookId: "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d",
  uri: "obs://bucket/datasets/",
  mountPath: "/data/datasets/",
});

const deadline = Date.now() + 10_000;
const timer = setInterval(() => {
  if (inputs?.__provider || Date.now() > deadline) {
    clearInterval(timer);
    process.stdout.write(JSON.stringify({ provider: inputs?.__provider, urn: inputs?.__urn }));
  }
}, 20);
