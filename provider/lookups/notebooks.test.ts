/**
 * The notebooks lookup against the emulator: each filter (the listing's own, checked again on each entry, and
 * those applied here), what an entry reports (what adopting it takes, this package's owner mark as the tag says
 * it, the user's tags only), answers with fields null or missing, an entry it cannot name, a listing that never
 * ends, and arguments refused before any request.
 */
import { createNotebook, evsCreateRequest, CPU_IMAGE_ID as IMAGE } from "../../emulator/notebooks/testkit.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { mountMarkTag } from "../api/mountMark.js";
import { getProviderContext } from "../frame/providerContext.js";
import { notebookProvider } from "../notebook/notebookProvider.js";
import { OWNER_TAG_KEY, ownerTagValue } from "../notebook/ownerTag.js";
import { findNotebooks, globToRegExp, type GetNotebooksArgs } from "./notebooks.js";
import { providerNotebooksClient } from "../../test/support/providerNotebooksClient.js";

const OTHER_IMAGE = "278e88d1-5b71-4766-8502-b3ba72e824d9";
const LIST = "GET /v1/{project_id}/notebooks";
const WORKSPACE = "0123456789abcdef0123456789abcdef";

const { emulator } = useProviderOnEmulator({ progress: "drop" });
const notebooks: LooseProvider = notebookProvider;

const find = (args: GetNotebooksArgs) => findNotebooks(args, providerNotebooksClient);
const names = async (args: GetNotebooksArgs) => (await find(args)).notebooks.map((n) => n.name);

/** A notebook made straight through the API, as the console makes one; then patched as the test needs. */
async function made(name: string, extra: Record<string, unknown> = {}, patch: Record<string, unknown> = {}) {
  const { id } = (await createNotebook(emulator, evsCreateRequest(name, extra))) as { id: string };
  if (Object.keys(patch).length > 0) await emulator.admin.updateNotebook(id, patch);
  return id;
}

/** The emulator's notebook list answered with exactly these entries (what a service with other habits sends). */
async function listingAnswers(data: unknown[]): Promise<void> {
  await emulator.admin.injectFault({
    route: LIST,
    kind: "body",
    rawBody: JSON.stringify({ current: 0, pages: 1, size: data.length, total: data.length, data }),
  });
}

describe("filters", () => {
  beforeEach(async () => {
    await made("team-a", {}, { tags: [{ key: "team", value: "ml" }] });
    await made(
      "team-b",
      { flavor: "modelarts.vm.cpu.8u", image_id: OTHER_IMAGE },
      {
        tags: [
          { key: "team", value: "cv" },
          { key: "env", value: "prod" },
        ],
      },
    );
    await made("team-ab");
    await made("TEAM-A");
    await made("solo", { workspace_id: WORKSPACE });
    await made("team-a", {}, { status: "STOPPED" }); // names may repeat
  });

  test("an exact name is exact, though the listing's name filter is fuzzy", async () => {
    const found = await find({ name: "team-a" });
    expect(found.notebooks.map((n) => [n.name, n.status])).toEqual([
      ["team-a", expect.any(String)],
      ["team-a", expect.any(String)],
    ]);
    // Sorted by name, then by id: the same answer every time.
    expect(found.notebooks.map((n) => n.id)).toEqual(found.notebooks.map((n) => n.id).sort());
    expect(await names({ name: "nobody" })).toEqual([]);
  });

  test("a name pattern: * any characters, ? one, the rest literal and case-sensitive, the whole name", async () => {
    expect(await names({ namePattern: "team-?" })).toEqual(["team-a", "team-a", "team-b"]);
    expect(await names({ namePattern: "team-*" })).toEqual(["team-a", "team-a", "team-ab", "team-b"]);
    expect(await names({ namePattern: "*-b" })).toEqual(["team-b"]);
    expect(await names({ namePattern: "team" })).toEqual([]);
    expect(await names({ namePattern: "*" })).toEqual(["TEAM-A", "team-a", "team-a", "team-ab", "team-b"]);
    expect(globToRegExp("a.b(c)+[d]").test("a.b(c)+[d]")).toBe(true);
    expect(globToRegExp("a.b").test("axb")).toBe(false);
  });

  test("status, flavor, image, workspace", async () => {
    expect(await names({ status: "STOPPED" })).toEqual(["team-a"]);
    expect(await names({ flavor: "modelarts.vm.cpu.8u" })).toEqual(["team-b"]);
    expect(await names({ imageId: OTHER_IMAGE })).toEqual(["team-b"]);
    expect(await names({ imageId: IMAGE, namePattern: "team-*" })).toEqual(["team-a", "team-a", "team-ab"]);
    expect(await names({ workspaceId: WORKSPACE })).toEqual(["solo"]);
  });

  test("tags: each key with its value, or each key with any value", async () => {
    expect(await names({ tags: { team: "ml" } })).toEqual(["team-a"]);
    expect(await names({ tagKeys: ["team"] })).toEqual(["team-a", "team-b"]);
    expect(await names({ tags: { team: "cv" }, tagKeys: ["env"] })).toEqual(["team-b"]);
    expect(await names({ tags: { team: "ml" }, tagKeys: ["env"] })).toEqual([]);
  });

  test("a service that ignores the listing's filters hands back nothing that was not asked for", async () => {
    const all = (await providerNotebooksClient()).listNotebooks();
    await listingAnswers(await all);
    expect(await names({ flavor: "modelarts.vm.cpu.8u" })).toEqual(["team-b"]);
  });
});

