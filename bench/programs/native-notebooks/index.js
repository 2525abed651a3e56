// The native section's stack: `modelarts-bench-native:count` Notebooks as bench/programs/notebooks declares them
// (resource `Notebook`, the same arguments: ../notebookArgs.js), on the native classes (`pulumi-modelarts/native`)
// and so the native provider plugin.
// The endpoint and credentials come from the environment (bench/lib/env.ts), as for the dynamic stack.
const pulumi = require("@pulumi/pulumi");
const { Notebook } = require("pulumi-modelarts/native");
const { notebookArgs } = require("../notebookArgs.js");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const description = config.get("description") ?? "benchmark notebook";

const ids = [];
for (let i = 0; i < count; i++) {
  const name = `nb-${String(i).padStart(2, "0")}`;
  const notebook = new Notebook(name, notebookArgs(description, i));
  ids.push(notebook.id);
}

exports.ids = ids;
