import { validateWire } from "../../protocol/validation/validators.js";
import { callApi } from "../callApi.js";
import { createNotebook, evsCreateRequest, getNotebook, notebooksPath } from "./testkit.js";
import { useEmulator } from "../../test/support/emulatorPerFile.js";

// MOUNTING, UNMOUNTING and UNMOUNTED each last 250 ms.
const emulator = useEmulator({ timeScale: 0.05 });

const code = (response: { json: unknown }) => (response.json as { error_code?: string }).error_code;

async function runningNotebook(name = "nb"): Promise<string> {
  const { id } = (await createNotebook(emulator, evsCreateRequest(name))) as { id: string };
  await emulator.admin.updateNotebook(id, { status: "RUNNING" });
  return id;
}

async function waitForMount(id: string, storageId: string, status: string): Promise<string[]> {
  const seen: string[] = [];
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    const response = await callApi(emulator, {
      method: "GET",
      path: notebooksPath(emulator, id, `/storage/${storageId}`),
    });
    const current = response.status === 200 ? (response.json as { status: string }).status : code(response)!;
    if (seen[seen.length - 1] !== current) seen.push(current);
    if (current === status) return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${status}; saw ${seen.join(" → ")}`);
}

describe("dynamic storage", () => {
  const body = { category: "OBS", mount_path: "/data/wang/", uri: "obs://authoring-test/wang/" };
  const attach = (id: string, b: unknown = body) =>
    callApi(emulator, { method: "POST", path: notebooksPath(emulator, id, "/storage"), body: b });

  it("mounts (MOUNTING → MOUNTED, OBS reported as OBSFS), lists, and unmounts (UNMOUNTING → UNMOUNTED → gone)", async () => {
    const id = await runningNotebook();
    const attached = await attach(id);
    expect(attached.status).toBe(200);
    expect(validateWire("NotebookStorage", attached.json)).toEqual({ valid: true, errors: [] });
    const storage = attached.json as { id: string };
    expect(attached.json).toEqual({
      id: storage.id,
      category: "OBSFS",
      mount_path: "/data/wang/",
      uri: "obs://authoring-test/wang/",
      status: "MOUNTING",
    });
    expect(await waitForMount(id, storage.id, "MOUNTED")).toEqual(["MOUNTING", "MOUNTED"]);

    const listed = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, id, "/storage") });
    expect(validateWire("NotebookStorageListResponse", listed.json).valid).toBe(true);
    expect(listed.json).toMatchObject({
      current: 0,
      pages: 1,
      size: 1,
      total: 1,
      data: [{ id: storage.id, status: "MOUNTED" }],
    });
    expect((await getNotebook(emulator, id)).json).toMatchObject({
      data_volumes: [
        {
          category: "OBSFS",
          mount_path: "/data/wang/",
          url: "obs://authoring-test/wang/",
          status: "MOUNTED",
          mount_type: "DYNAMIC",
        },
      ],
    });

    const path = notebooksPath(emulator, id, `/storage/${storage.id}`);
    const detached = await callApi(emulator, { method: "DELETE", path });
    expect(detached.json).toMatchObject({ id: storage.id, status: "UNMOUNTING" });
    expect(code(await callApi(emulator, { method: "DELETE", path }))).toBe("ModelArts.6357");
    expect(await waitForMount(id, storage.id, "ModelArts.6404")).toEqual(["UNMOUNTING", "UNMOUNTED", "ModelArts.6404"]);
    // Gone from the listing, gone from the notebook's data_volumes.
    expect((await getNotebook(emulator, id)).json).toMatchObject({ data_volumes: [] });
  });

  it("needs a RUNNING notebook (6327) and a valid body", async () => {
    const id = await runningNotebook();
    expect(code(await attach(id, { ...body, mount_path: "/home/x/" }))).toBe("ModelArts.6336");
    expect(code(await attach(id, { ...body, uri: "bucket/dir/" }))).toBe("ModelArts.6336");
    expect(code(await attach(id, { category: "EFS", mount_path: "/data/efs/", uri: "a.sfsturbo.internal:/" }))).toBe(
      "ModelArts.6335",
    );
    expect(code(await attach(id, { mount_path: "/data/x/", uri: "obs://b/d/" }))).toBe("ModelArts.6335");
    expect(code(await attach(id, { ...body, category: "NFS" }))).toBe("ModelArts.6400");
    expect((await attach(id)).status).toBe(200);
    expect(code(await attach(id))).toBe("ModelArts.6336");
    await emulator.admin.updateNotebook(id, { status: "STOPPED" });
    expect(code(await attach(id, { ...body, mount_path: "/data/other/" }))).toBe("ModelArts.6327");
  });
});

describe("tags", () => {
  const tagsCall = (id: string, verb: "create" | "delete", tags: unknown) =>
    callApi(emulator, {
      method: verb === "create" ? "POST" : "DELETE",
      path: notebooksPath(emulator, id, `/tags/${verb}`),
      body: { tags },
    });

  it("create upserts by key and delete removes keys, both 204 with an empty body; GET merges by key", async () => {
    const a = await runningNotebook("a");
    const b = await runningNotebook("b");
    const created = await tagsCall(a, "create", [
      { key: "env", value: "dev" },
      { key: "team", value: "ml" },
    ]);
    expect({ status: created.status, text: created.text }).toEqual({ status: 204, text: "" });
    await tagsCall(a, "create", [{ key: "env", value: "prod" }]);
    await tagsCall(b, "create", [{ key: "env", value: "dev" }]);
    expect((await getNotebook(emulator, a)).json).toMatchObject({
      tags: [
        { key: "env", value: "prod" },
        { key: "team", value: "ml" },
      ],
    });
    const listed = await callApi(emulator, { method: "GET", path: notebooksPath(emulator, undefined, "/tags") });
    expect(validateWire("NotebookTagsResponse", listed.json).valid).toBe(true);
    expect(listed.json).toEqual({
      tags: [
        { key: "env", values: ["dev", "prod"] },
        { key: "team", values: ["ml"] },
      ],
    });
    const deleted = await tagsCall(a, "delete", [
      { key: "team", value: "ml" },
      { key: "missing", value: "x" },
    ]);
    expect({ status: deleted.status, text: deleted.text }).toEqual({ status: 204, text: "" });
    expect(((await getNotebook(emulator, a)).json as { tags: unknown }).tags).toEqual([{ key: "env", value: "prod" }]);
  });

  it("refuses bad tags (6400), a missing tags list (6335) and unknown notebooks (6404)", async () => {
    const id = await runningNotebook();
    expect(code(await tagsCall(id, "create", [{ key: "_sys_x", value: "v" }]))).toBe("ModelArts.6400");
    expect(
      code(await callApi(emulator, { method: "POST", path: notebooksPath(emulator, id, "/tags/create"), body: {} })),
    ).toBe("ModelArts.6335");
    expect(code(await tagsCall("00000000-0000-4000-8000-000000000000", "create", []))).toBe("ModelArts.6404");
  });

  it("keeps 20 tags per notebook: a create that would make a 21st is refused whole (6400); an upsert is not one more", async () => {
    const id = await runningNotebook("full");
    const twenty = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect((await tagsCall(id, "create", twenty)).status).toBe(204);
    expect((await tagsCall(id, "create", [{ key: "k0", value: "changed" }])).status).toBe(204);
    const refused = await tagsCall(id, "create", [
      { key: "k1", value: "changed" },
      { key: "k20", value: "v" },
    ]);
    expect({ status: refused.status, code: code(refused) }).toEqual({ status: 400, code: "ModelArts.6400" });
    const tags = ((await getNotebook(emulator, id)).json as { tags: { key: string; value: string }[] }).tags;
    expect(tags).toHaveLength(20);
    expect(tags.find((t) => t.key === "k1")?.value).toBe("v");
  });
});