test("an entry: what adopting it takes; no owner mark on a notebook made elsewhere; never the token", async () => {
  const id = await made(
    "theirs",
    { volume: { category: "EVS", ownership: "MANAGED", capacity: 20 } },
    {
      tags: [{ key: "team", value: "ml" }],
    },
  );
  const { notebooks: found } = await find({ name: "theirs" });
  expect(found).toEqual([
    {
      id,
      name: "theirs",
      status: expect.any(String),
      flavor: "modelarts.vm.cpu.2u",
      image: { id: IMAGE, name: "notebook2.0-mul-kernel-cpu-cp36" },
      volume: { category: "EVS", capacityGb: 20, ownership: "MANAGED" },
      tags: { team: "ml" },
    },
  ]);
});

test("a Notebook's own: its owner mark as the tag says it; its own tags are not the user's", async () => {
  const { inputs } = await notebooks.check(
    {},
    {
      namePrefix: "main",
      flavor: "modelarts.vm.cpu.2u",
      imageId: IMAGE,
      volume: { category: "EVS" },
      tags: { team: "ml" },
      desiredStatus: "RUNNING",
      __ownerKey: "proj/dev/main",
      __ownerNonce: "0123456789abcdef",
    },
  );
  const { id } = await notebooks.create(inputs);
  await (await providerNotebooksClient()).createTags(id, [mountMarkTag("/data/x/", "obs://b/x/")]);
  await made("elsewhere");

  const [owned] = (await find({ tagKeys: [OWNER_TAG_KEY] })).notebooks;
  expect(owned).toMatchObject({
    id,
    name: inputs.name,
    tags: { team: "ml" },
    ownerMark: { tag: ownerTagValue("proj/dev/main#0123456789abcdef"), owner: "proj/dev/main" },
  });
  // Neither the owner mark nor a storage mount's mark is a tag of the user's.
  expect(owned!.tags).toEqual({ team: "ml" });
  expect((await find({ name: "elsewhere" })).notebooks[0]).not.toHaveProperty("ownerMark");

  // A mark of the earlier form (the hash alone) names its value; one whose value came back null is still a mark.
  await emulator.admin.updateNotebook(id, {
    tags: [{ key: OWNER_TAG_KEY, value: "0123456789abcdef0123456789abcdef" }],
  });
  expect((await find({ name: inputs.name as string })).notebooks[0]!.ownerMark).toEqual({
    tag: "0123456789abcdef0123456789abcdef",
    owner: "0123456789abcdef0123456789abcdef",
  });
  await listingAnswers([{ id, name: "nulled", status: "RUNNING", tags: [{ key: OWNER_TAG_KEY, value: null }] }]);
  expect((await find({})).notebooks[0]!.ownerMark).toEqual({ tag: "", owner: "" });
});

