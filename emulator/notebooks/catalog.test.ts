import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { notebooksPath } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

const emulator = useEmulator();

type Flavor = { id: string; sold_out: boolean; free: boolean; category: string; feature: string; memory: number };
type FlavorPage = { data: Flavor[]; flavors: Flavor[]; total: number; size: number; current: number; pages: number };
type ImagePage = { data: { id: string; name: string; type: string }[]; total: number; size: number; current: number };
const get = (path: string, query: Record<string, string | number> = {}) =>
  callApi(emulator, { method: "GET", path, query });
const flavors = async (query: Record<string, string | number> = {}) =>
  (await get(notebooksPath(emulator, undefined, "/flavors"), query)).json as FlavorPage;
const images = async (query: Record<string, string | number> = {}) =>
  (await get(`/v1/${emulator.projectId}/images`, query)).json as ImagePage;
const code = (response: { json: unknown }) => (response.json as { error_code?: string }).error_code;

describe("GET /notebooks/flavors", () => {
  it("fills data and flavors, with a sold-out and a free flavor among the NOTEBOOK ones", async () => {
    const response = await get(notebooksPath(emulator, undefined, "/flavors"));
    expect(validateWire("NotebookFlavorsResponse", response.json)).toEqual({ valid: true, errors: [] });
    const body = response.json as FlavorPage;
    expect(body.flavors).toEqual(body.data);
    expect(body.data.every((f) => f.feature === "NOTEBOOK")).toBe(true);
    expect(body.data.find((f) => f.id === "modelarts.vm.gpu.p100")).toMatchObject({ sold_out: true });
    expect(body.data.some((f) => f.free)).toBe(true);
    expect(body.data.find((f) => f.id === "modelarts.vm.cpu.2u")).toEqual({
      arch: "x86_64",
      billing: { code: "modelarts.vm.cpu.2u", unit_num: 1 },
      category: "CPU",
      description: "General-purpose Intel CPU flavor, ideal for rapid data exploration and experiments",
      evs_max_size: "4096",
      feature: "NOTEBOOK",
      free: false,
      id: "modelarts.vm.cpu.2u",
      memory: 8388608,
      name: "CPU: 2 vCPUs 8 GB",
      sold_out: false,
      storages: ["EVS", "OBSFS", "EFS", "OBS"],
      vcpus: 2,
    });
    expect({ total: body.total, size: body.size, current: body.current, pages: body.pages }).toEqual({
      total: body.data.length,
      size: body.data.length,
      current: 0,
      pages: 1,
    });
  });

  it("filters by category, feature, type and flavor_type, pages with limit/offset, and follows admin sold-out marks", async () => {
    expect((await flavors({ category: "gpu" })).data.every((f) => f.category === "GPU")).toBe(true);
    expect((await flavors({ feature: "DEFAULT" })).data.map((f) => f.id)).toEqual(["modelarts.vm.cpu.free"]);
    expect((await flavors({ type: "DEDICATED" })).data).toEqual([]);
    expect((await flavors({ flavor_type: "ASCEND_SNT9" })).data.map((f) => f.id)).toEqual([
      "modelarts.bm.snt9.xlarge.2",
    ]);
    const paged = await flavors({ limit: 2, offset: 2 });
    expect({ n: paged.data.length, size: paged.size, current: paged.current }).toEqual({ n: 2, size: 2, current: 1 });
    expect((await flavors({ sort_key: "vcpus", sort_dir: "ASC" })).data[0]!.id).toBe("modelarts.vm.cpu.2u");
    expect(code(await get(notebooksPath(emulator, undefined, "/flavors"), { category: "TPU" }))).toBe("ModelArts.6336");
    expect(code(await get(notebooksPath(emulator, undefined, "/flavors"), { sort_key: "price" }))).toBe(
      "ModelArts.6303",
    );

    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.gpu.p100", false);
    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.8u");
    const marked = await flavors();
    expect(marked.data.filter((f) => f.sold_out).map((f) => f.id)).toEqual(["modelarts.vm.cpu.8u"]);
    expect((await emulator.admin.listNotebookFlavors()).find((f) => f.id === "modelarts.vm.cpu.8u")).toEqual({
      id: "modelarts.vm.cpu.8u",
      category: "CPU",
      feature: "NOTEBOOK",
      free: false,
      soldOut: true,
    });
    await emulator.admin.reset();
    expect((await flavors()).data.filter((f) => f.sold_out).map((f) => f.id)).toEqual(["modelarts.vm.gpu.p100"]);
  });
});

describe("GET /images", () => {
  it("lists BUILD_IN images by default, newest update first, with a 200 default page", async () => {
    const response = await get(`/v1/${emulator.projectId}/images`);
    expect(validateWire("NotebookImagesResponse", response.json)).toEqual({ valid: true, errors: [] });
    const body = response.json as ImagePage;
    expect(body.size).toBe(200);
    expect(body.data.every((i) => i.type === "BUILD_IN")).toBe(true);
    expect(body.data[0]!.name).toBe("tensorflow2.1-cuda10.1-cudnn7-ubuntu18.04");
    expect((await images({ type: "dedicated" })).data.map((i) => i.name)).toEqual(["my-saved-pytorch"]);
  });

  it("matches names fuzzily unless name_fuzzy_match=false, and pages", async () => {
    expect((await images({ name: "cuda" })).data.map((i) => i.name).sort()).toEqual([
      "modelbox1.3.0-libtorch1.9.1-cuda10.2-cudnn8-euler2.9.6",
      "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04",
      "tensorflow2.1-cuda10.1-cudnn7-ubuntu18.04",
    ]);
    expect((await images({ name: "cuda", name_fuzzy_match: "false" })).data).toEqual([]);
    expect((await images({ name: "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04", name_fuzzy_match: "false" })).total).toBe(1);
    const second = await images({ limit: 2, offset: 2, sort_key: "name", sort_dir: "ASC" });
    expect({ n: second.data.length, current: second.current, total: second.total }).toEqual({
      n: 2,
      current: 1,
      total: 5,
    });
    expect((await images({ service_type: "TRAIN" })).total).toBe(1);
    expect(code(await get(`/v1/${emulator.projectId}/images`, { type: "PUBLIC" }))).toBe("ModelArts.6336");
  });

  it("shows one image, and answers 6404 for an unknown one", async () => {
    const response = await get(`/v1/${emulator.projectId}/images/278e88d1-5b71-4766-8502-b3ba72e824d9`);
    expect(validateWire("NotebookImage", response.json).valid).toBe(true);
    expect(response.json).toMatchObject({
      id: "278e88d1-5b71-4766-8502-b3ba72e824d9",
      resource_categories: ["GPU", "CPU"],
      status: "ACTIVE",
      swr_path: `swr.${emulator.region}.myhuaweicloud.com/atelier/pytorch_1_8:pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64-20220926104358-041ba2e`,
    });
    const missing = await get(`/v1/${emulator.projectId}/images/nope`);
    expect({ status: missing.status, code: code(missing) }).toEqual({ status: 400, code: "ModelArts.6404" });
  });
});
