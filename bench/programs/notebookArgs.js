// The arguments of the bench's i-th Notebook, shared by the dynamic stack (notebooks/) and the native one
// (native-notebooks/): the native section compares the two kinds of classes, which holds only while both
// declare the very same notebooks.
exports.notebookArgs = (description, i) => ({
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  description: `${description} ${i}`,
  volume: { category: "EVS" },
  autoStop: { enabled: true, durationSeconds: 3600 },
});
