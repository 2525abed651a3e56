/**
 * ShowSwitchableFlavors (`GET …/notebooks/{id}/flavors`, [notebooks §10.2]) and the PUT that must take its flavor
 * from that list (6792 otherwise, [notebooks §7]): which flavors each kind of notebook is offered under both rules of
 * the `switchableFlavors` switch, sold-out ones marked, and a PUT that accepts exactly what the list shows.
 */
import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { createNotebook, evsCreateRequest, notebooksPath } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

const emulator = useEmulator();

const CPU_IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090"; // resource_categories [CPU]
const CPU_GPU_IMAGE = "278e88d1-5b71-4766-8502-b3ba72e824d9"; // resource_categories [GPU, CPU]
const ASCEND_IMAGE = "9c1e5f3a-2b4d-4e6f-8a0b-7c9d1e3f5a60"; // resource_categories [ASCEND]

type Flavor = { id: string; sold_out: boolean };
type FlavorPage = { data: Flavor[]; flavors: Flavor[]; total: number };

async function notebook(flavor: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { id } = (await createNotebook(emulator, evsCreateRequest("sw", { flavor, ...extra }))) as { id: string };
  await emulator.admin.updateNotebook(id, { status: "STOPPED" });
  return id;
}

async function switchable(id: string, query: Record<string, string | number> = {}): Promise<FlavorPage> {
  const response = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, id, "/flavors"), query });
  expect(response.status).toBe(200);
  expect(validateWire("NotebookFlavorsResponse", response.json)).toEqual({ valid: true, errors: [] });
  const page = response.json as FlavorPage;
  expect(page.flavors).toEqual(page.data);
  return page;
}

const ids = async (id: string) => (await switchable(id)).flavors.map((f) => f.id);
const put = (id: string, body: unknown) =>
  callApi(emulator, { method: "PUT", path: notebooksPath(emulator, id), body });
const code = (response: { json: unknown }) => (response.json as { error_code?: string }).error_code;

describe("sameCategory (the default)", () => {
  it("offers a CPU notebook the other billed CPU flavors: not its own, not a free one, no GPU", async () => {
    expect(await ids(await notebook("modelarts.vm.cpu.2u"))).toEqual(["modelarts.vm.cpu.8u", "modelarts.vm.cpu.16u"]);
    // A free notebook may become a billed one, never the other way round.
    expect(await ids(await notebook("modelarts.vm.cpu.2u.free"))).toEqual([
      "modelarts.vm.cpu.2u",
      "modelarts.vm.cpu.8u",
      "modelarts.vm.cpu.16u",
    ]);
  });

  it("offers a GPU notebook the other GPU flavors, a sold-out one marked; a lone Ascend flavor has none", async () => {
    const gpu = await switchable(await notebook("modelarts.vm.gpu.v100", { image_id: CPU_GPU_IMAGE }));
    expect(gpu.flavors.map((f) => [f.id, f.sold_out])).toEqual([
      ["modelarts.vm.gpu.p100", true],
      ["modelarts.vm.gpu.t4", false],
    ]);
    const ascend = await notebook("modelarts.bm.snt9.xlarge.2", {
      image_id: ASCEND_IMAGE,
      volume: { category: "EFS", ownership: "MANAGED" },
    });
    expect(await switchable(ascend)).toMatchObject({ flavors: [], data: [], total: 0 });
  });

  it("follows the admin sold-out marks, and pages with limit and offset", async () => {
    const id = await notebook("modelarts.vm.cpu.2u");
    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.16u");
    expect((await switchable(id)).flavors.map((f) => [f.id, f.sold_out])).toEqual([
      ["modelarts.vm.cpu.8u", false],
      ["modelarts.vm.cpu.16u", true],
    ]);
    expect(await switchable(id, { limit: 1, offset: 1 })).toMatchObject({
      flavors: [{ id: "modelarts.vm.cpu.16u" }],
      total: 2,
    });
  });

  it("a PUT takes exactly the listed flavors: 6792 for the others, 6329 for a listed sold-out one", async () => {
    const id = await notebook("modelarts.vm.cpu.2u");
    for (const flavor of ["modelarts.vm.gpu.v100", "modelarts.vm.cpu.2u.free", "modelarts.vm.cpu.free", "nope.2u"]) {
      const refused = await put(id, { flavor });
      expect({ status: refused.status, code: code(refused) }).toEqual({ status: 400, code: "ModelArts.6792" });
      expect((refused.json as { error_msg: string }).error_msg).toContain(`update flavor to ${flavor}`);
    }
    await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.16u");
    expect(code(await put(id, { flavor: "modelarts.vm.cpu.16u" }))).toBe("ModelArts.6329");
    expect((await put(id, { flavor: "modelarts.vm.cpu.8u" })).json).toMatchObject({ flavor: "modelarts.vm.cpu.8u" });
    // The list follows the notebook's new flavor.
    expect(await ids(id)).toEqual(["modelarts.vm.cpu.2u", "modelarts.vm.cpu.16u"]);
  });
});

describe("imageCategories", () => {
  beforeEach(() => emulator.admin.setSwitches({ switchableFlavors: "imageCategories" }));

  it("offers a CPU notebook GPU flavors too when its image runs on GPUs, and a GPU notebook CPU ones", async () => {
    expect(await ids(await notebook("modelarts.vm.cpu.2u", { image_id: CPU_GPU_IMAGE }))).toEqual([
      "modelarts.vm.cpu.8u",
      "modelarts.vm.cpu.16u",
      "modelarts.vm.gpu.p100",
      "modelarts.vm.gpu.v100",
      "modelarts.vm.gpu.t4",
    ]);
    expect(await ids(await notebook("modelarts.vm.gpu.t4", { image_id: CPU_GPU_IMAGE }))).toEqual([
      "modelarts.vm.cpu.2u",
      "modelarts.vm.cpu.8u",
      "modelarts.vm.cpu.16u",
      "modelarts.vm.gpu.p100",
      "modelarts.vm.gpu.v100",
    ]);
    // A CPU-only image keeps a CPU notebook on CPU flavors.
    expect(await ids(await notebook("modelarts.vm.cpu.2u", { image_id: CPU_IMAGE }))).toEqual([
      "modelarts.vm.cpu.8u",
      "modelarts.vm.cpu.16u",
    ]);
  });

  it("a PUT follows the same list, judged on the notebook's current image even when the PUT changes it", async () => {
    const onCpuImage = await notebook("modelarts.vm.cpu.2u", { image_id: CPU_IMAGE });
    const both = await put(onCpuImage, { image_id: CPU_GPU_IMAGE, flavor: "modelarts.vm.gpu.v100" });
    expect(code(both)).toBe("ModelArts.6792");
    expect(code(await put(onCpuImage, { image_id: CPU_GPU_IMAGE }))).toBeUndefined();
    expect((await put(onCpuImage, { flavor: "modelarts.vm.gpu.v100" })).json).toMatchObject({
      flavor: "modelarts.vm.gpu.v100",
    });
  });
});
