import { recordRegistrations, resolved } from "../test/support/pulumiMocks.js";
import { NotebookStorageMount } from "./NotebookStorageMount.js";

const NOTEBOOK = "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d";
const TYPE = "pulumi-nodejs:dynamic/modelarts:NotebookStorageMount";
const STORAGE_ID = "c8f6a1d2-0000-4000-8000-000000000001";

const registered = recordRegistrations({
  id: STORAGE_ID,
  outputs: () => ({ status: "MOUNTED", storageId: STORAGE_ID }),
});

test("registers the dynamic resource type with the declared inputs and its URN", async () => {
  const mount = new NotebookStorageMount("datasets", {
    notebookId: NOTEBOOK,
    uri: "obs://bucket/datasets/",
    mountPath: "/data/datasets/",
  });
  expect(await resolved(mount.status)).toBe("MOUNTED");
  const entry = registered.find((r) => r.name === "datasets")!;
  expect(entry.type).toBe(TYPE);
  expect(entry.inputs).toMatchObject({
    notebookId: NOTEBOOK,
    uri: "obs://bucket/datasets/",
    mountPath: "/data/datasets/",
    __urn: `urn:pulumi:dev::modelarts-sdk-test::${TYPE}::datasets`,
  });
  expect(typeof entry.inputs.__provider).toBe("string");
});

test("NotebookStorageMount.get reads by id, with the notebook's id as its only input", async () => {
  const ref = NotebookStorageMount.get("existing", "c8f6a1d2-0000-4000-8000-0000000000ff", NOTEBOOK);
  expect(await resolved(ref.id)).toBe("c8f6a1d2-0000-4000-8000-0000000000ff");
  const entry = registered.find((r) => r.name === "existing")!;
  expect(entry.id).toBe("c8f6a1d2-0000-4000-8000-0000000000ff");
  expect(Object.keys(entry.inputs).sort()).toEqual(["__provider", "notebookId"]);
});

test("deleteBeforeReplace: false is refused at program time (a mount path is unique per notebook)", () => {
  expect(
    () =>
      new NotebookStorageMount(
        "dbr",
        { notebookId: NOTEBOOK, uri: "obs://b/d/", mountPath: "/data/d/" },
        { deleteBeforeReplace: false },
      ),
  ).toThrow(/deleteBeforeReplace: false is not supported/);
});
