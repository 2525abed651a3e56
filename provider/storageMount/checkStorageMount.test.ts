import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import { checkInputs } from "../frame/resourceVerbs.js";
import { notebookStorageMountProvider } from "./storageMountProvider.js";

const checkStorageMount = (news: object) => checkInputs(notebookStorageMountProvider.definition, undefined, news);

const NOTEBOOK = "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d";
const EFS = "3f6b8d0e-1a2c-4e5f-9b7d-2c4e6a8b0d13";
const DOT_SEGMENTS = 'must not contain a "." or ".." segment, a backslash, or a percent-encoded ".", "/" or "\\"';
const minimal = { notebookId: NOTEBOOK, uri: "obs://my-bucket/datasets/", mountPath: "/data/datasets/" };

test("fills the category (OBS) and keeps the internal inputs", () => {
  expect(checkStorageMount({ ...minimal, __urn: "urn:x", __provider: "p" })).toEqual({
    inputs: { ...minimal, category: "OBS", __urn: "urn:x", __provider: "p" },
    failures: [],
  });
});

test.each<[string, Record<string, unknown>, { property: string; reason: string }[]]>([
  [
    "a mount path outside /data/",
    { ...minimal, mountPath: "/home/ma-user/data/" },
    [
      {
        property: "mountPath",
        reason:
          'mountPath must be a directory directly under /data/, ending in "/", such as "/data/datasets/" (letters, digits, "_" and "-") (got "/home/ma-user/data/")',
      },
    ],
  ],
  [
    "a mount path without its last /",
    { ...minimal, mountPath: "/data/datasets" },
    [expect.objectContaining({ property: "mountPath" })],
  ],
  [
    "an OBS uri that is not a directory",
    { ...minimal, uri: "obs://my-bucket/datasets" },
    [
      {
        property: "uri",
        reason:
          'uri must be an OBS directory such as "obs://bucket/dir/" for category OBS (got "obs://my-bucket/datasets")',
      },
    ],
  ],
  [
    "an OBS path without its scheme",
    { ...minimal, category: "OBSFS", uri: "/my-bucket/x/" },
    [expect.objectContaining({ property: "uri" })],
  ],
  [
    "EFS without its SFS Turbo id",
    { ...minimal, category: "EFS", uri: "192.168.0.1:/share" },
    [{ property: "efsId", reason: "efsId (the SFS Turbo id) is required for category EFS" }],
  ],
  [
    "an SFS Turbo id for OBS",
    { ...minimal, efsId: EFS },
    [{ property: "efsId", reason: 'efsId is only for category EFS (got category "OBS")' }],
  ],
  [
    "a notebook id that is not a UUID",
    { ...minimal, notebookId: "../x" },
    [expect.objectContaining({ property: "notebookId" })],
  ],
  ["an unknown input", { ...minimal, readOnly: true }, [expect.objectContaining({ property: "readOnly" })]],
  [
    "an OBS uri that climbs into another bucket",
    { ...minimal, uri: "obs://bucket-a/../other/" },
    [{ property: "uri", reason: `uri ${DOT_SEGMENTS} (got "obs://bucket-a/../other/")` }],
  ],
  [
    "an OBS uri with a percent-encoded ..",
    { ...minimal, uri: "obs://bucket-a/%2e%2e/other/" },
    [{ property: "uri", reason: `uri ${DOT_SEGMENTS} (got "obs://bucket-a/%2e%2e/other/")` }],
  ],
  [
    "an SFS Turbo path that climbs out",
    { ...minimal, category: "EFS", uri: "sfs.internal:/share/../../x/", efsId: EFS },
    [expect.objectContaining({ property: "uri", reason: expect.stringContaining(DOT_SEGMENTS) })],
  ],
  [
    "an OBS uri for EFS",
    { ...minimal, category: "EFS", efsId: EFS },
    [
      {
        property: "uri",
        reason:
          'uri must be an SFS Turbo path such as "192.168.0.1:/share/" for category EFS (got "obs://my-bucket/datasets/")',
      },
    ],
  ],
  [
    "a uri with a line break",
    { ...minimal, uri: "obs://my-bucket/datasets/\r\n" },
    [expect.objectContaining({ property: "uri", reason: expect.stringContaining("must not contain control") })],
  ],
  [
    "a timeout over a day",
    { ...minimal, timeouts: { create: "25h" } },
    [expect.objectContaining({ property: "timeouts.create" })],
  ],
])("refuses %s", (_label, news, failures) => {
  expect(checkStorageMount(news).failures).toEqual(failures);
});

test("EFS with its id and an SFS Turbo path passes", () => {
  expect(checkStorageMount({ ...minimal, category: "EFS", uri: "sfs.internal:/share/x", efsId: EFS }).failures).toEqual(
    [],
  );
});

test("values unknown at preview pass, and rules that need them wait for the real run", () => {
  expect(checkStorageMount({ ...minimal, notebookId: UNKNOWN_VALUE }).failures).toEqual([]);
  expect(checkStorageMount({ ...minimal, category: UNKNOWN_VALUE, uri: "not-obs" }).failures).toEqual([]);
  expect(checkStorageMount({ ...minimal, uri: UNKNOWN_VALUE }).failures).toEqual([]);
});

test("__proto__ is not an input", () => {
  expect(checkStorageMount(JSON.parse('{"__proto__": {"x": 1}}') as object).failures).toEqual([
    { property: "__proto__", reason: "__proto__ is not an input" },
  ]);
});
