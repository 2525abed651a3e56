// The benchmark's stack: `modelarts-bench:count` notebooks of one API family, each with a generated name (the
// default when `name` is not declared), as a user would declare a team's notebooks:
// - `modelarts-bench:resource` = `NotebookInstance` (the demanager v1 API; the default), `Notebook` (the
//   notebooks v2 API) or `all` (one of each and a NotebookStorageMount on the Notebook, per index: the state
//   section's stack).
// The endpoint and credentials come from the environment (bench/lib/env.ts), so no stack config holds them.
const pulumi = require("@pulumi/pulumi");
const { Notebook, NotebookInstance, NotebookStorageMount } = require("pulumi-modelarts");
const { notebookArgs } = require("../notebookArgs.js");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const resource = config.get("resource") ?? "NotebookInstance";
// The native section changes it to preview and apply an update of every notebook.
const description = config.get("description") ?? "benchmark notebook";

const ids = [];
for (let i = 0; i < count; i++) {
  const name = `nb-${String(i).padStart(2, "0")}`;
  if (resource !== "NotebookInstance" && resource !== "Notebook" && resource !== "all") {
    throw new Error(`modelarts-bench:resource must be NotebookInstance, Notebook or all, not ${resource}`);
  }
  if (resource === "NotebookInstance" || resource === "all") {
    const instance = new NotebookInstance(resource === "all" ? `${name}-v1` : name, {
      profileId: "Multi-Engine 1.0 (python3)-cpu",
      flavor: "modelarts.vm.cpu.2u",
      description: `${description} ${i}`,
      storage: { path: `/bench-bucket/notebooks/${name}/` },
      autoStop: { enabled: true, durationSeconds: 3600 },
    });
    ids.push(instance.id);
  }
  if (resource === "Notebook" || resource === "all") {
    const notebook = new Notebook(resource === "all" ? `${name}-v2` : name, notebookArgs(description, i));
    ids.push(notebook.id);
    if (resource === "all") {
      const mount = new NotebookStorageMount(`${name}-data`, {
        notebookId: notebook.notebookId,
        uri: `obs://bench-bucket/datasets/${name}/`,
        mountPath: "/data/datasets/",
      });
      ids.push(mount.id);
    }
  }
}

exports.ids = ids;
