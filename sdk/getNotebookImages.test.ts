/**
 * The image lookup in-process against the emulator's image catalogue (six images, one DEDICATED, one aarch64),
 * with the settings from the environment as a program has them.
 */
import * as pulumi from "@pulumi/pulumi";
import { useProgramOnEmulator } from "../test/support/programOnEmulator.js";
import { getNotebookImages, getNotebookImagesOutput } from "./getNotebookImages.js";

const PYTORCH = "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04";
const PYTORCH_ID = "278e88d1-5b71-4766-8502-b3ba72e824d9";
useProgramOnEmulator();

test("finds an image by its exact name", async () => {
  const { images, id } = await getNotebookImages({ name: PYTORCH });
  expect(id).toBe(PYTORCH_ID);
  expect(images).toEqual([
    {
      id: PYTORCH_ID,
      name: PYTORCH,
      tag: "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64-20220926104358-041ba2e",
      swrPath: `swr.cn-north-4.myhuaweicloud.com/atelier/pytorch_1_8:pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64-20220926104358-041ba2e`,
      type: "BUILD_IN",
      arch: "x86_64",
      description: expect.any(String),
      devServices: ["NOTEBOOK", "SSH"],
      resourceCategories: ["GPU", "CPU"],
      serviceType: "COMMON",
      namespace: "atelier",
      workspaceId: "0",
      status: expect.any(String),
      updatedAt: "2021-11-30T01:08:24.492Z",
    },
  ]);
});

test("an exact name is exact; nameFuzzy matches a part, the most recently updated first", async () => {
  await expect(getNotebookImages({ name: "pytorch" })).rejects.toThrow(
    'look up notebook images: no BUILD_IN image named "pytorch" in workspace "0"; images whose name contains it: ' +
      `${PYTORCH}; check the filters, or set allowEmpty: true for an empty list`,
  );
  const fuzzy = await getNotebookImages({ name: "cuda", nameFuzzy: true });
  expect(fuzzy.images.map((i) => i.name)).toEqual([
    "tensorflow2.1-cuda10.1-cudnn7-ubuntu18.04",
    PYTORCH,
    "modelbox1.3.0-libtorch1.9.1-cuda10.2-cudnn8-euler2.9.6",
  ]);
  expect(fuzzy.id).toBe(fuzzy.images[0]!.id);
});

test("type, cpuArch and tag filters; a name found only with other filters says what there is", async () => {
  expect((await getNotebookImages({ type: "DEDICATED" })).images.map((i) => i.name)).toEqual(["my-saved-pytorch"]);
  const arm = await getNotebookImages({ cpuArch: "aarch64" });
  expect(arm.images.map((i) => i.name)).toEqual(["mindspore1.7.0-cann5.1.0-py3.7-euler2.8.3"]);
  expect((await getNotebookImages({ cpuArch: "X86_64" as "x86_64" })).images).toHaveLength(4);
  await expect(getNotebookImages({ name: PYTORCH, cpuArch: "aarch64" })).rejects.toThrow(
    `no BUILD_IN image named "${PYTORCH}" in workspace "0" with cpuArch "aarch64"; there are ${PYTORCH}:pytorch_1.8.0-`,
  );
  expect((await getNotebookImages({ name: PYTORCH, tag: "v0", allowEmpty: true })).images).toEqual([]);
  await expect(getNotebookImages({ name: "no-such-image" })).rejects.toThrow(
    /^look up notebook images: no BUILD_IN image named "no-such-image" in workspace "0"; check the filters/,
  );
  await expect(getNotebookImages({ type: "SYSTEM" as "BUILD_IN" })).rejects.toThrow(
    'type must be one of BUILD_IN, DEDICATED (got "SYSTEM")',
  );
});

test("getNotebookImagesOutput resolves inputs and gives an id for Notebook.imageId", async () => {
  pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) });
  const image = getNotebookImagesOutput({ name: pulumi.output(PYTORCH) });
  expect(await new Promise((resolve) => image.id.apply(resolve))).toBe(PYTORCH_ID);
});
