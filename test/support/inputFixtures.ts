/**
 * Checked inputs of a small CPU object of each resource, as check leaves them (its defaults filled in): what the
 * pure tests of diff, mapping and the native host's previews start from, each changing what it is about.
 */
import type { NotebookInputs } from "../../provider/notebook/types.js";
import type { NotebookInstanceInputs } from "../../provider/notebookInstance/types.js";

export const NOTEBOOK_INPUTS = {
  name: "nb",
  description: "",
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  workspaceId: "0",
  volume: { category: "EVS", ownership: "MANAGED", capacityGb: 10 },
  autoStop: { enabled: true, durationSeconds: 3600, type: "TIMING" },
} satisfies NotebookInputs;

export const INSTANCE_INPUTS = {
  name: "dev",
  profileId: "Multi-Engine 2.0 (python3)",
  flavor: "modelarts.vm.cpu.2u",
  description: "",
  storage: { type: "obs", path: "/bucket/dev/" },
  autoStop: { enabled: true, durationSeconds: 3600, prompt: true },
  workspaceId: "0",
} satisfies NotebookInstanceInputs;
