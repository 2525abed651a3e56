// test/e2e/settingsAtPreview.test.ts previews this program with missing or invalid settings.
const { Notebook, NotebookInstance } = require("pulumi-modelarts");

new NotebookInstance("v1", {
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storage: { path: "/e2e-bucket/settings/" },
});
new Notebook("v2", {
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  volume: { category: "EVS" },
});
