// Prints the `__provider` that Pulumi's closure serializer produces for a real NotebookInstance, using the
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

const { NotebookInstance } = require("pulumi-modelarts");
new NotebookInstance("dev", { profileId: "p", flavor: "f", storage: { path: "/b/d/" } });

const deadline = Date.now() + 10_000;
const timer = setInterval(() => {
  if (inputs?.__provider || Date.now() > deadline) {
    clearInterval(timer);
    process.stdout.write(JSON.stringify({ provider: inputs?.__provider, ownerKey: inputs?.__ownerKey }));
  }
}, 20);
