/**
 * Flavors the emulated region sells to notebooks [notebooks §10]. The CPU 2u entry copies the
 * OTC ListFlavors example; the others extend it in the same style. `memory` is in KiB as in the examples
 * (8 GB = 8388608). One GPU flavor is sold out from the start and one free flavor exists per feature, so
 * clients meet `sold_out: true` and `free: true` without admin calls.
 */
import type { NotebookFeature } from "../../protocol/notebooks/wireTypes.js";
import { findNotebookImage } from "./imageCatalog.js";
import type { NotebookSwitches } from "./switches.js";

export type NotebookFlavorCategory = "CPU" | "GPU" | "ASCEND";

export interface NotebookFlavorSpec {
  id: string;
  name: string;
  arch: "x86_64" | "aarch64";
  category: NotebookFlavorCategory;
  description: string;
  feature: NotebookFeature;
  free: boolean;
  /** Sold out unless the admin API says otherwise. */
  soldOut: boolean;
  storages: readonly string[];
  vcpus: number;
  memoryGiB: number;
  gpu?: { gpu: number; gpu_memory: number; type: string };
  ascend?: { npu: number; npu_memory: string; type: string };
  /** `flavor_type` filter value (Ascend only, [notebooks §10.1]). */
  flavorType?: string;
}

const CPU_DESCRIPTION = "General-purpose Intel CPU flavor, ideal for rapid data exploration and experiments";
const GPU_DESCRIPTION = "GPU flavor for deep learning training and inference debugging";
const ALL_STORAGES = ["EVS", "OBSFS", "EFS", "OBS"] as const;
/** What the billed x86 notebook flavors of a category have in common (one of them starts sold out). */
const billedX86 = (category: "CPU" | "GPU", description: string) =>
  ({
    arch: "x86_64",
    category,
    description,
    feature: "NOTEBOOK",
    free: false,
    soldOut: false,
    storages: ALL_STORAGES,
  }) as const;

export const NOTEBOOK_FLAVORS: readonly NotebookFlavorSpec[] = [
  {
    id: "modelarts.vm.cpu.2u",
    name: "CPU: 2 vCPUs 8 GB",
    ...billedX86("CPU", CPU_DESCRIPTION),
    vcpus: 2,
    memoryGiB: 8,
  },
  {
    id: "modelarts.vm.cpu.8u",
    name: "CPU: 8 vCPUs 32 GB",
    ...billedX86("CPU", CPU_DESCRIPTION),
    vcpus: 8,
    memoryGiB: 32,
  },
  {
    id: "modelarts.vm.cpu.16u",
    name: "CPU: 16 vCPUs 64 GB",
    ...billedX86("CPU", CPU_DESCRIPTION),
    vcpus: 16,
    memoryGiB: 64,
  },
  {
    id: "modelarts.vm.cpu.free",
    name: "CPU: 1 vCPUs 4 GB (free)",
    arch: "x86_64",
    category: "CPU",
    description: "Free CPU flavor for CodeLab",
    // The OTC delete and list examples pair modelarts.vm.cpu.free with feature DEFAULT [notebooks §3].
    feature: "DEFAULT",
    free: true,
    soldOut: false,
    storages: ["EVS"],
    vcpus: 1,
    memoryGiB: 4,
  },
  {
    id: "modelarts.vm.cpu.2u.free",
    name: "CPU: 2 vCPUs 8 GB (limited-time free)",
    arch: "x86_64",
    category: "CPU",
    description: CPU_DESCRIPTION,
    feature: "NOTEBOOK",
    free: true,
    soldOut: false,
    storages: ["EVS"],
    vcpus: 2,
    memoryGiB: 8,
  },
  {
    id: "modelarts.vm.gpu.p100",
    name: "GPU: 1*NVIDIA-P100(16GB) | CPU: 8 vCPUs 64GB",
    ...billedX86("GPU", GPU_DESCRIPTION),
    soldOut: true,
    vcpus: 8,
    memoryGiB: 64,
    gpu: { gpu: 1, gpu_memory: 16, type: "P100" },
  },
  {
    id: "modelarts.vm.gpu.v100",
    name: "GPU: 1*NVIDIA-V100(32GB) | CPU: 8 vCPUs 64GB",
    ...billedX86("GPU", GPU_DESCRIPTION),
    vcpus: 8,
    memoryGiB: 64,
    gpu: { gpu: 1, gpu_memory: 32, type: "V100" },
  },
  {
    id: "modelarts.vm.gpu.t4",
    name: "GPU: 1*NVIDIA-T4(16GB) | CPU: 8 vCPUs 32GB",
    ...billedX86("GPU", GPU_DESCRIPTION),
    vcpus: 8,
    memoryGiB: 32,
    gpu: { gpu: 1, gpu_memory: 16, type: "T4" },
  },
  {
    id: "modelarts.bm.snt9.xlarge.2",
    name: "Ascend: 2*Ascend-snt9(32GB) | ARM: 48 vCPUs 192GB",
    arch: "aarch64",
    category: "ASCEND",
    description: "The specification is suitable for deep learning code running and debugging",
    feature: "NOTEBOOK",
    free: false,
    soldOut: false,
    storages: ["EFS"],
    vcpus: 48,
    memoryGiB: 192,
    ascend: { npu: 2, npu_memory: "32GB", type: "snt9" },
    flavorType: "ASCEND_SNT9",
  },
];

