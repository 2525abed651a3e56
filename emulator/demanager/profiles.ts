/**
 * Configurations ("profiles", i.e. images) accepted as `profile_id`. The accepted names are the union of the
 * doc versions [demanager §2.3]. As in the seed sample, the response's `profile.id` is a UUID, not the
 * name that was sent, and `profile.name` is a display name that may differ from it.
 */
import type { FlavorType } from "./flavors.js";

export interface Profile {
  /** What clients send as `profile_id`. */
  requestIds: readonly string[];
  id: string;
  name: string;
  description: string;
  /** Flavor types this image runs on (a mismatch is ModelArts.6330). The first is reported as `flavor_type`. */
  flavorTypes: readonly FlavorType[];
  category: string;
  imageName: string;
  imageTag: string;
}

export const PROFILES: readonly Profile[] = [
  {
    // The seed sample: "Ascend-Power-Engine 1.0(python3)" → id efa847c0-…, name "Ascend-Powered-Engine 1.0 (python3)".
    requestIds: ["Ascend-Power-Engine 1.0(python3)"],
    id: "efa847c0-7359-11eb-b34f-0255ac100057",
    name: "Ascend-Powered-Engine 1.0 (python3)",
    description: "Python 3.7/3.6 for notebook",
    flavorTypes: ["Ascend"],
    category: "Ascend-Powered-Engine 1.0 (Python3)",
    imageName: "mul-kernel-d910-arm-cp37",
    imageTag: "3.1.0-c76-2-test",
  },
  {
    requestIds: ["Multi-Engine 1.0 (python3)-cpu", "Python3"],
    id: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    name: "Multi-Engine 1.0 (python3)-cpu",
    description: "Multi-Engine 1.0 (python3) for CPU",
    flavorTypes: ["CPU"],
    category: "Multi-Engine 1.0 (Python3)",
    imageName: "mul-kernel-cpu-cp36",
    imageTag: "3.3.2-release-v1",
  },
  {
    requestIds: ["Multi-Engine 1.0 (python3)-gpu", "Python3-gpu"],
    id: "e1a07296-22a8-4f05-8bc8-e936c8e54091",
    name: "Multi-Engine 1.0 (python3)-gpu",
    description: "Multi-Engine 1.0 (python3) for GPU",
    flavorTypes: ["GPU"],
    category: "Multi-Engine 1.0 (Python3)",
    imageName: "mul-kernel-gpu-cuda-cp36",
    imageTag: "3.3.2-release-v1",
  },
  {
    requestIds: ["Multi-Engine 1.0 (python2)-cpu", "Python2"],
    id: "e1a07296-22a8-4f05-8bc8-e936c8e54092",
    name: "Multi-Engine 1.0 (python2)-cpu",
    description: "Multi-Engine 1.0 (python2) for CPU",
    flavorTypes: ["CPU"],
    category: "Multi-Engine 1.0 (Python2)",
    imageName: "mul-kernel-cpu-cp27",
    imageTag: "3.3.2-release-v1",
  },
  {
    requestIds: ["Multi-Engine 1.0 (python2)-gpu", "Python2-gpu"],
    id: "e1a07296-22a8-4f05-8bc8-e936c8e54093",
    name: "Multi-Engine 1.0 (python2)-gpu",
    description: "Multi-Engine 1.0 (python2) for GPU",
    flavorTypes: ["GPU"],
    category: "Multi-Engine 1.0 (Python2)",
    imageName: "mul-kernel-gpu-cuda-cp27",
    imageTag: "3.3.2-release-v1",
  },
  {
    requestIds: ["Multi-Engine 2.0 (python3)", "TF-2.1.0&Pytorch-1.4.0-python3.6"],
    id: "c0ffee00-7b26-11eb-91ca-0255ac100042",
    name: "Multi-Engine 2.0 (Python3)",
    description: "TensorFlow 2.1, PyTorch 1.4 on Python 3.6",
    flavorTypes: ["GPU", "CPU"],
    category: "Multi-Engine 2.0 (Python3)",
    imageName: "multi-engine-2.0",
    imageTag: "2.0.0-cp36",
  },
];

/** Looks a profile up by what a client may send: a documented name or the profile UUID itself. */
export function findProfile(profileId: string): Profile | undefined {
  return PROFILES.find((p) => p.requestIds.includes(profileId) || p.id === profileId);
}

/** The wire `profile` [demanager §5, Table 12], shaped like the seed sample. */
export function profileWire(profile: Profile, flavorType: FlavorType): Record<string, unknown> {
  return {
    de_type: "Notebook",
    description: profile.description,
    flavor_type: profile.flavorTypes.includes(flavorType) ? flavorType : profile.flavorTypes[0],
    id: profile.id,
    name: profile.name,
    provision: {
      annotations: { category: profile.category, type: "system" },
      spec: {
        engine: "CCE",
        params: { image_name: profile.imageName, image_tag: profile.imageTag, namespace: "atelier" },
      },
      type: "Docker",
    },
  };
}