describe("answers that differ from the docs", () => {
  const ID = "7d9a4816-30d2-440a-8f5b-41ab07b56ab3";

  test("fields null, missing or of another type are absent", async () => {
    await listingAnswers([
      {
        id: ID,
        name: "sparse",
        status: "RUNNING",
        flavor: null,
        image: { id: null, name: 7 },
        volume: { category: "evs", capacity: "big", ownership: null },
        tags: null,
        token: "a-secret",
      },
      { id: "8e0b5927-41f3-451b-9c6c-52bc92c8e8c4", name: "bare", status: "STOPPED" },
    ]);
    expect((await find({})).notebooks).toEqual([
      { id: "8e0b5927-41f3-451b-9c6c-52bc92c8e8c4", name: "bare", status: "STOPPED", tags: {} },
      { id: ID, name: "sparse", status: "RUNNING", volume: { category: "EVS" }, tags: {} },
    ]);
  });

  test("a field the service left out is taken on its word for the filter it was asked", async () => {
    await listingAnswers([{ id: ID, name: "no-flavor", status: "RUNNING" }]);
    expect(await names({ flavor: "modelarts.vm.cpu.2u" })).toEqual(["no-flavor"]);
  });

  test("an entry it could return but cannot name is an error naming it; an entry without an id refuses the answer", async () => {
    await listingAnswers([{ id: ID, name: null, status: "RUNNING" }]);
    await expect(find({})).rejects.toThrow(
      `look up notebooks: the service listed notebook "${ID}" without a readable name, so the lookup cannot tell ` +
        "whether it matches; retry, or narrow the filters",
    );
    await listingAnswers([{ id: ID, name: null, status: "RUNNING", flavor: "modelarts.vm.cpu.8u" }]);
    expect(await names({ flavor: "modelarts.vm.cpu.2u" })).toEqual([]);
    await listingAnswers([{ name: "anonymous", status: "RUNNING" }]);
    await expect(find({})).rejects.toThrow(/^look up notebooks: .*data\[0\]\.id/s);
  });
});

test("a listing that never ends is an error, not a loop", async () => {
  for (let i = 0; i < 11; i++) await made(`many-${i}`);
  const paged = async () =>
    new NotebooksClient({ ...(await getProviderContext()).connection, pageSizes: { notebooks: 10 } });
  expect((await findNotebooks({ namePattern: "many-*" }, paged)).notebooks).toHaveLength(11);
  await emulator.admin.injectFault({ route: LIST, kind: "ignore-offset", count: 1000 });
  await expect(findNotebooks({ namePattern: "many-*" }, paged)).rejects.toThrow(
    /^look up notebooks: listing notebooks \(GET \/v1\/[0-9a-f]+\/notebooks\) got at offset 10 only entries it had already listed/,
  );
});

test.each<[string, Record<string, unknown>, string]>([
  [
    "an unknown status",
    { status: "RUNING" },
    'status must be one of INIT, CREATING, STARTING, STOPPING, DELETING, RUNNING, STOPPED, SNAPSHOTTING, CREATE_FAILED, START_FAILED, DELETE_FAILED, ERROR, DELETED, FROZEN (got "RUNING")',
  ],
  ["an empty name", { name: "" }, 'name must be a non-empty string (got "")'],
  [
    "a name longer than any notebook's",
    { name: "n".repeat(129) },
    "name must be at most 128 characters, as a notebook's name (got 129)",
  ],
  ["tags as a list", { tags: ["team=ml"] }, 'tags must map tag keys to values, e.g. { team: "ml" } (got ["team=ml"])'],
  ["tagKeys as a string", { tagKeys: "team" }, 'tagKeys must be a list of tag keys, e.g. ["team"] (got "team")'],
])("%s is refused before any request", async (_what, args, reason) => {
  const noClient = () => Promise.reject(new Error("no request may be made"));
  await expect(findNotebooks(args as GetNotebooksArgs, noClient)).rejects.toThrow(`look up notebooks: ${reason}`);
  expect((await emulator.admin.requestCounts()).total).toBe(0);
});