/** The code a notebook created with `custom_spec` reports as its flavor [notebooks §3]. */
export const CUSTOM_FLAVOR_CODE = "custom.flavor.spec.code";

export function findNotebookFlavor(id: string): NotebookFlavorSpec | undefined {
  return NOTEBOOK_FLAVORS.find((f) => f.id === id);
}

/** Sold out: the catalogue's mark unless the admin API overrode it (stored in the state file). */
export function isSoldOut(flavor: NotebookFlavorSpec, overrides: Readonly<Record<string, boolean>>): boolean {
  return overrides[flavor.id] ?? flavor.soldOut;
}

/**
 * Flavors a notebook can switch to [notebooks §10.2]: the same architecture and feature, billed (a billed notebook
 * cannot become free), not its own, and of its own category or, with the `imageCategories` rule, of any category
 * its image runs on. The docs do not say which flavors qualify ([notebooks §19] question 13); `sameCategory` is the
 * narrowest rule that matches the OTC example (two Ascend flavors of one family). Sold-out flavors are listed, with
 * their mark. A notebook of an unknown or custom flavor can switch to none.
 */
export function switchableFlavors(
  notebook: { flavor: string; imageId: string },
  rule: NotebookSwitches["switchableFlavors"],
): NotebookFlavorSpec[] {
  const from = findNotebookFlavor(notebook.flavor);
  if (from === undefined) return [];
  const categories = new Set<string>([from.category]);
  if (rule === "imageCategories") {
    for (const category of findNotebookImage(notebook.imageId)?.resourceCategories ?? []) categories.add(category);
  }
  return NOTEBOOK_FLAVORS.filter(
    (f) =>
      f.id !== from.id && categories.has(f.category) && f.arch === from.arch && f.feature === from.feature && !f.free,
  );
}

/** The wire NotebookFlavor [notebooks §10.1]. */
export function flavorWire(flavor: NotebookFlavorSpec, soldOut: boolean): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    arch: flavor.arch,
    billing: { code: flavor.id, unit_num: 1 },
    category: flavor.category,
    description: flavor.description,
    feature: flavor.feature,
    free: flavor.free,
    id: flavor.id,
    memory: flavor.memoryGiB * 1024 * 1024,
    name: flavor.name,
    sold_out: soldOut,
    storages: [...flavor.storages],
    vcpus: flavor.vcpus,
  };
  if (flavor.gpu !== undefined) wire.gpu = { ...flavor.gpu };
  if (flavor.ascend !== undefined) wire.ascend = { ...flavor.ascend };
  if (flavor.storages.includes("EVS")) wire.evs_max_size = "4096";
  return wire;
}
