import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { createNotebook, evsCreateRequest, notebooksPath } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

const emulator = useEmulator();

type Page = {
  current: number;
  data: { id: string; name: string; action_progress?: unknown }[];
  pages: number;
  size: number;
  total: number;
};
const list = async (query: Record<string, string | number> = {}, suffix = "") => {
  const response = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, undefined, suffix), query });
  return response;
};
const page = async (query: Record<string, string | number> = {}, suffix = "") =>
  (await list(query, suffix)).json as Page;
const code = (response: { json: unknown }) => (response.json as { error_code?: string }).error_code;

async function createMany(names: string[], extra: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names)
    ids.push(((await createNotebook(emulator, evsCreateRequest(name, extra))) as { id: string }).id);
  return ids;
}

describe("GET /notebooks", () => {
  it("answers the envelope {current, data, pages, size, total}, newest first, without action_progress", async () => {
    const ids = await createMany(["a", "b", "c"]);
    const response = await list();
    expect(validateWire("NotebookListResponse", response.json)).toEqual({ valid: true, errors: [] });
    const body = response.json as Page;
    expect({ ...body, data: body.data.map((n) => n.id) }).toEqual({
      current: 0,
      data: [...ids].reverse(),
      pages: 1,
      size: 10,
      total: 3,
    });
    expect(body.data[0]).not.toHaveProperty("action_progress");
  });

  it("pages with limit ∈ {10, 20, 50} and offset, and refuses other limits", async () => {
    await createMany(Array.from({ length: 12 }, (_, i) => `n${String(i).padStart(2, "0")}`));
    const second = await page({ limit: 10, offset: 10 });
    expect({ current: second.current, pages: second.pages, size: second.size, total: second.total }).toEqual({
      current: 1,
      pages: 2,
      size: 10,
      total: 12,
    });
    expect(second.data).toHaveLength(2);
    expect((await page({ limit: 20 })).data).toHaveLength(12);
    expect((await page({ limit: 50, sort_dir: "ASC", sort_key: "name" })).data[0]!.name).toBe("n00");
    expect(code(await list({ limit: 5 }))).toBe("ModelArts.6336");
    expect(code(await list({ limit: 100 }))).toBe("ModelArts.6336");
    expect(code(await list({ offset: -1 }))).toBe("ModelArts.6336");
    expect(code(await list({ offset: "x" }))).toBe("ModelArts.6332");
    expect(code(await list({ sort_key: "flavour" }))).toBe("ModelArts.6303");
    expect(code(await list({ sort_dir: "UP" }))).toBe("ModelArts.6336");
  });

  it("filters by fuzzy name, status, flavor, image, id, feature, workspace (both spellings) and tags", async () => {
    const [alpha, beta] = await createMany(["team-alpha", "team-beta"]);
    await createNotebook(emulator, evsCreateRequest("other", { flavor: "modelarts.vm.cpu.8u" }));
    await createNotebook(emulator, evsCreateRequest("ws", { workspace_id: "0123456789abcdef0123456789abcdef" }));
    await createNotebook(emulator, evsCreateRequest("free", { flavor: "modelarts.vm.cpu.free", feature: "DEFAULT" }));
    await emulator.admin.updateNotebook(beta!, { status: "STOPPED", tags: [{ key: "env", value: "prod" }] });
    const names = async (query: Record<string, string>, suffix = "") =>
      (await page(query, suffix)).data.map((n) => n.name).sort();

    expect(await names({ name: "TEAM" })).toEqual(["team-alpha", "team-beta"]);
    expect(await names({ status: "stopped" })).toEqual(["team-beta"]);
    expect(await names({ flavor: "modelarts.vm.cpu.8u" })).toEqual(["other"]);
    expect(await names({ id: alpha! })).toEqual(["team-alpha"]);
    expect(await names({ image_id: "278e88d1-5b71-4766-8502-b3ba72e824d9" })).toEqual([]);
    expect(await names({ feature: "DEFAULT" })).toEqual(["free"]);
    expect(await names({ workspace_id: "0123456789abcdef0123456789abcdef" })).toEqual(["ws"]);
    expect(await names({ workspaceId: "0123456789abcdef0123456789abcdef" })).toEqual(["ws"]);
    expect(await names({ tags: "env=prod" })).toEqual(["team-beta"]);
    expect(await names({ tags: "env=dev" })).toEqual([]);
    expect(await names({ owner: "someone-else" })).toEqual([]);
    expect(await names({}, "/all")).toEqual(["other", "team-alpha", "team-beta"]);
    expect(code(await list({ status: "SLEEPING" }))).toBe("ModelArts.6336");
  });

  it("lists DELETING notebooks until they are gone", async () => {
    const [id] = await createMany(["doomed"]);
    await emulator.admin.updateNotebook(id!, { status: "DELETING" });
    const listed = await page();
    expect(listed.data.map((n) => (n as unknown as { status: string }).status)).toEqual(["DELETING"]);
  });
});
