// The benchmark's stack: `modelarts-bench:count` notebook instances, each with a generated name (the default when
// `name` is not declared), as a user would declare a team's notebooks. The endpoint and credentials come from the
// environment (bench/lib/env.ts), so no stack config holds them.
const pulumi = require("@pulumi/pulumi");
const { NotebookInstance } = require("pulumi-modelarts");

const config = new pulumi.Config();
const count = config.requireNumber("count");

const notebooks = [];
for (let i = 0; i < count; i++) {
  const name = `nb-${String(i).padStart(2, "0")}`;
  notebooks.push(
    new NotebookInstance(name, {
      profileId: "Multi-Engine 1.0 (python3)-cpu",
      flavor: "modelarts.vm.cpu.2u",
      description: `benchmark notebook ${i}`,
      storage: { path: `/bench-bucket/notebooks/${name}/` },
      autoStop: { enabled: true, durationSeconds: 3600 },
    }),
  );
}

exports.ids = notebooks.map((n) => n.id);
