// The program of test/e2e/nativeTypescript.test.ts, on the native classes: a notebook whose image comes from the
// getNotebookImages invoke and a storage mount on it (default provider: stack config `modelarts:*`), a notebook in
// another project through an explicit Provider whose credentials are secrets, and the resources a test imported
// (`imported`: their inputs as `pulumi import` read them). Everything else comes from stack config too, `readTimeout`
// included: the notebook's `customTimeouts.read` resource option, which bounds its refresh.
import * as pulumi from "@pulumi/pulumi";
import * as modelarts from "pulumi-modelarts/native";

const config = new pulumi.Config();
const category = config.get("volumeCategory") ?? "EVS";
const readTimeout = config.get("readTimeout");

const image = modelarts.getNotebookImagesOutput({ name: "notebook2.0-mul-kernel-cpu-cp36" });

const dev = new modelarts.Notebook(
  "dev",
  {
    flavor: "modelarts.vm.cpu.2u",
    imageId: image.id,
    description: config.require("description"),
    volume: category === "EVS" ? { category: "EVS", capacityGb: 10 } : { category: "EFS" },
    // Longest lease: the time-scaled emulator must not stop the notebook on its own during the test.
    autoStop: { enabled: true, durationSeconds: 259200 },
    // A mount needs a running notebook.
    desiredStatus: "RUNNING",
    allowDataLossOnReplace: config.getBoolean("allowDataLossOnReplace"),
    timeouts: { create: "5m", update: "5m", delete: "5m" },
  },
  readTimeout === undefined ? {} : { customTimeouts: { read: readTimeout } },
);

const data = new modelarts.NotebookStorageMount("data", {
  notebookId: dev.notebookId,
  uri: "obs://e2e-bucket/data/",
  mountPath: "/data/e2e/",
});

// Another project, reached only through this provider's arguments (nothing of it is in stack config `modelarts:*`).
const other = new modelarts.Provider("other", {
  endpoint: config.require("otherEndpoint"),
  projectId: config.require("otherProjectId"),
  accessKey: config.requireSecret("otherAccessKey"),
  secretKey: config.requireSecret("otherSecretKey"),
});
const otherFlavor = modelarts.getNotebookFlavorsOutput({ category: "CPU" }, { provider: other });
const elsewhere = new modelarts.Notebook(
  "elsewhere",
  {
    flavor: otherFlavor.id,
    imageId: image.id,
    volume: { category: "EVS" },
    autoStop: { enabled: true, durationSeconds: 259200 },
  },
  { provider: other },
);

// What a test imported, declared as the imported inputs say (the code `pulumi import` would print).
const classes = {
  Notebook: modelarts.Notebook,
  NotebookStorageMount: modelarts.NotebookStorageMount,
  NotebookInstance: modelarts.NotebookInstance,
};
type Imported = { type: keyof typeof classes; name: string; args: Record<string, unknown> };
for (const { type, name, args } of config.getObject<Imported[]>("imported") ?? []) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the args are the imported inputs, as JSON
  new classes[type](name, args as any);
}

export const notebookId = dev.notebookId;
export const name = dev.name;
export const imageId = dev.imageId;
export const status = dev.status;
export const storageId = data.storageId;
export const elsewhereId = elsewhere.notebookId;
