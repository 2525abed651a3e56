// The native section's stack: `modelarts-bench-native:count` Notebooks as bench/programs/notebooks declares them
// (resource `Notebook`), on the native classes (`pulumi-modelarts/native`) and so the native provider plugin.
// The endpoint and credentials come from the environment (bench/lib/env.ts), as for the dynamic stack.
const pulumi = require("@pulumi/pulumi");
const { Notebook } = require("pulumi-modelarts/native");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const description = config.get("description") ?? "benchmark notebook";

const ids = [];
for (let i = 0; i < count; i++) {
  const name = `nb-${String(i).padStart(2, "0")}`;
  const notebook = new Notebook(name, {
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    description: `${description} ${i}`,
    volume: { category: "EVS" },
    autoStop: { enabled: true, durationSeconds: 3600 },
  });
  ids.push(notebook.id);
}

exports.ids = ids;
