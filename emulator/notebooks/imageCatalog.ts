/**
 * Images notebooks can be created from [notebooks §11]. The first two copy the OTC examples
 * (create and ListImage); the others extend them in the same style. One DEDICATED image stands for an image
 * a user saved, so `type=DEDICATED` listings are not empty. `swr_path` is rendered with the region.
 */

export interface NotebookImageSpec {
  id: string;
  name: string;
  /** SWR organization / repository:tag after `swr.{region}.myhuaweicloud.com/`. */
  namespace: string;
  repository: string;
  tag: string;
  type: "BUILD_IN" | "DEDICATED";
  arch: "x86_64" | "aarch64";
  description: string;
  devServices: readonly string[];
  resourceCategories: readonly string[];
  serviceType: string;
  visibility: "PUBLIC" | "PRIVATE";
  origin?: "CUSTOMIZE" | "IMAGE_SAVE";
  sizeKb: number;
  workspaceId: string;
  createAt: number;
  updateAt: number;
}

/** What every image the service ships has in common: ModelArts' own organization, public, in every workspace. */
const BUILT_IN = { namespace: "atelier", type: "BUILD_IN", visibility: "PUBLIC", workspaceId: "0" } as const;

export const NOTEBOOK_IMAGES: readonly NotebookImageSpec[] = [
  {
    id: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    name: "notebook2.0-mul-kernel-cpu-cp36",
    ...BUILT_IN,
    repository: "notebook2.0-mul-kernel-cpu-cp36",
    tag: "3.3.2-release_v1",
    arch: "x86_64",
    description: "Multi-kernel CPU image with Python 3.6",
    devServices: ["NOTEBOOK", "SSH"],
    resourceCategories: ["CPU"],
    serviceType: "DEV",
    sizeKb: 3_456_789,
    createAt: 1638234504492,
    updateAt: 1638234504492,
  },
  {
    id: "278e88d1-5b71-4766-8502-b3ba72e824d9",
    name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04",
    ...BUILT_IN,
    repository: "pytorch_1_8",
    tag: "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64-20220926104358-041ba2e",
    arch: "x86_64",
    description: "CPU and GPU general algorithm development and training, preconfigured with AI engine PyTorch1.8",
    devServices: ["NOTEBOOK", "SSH"],
    resourceCategories: ["GPU", "CPU"],
    serviceType: "COMMON",
    sizeKb: 9_876_543,
    createAt: 1638234504492,
    updateAt: 1638234504492,
  },
  {
    id: "e1a07296-22a8-4f05-8bc8-e936c8e54103",
    name: "modelbox1.3.0-libtorch1.9.1-cuda10.2-cudnn8-euler2.9.6",
    ...BUILT_IN,
    repository: "modelarts-modelbox-libtorch-gpu-x86",
    tag: "1.3.0-20221027202714-160a680",
    arch: "x86_64",
    description:
      "AI inference application development, preconfigured ModelBox and AI engine LibTorch, only SSH connection supported.",
    devServices: ["AI_FLOW", "SSH"],
    resourceCategories: ["GPU"],
    serviceType: "TRAIN",
    sizeKb: 12_345_678,
    createAt: 1638841805439,
    updateAt: 1638234504492,
  },
  {
    id: "5d2a7b1c-6f0e-4f57-9a43-1f1a3c0f7e21",
    name: "tensorflow2.1-cuda10.1-cudnn7-ubuntu18.04",
    ...BUILT_IN,
    repository: "tensorflow_2_1",
    tag: "tensorflow_2.1.0-cuda_10.1-py_3.7-ubuntu_18.04-x86_64-20221121111529-d65d817",
    arch: "x86_64",
    description: "CPU and GPU general algorithm development and training, preconfigured with AI engine TensorFlow2.1",
    devServices: ["NOTEBOOK", "SSH"],
    resourceCategories: ["GPU", "CPU"],
    serviceType: "COMMON",
    sizeKb: 8_765_432,
    createAt: 1638234504492,
    updateAt: 1668999329000,
  },
  {
    id: "9c1e5f3a-2b4d-4e6f-8a0b-7c9d1e3f5a60",
    name: "mindspore1.7.0-cann5.1.0-py3.7-euler2.8.3",
    ...BUILT_IN,
    repository: "mindspore_1_7_0",
    tag: "mindspore_1.7.0-cann_5.1.0-py_3.7-euler_2.8.3-aarch64-d910-20220906",
    arch: "aarch64",
    description: "Ascend+ARM algorithm development and training, preconfigured with AI engine MindSpore",
    devServices: ["NOTEBOOK", "SSH"],
    resourceCategories: ["ASCEND"],
    serviceType: "COMMON",
    sizeKb: 7_654_321,
    createAt: 1662441600000,
    updateAt: 1662441600000,
  },
  {
    id: "3f6b8d0e-1a2c-4e5f-9b7d-2c4e6a8b0d13",
    name: "my-saved-pytorch",
    namespace: "emulator-org",
    repository: "my-saved-pytorch",
    tag: "v1",
    type: "DEDICATED",
    arch: "x86_64",
    description: "An image saved from a running notebook",
    devServices: ["NOTEBOOK", "SSH"],
    resourceCategories: ["GPU", "CPU"],
    serviceType: "UNKNOWN",
    visibility: "PRIVATE",
    origin: "IMAGE_SAVE",
    sizeKb: 10_111_213,
    workspaceId: "0",
    createAt: 1700000000000,
    updateAt: 1700000000000,
  },
];

export function findNotebookImage(id: string): NotebookImageSpec | undefined {
  return NOTEBOOK_IMAGES.find((i) => i.id === id);
}

function swrPath(image: NotebookImageSpec, region: string): string {
  return `swr.${region}.myhuaweicloud.com/${image.namespace}/${image.repository}:${image.tag}`;
}

/** The full image, as ShowImage and ListImage answer it [notebooks §11]. */
export function imageWire(image: NotebookImageSpec, region: string): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    arch: image.arch,
    create_at: image.createAt,
    description: image.description,
    dev_services: [...image.devServices],
    id: image.id,
    name: image.name,
    namespace: image.namespace,
    resource_categories: [...image.resourceCategories],
    service_type: image.serviceType,
    size: image.sizeKb,
    status: "ACTIVE",
    swr_path: swrPath(image, region),
    tag: image.tag,
    type: image.type,
    update_at: image.updateAt,
    visibility: image.visibility,
    workspace_id: image.workspaceId,
  };
  if (image.origin !== undefined) wire.origin = image.origin;
  return wire;
}

/** The `image` object inside a notebook: the fields of the OTC create example [notebooks §4.3]. */
export function notebookImageWire(image: NotebookImageSpec, region: string): Record<string, unknown> {
  return {
    description: image.description,
    id: image.id,
    name: image.name,
    swr_path: swrPath(image, region),
    tag: image.tag,
    type: image.type,
  };
}
