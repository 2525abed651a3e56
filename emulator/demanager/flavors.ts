/**
 * Flavors the emulated region sells. Names come from the doc versions and response samples [demanager §2.3];
 * `params` copy the sample `flavor_details.params` (Ascend, GPU v100NV32, CPU 2u) and extend them in
 * the same style for the others. Free flavors queue before they start [demanager §4].
 */

export type FlavorType = "CPU" | "GPU" | "Ascend";

export interface Flavor {
  name: string;
  type: FlavorType;
  free: boolean;
  params: Record<string, string | number>;
}

export const FLAVORS: readonly Flavor[] = [
  { name: "modelarts.vm.cpu.2u", type: "CPU", free: false, params: { CPU: 2, GPU: 0, memory: "8GiB" } },
  { name: "modelarts.vm.cpu.8u", type: "CPU", free: false, params: { CPU: 8, GPU: 0, memory: "32GiB" } },
  {
    name: "modelarts.vm.gpu.p100",
    type: "GPU",
    free: false,
    params: { CPU: 8, GPU: 1, gpu_type: "p100", memory: "64GiB" },
  },
  {
    name: "modelarts.vm.gpu.v100",
    type: "GPU",
    free: false,
    params: { CPU: 8, GPU: 1, gpu_type: "v100", memory: "64GiB" },
  },
  {
    name: "modelarts.bm.gpu.v100NV32",
    type: "GPU",
    free: false,
    params: { CPU: 8, GPU: 1, gpu_type: "v100NV32", memory: "64GiB" },
  },
  {
    name: "modelarts.kat1.xlarge",
    type: "Ascend",
    free: false,
    params: { CPU: 24, NPU: 1, graphics_memory: "32GiB", memory: "96GiB", type: "Ascend 910" },
  },
  { name: "modelarts.vm.cpu.free", type: "CPU", free: true, params: { CPU: 1, GPU: 0, memory: "4GiB" } },
  {
    name: "modelarts.vm.gpu.free",
    type: "GPU",
    free: true,
    params: { CPU: 4, GPU: 1, gpu_type: "p100", memory: "32GiB" },
  },
];

export function findFlavor(name: string): Flavor | undefined {
  return FLAVORS.find((f) => f.name === name);
}

/** Free flavors stop by themselves after this long (`flavor_details.duration`, seconds). Reported only. */
const FREE_FLAVOR_DURATION_S = 3600;

/** The wire `flavor_details` [demanager §5, Table 16]. */
export function flavorDetails(flavor: Flavor, soldOut: boolean): Record<string, unknown> {
  const details: Record<string, unknown> = {
    name: flavor.name,
    params: { ...flavor.params },
    status: soldOut ? "soldOut" : "onSale",
    storage_list: ["obs", "efs"],
    type: flavor.type,
    is_permitted: true,
    promo_type: flavor.free ? "Free" : "NoDiscount",
    store_time: -1,
  };
  if (flavor.free) {
    details.duration = FREE_FLAVOR_DURATION_S;
    // Documented as present for free flavors (Table 16): queue length and the time left in it.
    details.queuing_num = 0;
    details.queue_left_time = 0;
  }
  return details;
}
