import fc from "fast-check";
import { validateInputs } from "./validators.js";

/** A host's stand-in for a value not known yet (Pulumi's unknown sentinel in the provider). */
const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

type Inputs = Record<string, unknown>;

const MINIMAL: Inputs = {
  profileId: "Ascend-Power-Engine 1.0(python3)",
  flavor: "modelarts.kat1.xlarge",
  storage: { path: "/bucket/dir/" },
};

const FULL: Inputs = {
  name: "notebook-d115",
  namePrefix: "my notebook:1",
  profileId: "Multi-Engine 1.0 (python3)-gpu",
  flavor: "modelarts.vm.gpu.v100",
  description: "",
  storage: { type: "obs", path: "/bucket/dir/sub/" },
  extendStorage: [
    { type: "obsfs", path: "fs-bucket" },
    { type: "evs", path: "data" },
  ],
  autoStop: { enabled: true, durationSeconds: 3600, prompt: false },
  annotations: { "app.kubernetes.io/name": "x", team: "ml" },
  workspaceId: "0",
  pool: { id: "pool-1", type: "USER_DEFINED", name: "dedicated", ownerProjectId: "proj" },
  aiProjectId: "default-ai-project",
  desiredStatus: "STOPPED",
  timeouts: { create: "1h30m", update: "30s", delete: "1.5h" },
  adoptId: "DE-a970f5d4-7b26-11eb-91ca-0255ac10003b",
  __provider: "exports.handler = ...",
};

/** MINIMAL with `patch` applied; a patch value of `undefined` removes the key. Dotted keys reach into objects. */
function inputs(patch: Record<string, unknown>): Inputs {
  const result = JSON.parse(JSON.stringify(MINIMAL)) as Inputs;
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split(".");
    const last = keys.pop()!;
    let node = result;
    for (const key of keys) node = node[key] as Inputs;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return result;
}

describe("validateInputs: valid inputs", () => {
  it.each<[string, unknown]>([
    ["the minimal inputs", MINIMAL],
    ["every input set", FULL],
    ["auto-stop disabled without a duration", inputs({ autoStop: { enabled: false } })],
    ["the lowest auto-stop duration", inputs({ autoStop: { enabled: true, durationSeconds: 3600 } })],
    ["the highest auto-stop duration", inputs({ autoStop: { enabled: true, durationSeconds: 86400 } })],
    ["a 64-character name", inputs({ name: "a".repeat(64) })],
    ["a 512-character description", inputs({ description: "d".repeat(512) })],
    ["a description with ordinary punctuation", inputs({ description: "GPU notebook, team #3 (test): ok!" })],
    ["a deep storage path", inputs({ "storage.path": "/bucket/a/b/c/" })],
    ["storage type obs", inputs({ "storage.type": "obs" })],
    ["an empty extendStorage list", inputs({ extendStorage: [] })],
    ["desiredStatus RUNNING", inputs({ desiredStatus: "RUNNING" })],
    ["a duration in hours only", inputs({ timeouts: { create: "2h" } })],
    ["any __ key", inputs({ __owner: "x", __provider: U })],
    [
      "the inputs after check filled the defaults",
      inputs({ name: "n-abc1234", description: "", workspaceId: "0", autoStop: { enabled: false, prompt: true } }),
    ],
  ])("accepts %s", (_label, value) => {
    expect(validateInputs("NotebookInstanceInputs", value)).toEqual([]);
  });
});

describe("validateInputs: invalid inputs", () => {
  // [what is wrong, inputs, the property reported, a substring of its reason]
  const cases: Array<[string, unknown, string, string]> = [
    ["profileId missing", inputs({ profileId: undefined }), "profileId", "profileId is required"],
    ["flavor missing", inputs({ flavor: undefined }), "flavor", "flavor is required"],
    ["storage missing", inputs({ storage: undefined }), "storage", "storage is required"],
    ["storage.path missing", inputs({ storage: { type: "obs" } }), "storage.path", "storage.path is required"],
    ["empty profileId", inputs({ profileId: "" }), "profileId", "profileId must not be empty"],
    ["numeric profileId", inputs({ profileId: 5 }), "profileId", "profileId must be a string (got 5)"],
    ["null flavor", inputs({ flavor: null }), "flavor", "flavor must be a string (got null)"],
    ["name too long", inputs({ name: "n".repeat(70) }), "name", "name must be at most 64 characters (got 70)"],
    [
      "name with a space",
      inputs({ name: "my notebook" }),
      "name",
      'name may contain only letters, digits, "-" and "_" (got "my notebook")',
    ],
    ["empty name", inputs({ name: "" }), "name", "name must not be empty"],
    ["namePrefix not a string", inputs({ namePrefix: 7 }), "namePrefix", "namePrefix must be a string (got 7)"],
    [
      "description with <",
      inputs({ description: "a<b" }),
      "description",
      `description must not contain any of & < > " ' / (got "a<b")`,
    ],
    ["description with /", inputs({ description: "CPU/GPU" }), "description", "must not contain any of"],
    [
      "description too long",
      inputs({ description: "d".repeat(513) }),
      "description",
      "description must be at most 512 characters (got 513)",
    ],
    [
      "path without trailing slash",
      inputs({ "storage.path": "/bucket/dir" }),
      "storage.path",
      'storage.path must end with "/" (got "/bucket/dir")',
    ],
    [
      "path without leading slash",
      inputs({ "storage.path": "bucket/dir/" }),
      "storage.path",
      'storage.path must start with "/" (got "bucket/dir/")',
    ],
    ["bucket root", inputs({ "storage.path": "/bucket/" }), "storage.path", "not the bucket root"],
    ["just a slash", inputs({ "storage.path": "/" }), "storage.path", "must be a directory inside a bucket"],
    [
      "obs:// scheme",
      inputs({ "storage.path": "obs://bucket/dir/" }),
      "storage.path",
      'without a scheme such as "obs://" (got "obs://bucket/dir/")',
    ],
    ["empty path segment", inputs({ "storage.path": "/bucket//dir/" }), "storage.path", 'must not contain "//"'],
    ["empty path", inputs({ "storage.path": "" }), "storage.path", "storage.path must not be empty"],
    ["numeric path", inputs({ "storage.path": 42 }), "storage.path", "storage.path must be a string (got 42)"],
    ["storage type evs", inputs({ "storage.type": "evs" }), "storage.type", 'storage.type must be "obs"'],
    [
      "unknown storage key",
      inputs({ "storage.bucket": "b" }),
      "storage.bucket",
      "storage.bucket is not a known property",
    ],
    ["storage not an object", inputs({ storage: "/bucket/dir/" }), "storage", "storage must be an object"],
    [
      "bad extendStorage type",
      inputs({ extendStorage: [{ type: "nfs", path: "x" }] }),
      "extendStorage[0].type",
      'extendStorage[0].type must be one of "obsfs", "obs", "evs" (got "nfs")',
    ],
    [
      "extendStorage item without path",
      inputs({ extendStorage: [{ type: "obsfs", path: "a" }, { type: "obsfs" }] }),
      "extendStorage[1].path",
      "extendStorage[1].path is required",
    ],
    ["extendStorage not a list", inputs({ extendStorage: { type: "obsfs" } }), "extendStorage", "must be an array"],
    [
      "auto-stop enabled without duration",
      inputs({ autoStop: { enabled: true } }),
      "autoStop.durationSeconds",
      "autoStop.durationSeconds is required when autoStop.enabled is true",
    ],
    [
      "auto-stop duration too short",
      inputs({ autoStop: { enabled: true, durationSeconds: 60 } }),
      "autoStop.durationSeconds",
      "autoStop.durationSeconds must be between 3600 and 86400 seconds (got 60)",
    ],
    [
      "auto-stop duration too long",
      inputs({ autoStop: { enabled: true, durationSeconds: 90000 } }),
      "autoStop.durationSeconds",
      "autoStop.durationSeconds must be between 3600 and 86400 seconds (got 90000)",
    ],
    [
      "fractional auto-stop duration",
      inputs({ autoStop: { enabled: true, durationSeconds: 3600.5 } }),
      "autoStop.durationSeconds",
      "autoStop.durationSeconds must be an integer (got 3600.5)",
    ],
    [
      "auto-stop without enabled",
      inputs({ autoStop: { durationSeconds: 3600 } }),
      "autoStop.enabled",
      "autoStop.enabled is required",
    ],
    [
      "auto-stop enabled as text",
      inputs({ autoStop: { enabled: "yes" } }),
      "autoStop.enabled",
      'autoStop.enabled must be a boolean (got "yes")',
    ],
    [
      "wire spelling in autoStop",
      inputs({ autoStop: { enabled: false, duration: 3600 } }),
      "autoStop.duration",
      "autoStop.duration is not a known property; did you mean durationSeconds?",
    ],
    [
      "annotation value not a string",
      inputs({ annotations: { a: 1 } }),
      "annotations.a",
      "annotations.a must be a string (got 1)",
    ],
    [
      "annotation key that is not an identifier",
      inputs({ annotations: { "k8s.io/x": true } }),
      'annotations["k8s.io/x"]',
      'annotations["k8s.io/x"] must be a string (got true)',
    ],
    ["pool without id", inputs({ pool: { name: "p" } }), "pool.id", "pool.id is required"],
    [
      "pool key in wire spelling",
      inputs({ pool: { id: "p", owner_project_id: "x" } }),
      "pool.owner_project_id",
      "did you mean ownerProjectId?",
    ],
    [
      "desiredStatus in lower case",
      inputs({ desiredStatus: "running" }),
      "desiredStatus",
      'desiredStatus must be one of "RUNNING", "STOPPED" (got "running"; did you mean "RUNNING"?)',
    ],
    ["desiredStatus DELETED", inputs({ desiredStatus: "DELETED" }), "desiredStatus", "must be one of"],
    [
      "timeout in words",
      inputs({ timeouts: { create: "30 minutes" } }),
      "timeouts.create",
      'timeouts.create must be a positive duration such as "30s", "30m", "1h" or "1h30m" (got "30 minutes")',
    ],
    ["zero timeout", inputs({ timeouts: { delete: "0s" } }), "timeouts.delete", "must be a positive duration"],
    ["timeout without unit", inputs({ timeouts: { update: "10" } }), "timeouts.update", "must be a positive duration"],
    ["timeout in days", inputs({ timeouts: { create: "1d" } }), "timeouts.create", "must be a positive duration"],
    ["unknown timeout", inputs({ timeouts: { read: "1m" } }), "timeouts.read", "timeouts.read is not a known property"],
    [
      "numeric timeout",
      inputs({ timeouts: { create: 60 } }),
      "timeouts.create",
      "timeouts.create must be a string (got 60)",
    ],
    [
      "empty adoptId",
      inputs({ adoptId: "" }),
      "adoptId",
      'adoptId must be a notebook instance id such as "DE-<uuid>" or a UUID (got "")',
    ],
    ["adoptId ..", inputs({ adoptId: ".." }), "adoptId", "adoptId must be a notebook instance id"],
    ["adoptId with a slash", inputs({ adoptId: "DE-1/../x" }), "adoptId", "adoptId must be a notebook instance id"],
    ["numeric workspaceId", inputs({ workspaceId: 0 }), "workspaceId", "workspaceId must be a string (got 0)"],
    ["empty aiProjectId", inputs({ aiProjectId: "" }), "aiProjectId", "aiProjectId must not be empty"],
    [
      "wire spelling of profileId",
      inputs({ profile_id: "x" }),
      "profile_id",
      "profile_id is not a known property; did you mean profileId?",
    ],
    ["a single-underscore key", inputs({ _provider: "x" }), "_provider", "_provider is not a known property"],
    ["inputs that are a list", [MINIMAL], "", "inputs must be an object (got an array)"],
    ["inputs that are null", null, "", "inputs must be an object (got null)"],
  ];

  it("has at least 30 distinct cases", () => {
    expect(new Set(cases.map((c) => c[0])).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("rejects %s", (_label, value, property, reason) => {
    const issues = validateInputs("NotebookInstanceInputs", value);
    expect(issues).toContainEqual(expect.objectContaining({ property, reason: expect.stringContaining(reason) }));
  });
});

describe("validateInputs: one issue per problem", () => {
  it.each<[string, unknown, Array<[string, string]>]>([
    [
      "auto-stop enabled without duration (no if/then echo)",
      inputs({ autoStop: { enabled: true } }),
      [["autoStop.durationSeconds", "autoStop.durationSeconds is required when autoStop.enabled is true"]],
    ],
    [
      "a scheme (not also a missing leading slash)",
      inputs({ "storage.path": "obs://bucket/dir/" }),
      [
        [
          "storage.path",
          'storage.path must be a path such as "/bucket/dir/", without a scheme such as "obs://" (got "obs://bucket/dir/")',
        ],
      ],
    ],
    [
      "an empty path (not also every path rule)",
      inputs({ "storage.path": "" }),
      [["storage.path", "storage.path must not be empty"]],
    ],
    [
      "a wrong type (reported once although several rules reference the path)",
      inputs({ "storage.path": true }),
      [["storage.path", "storage.path must be a string (got true)"]],
    ],
    [
      "two independent problems of one path",
      inputs({ "storage.path": "/bucket" }),
      [
        ["storage.path", 'storage.path must end with "/" (got "/bucket")'],
        [
          "storage.path",
          'storage.path must be a directory inside a bucket such as "/bucket/dir/", not the bucket root (got "/bucket")',
        ],
      ],
    ],
    [
      "problems in several properties",
      { flavor: "", storage: { path: "/b/d/" }, name: "a b" },
      [
        ["profileId", "profileId is required"],
        ["name", 'name may contain only letters, digits, "-" and "_" (got "a b")'],
        ["flavor", "flavor must not be empty"],
      ],
    ],
  ])("%s", (_label, value, expected) => {
    const issues = validateInputs("NotebookInstanceInputs", value).map((i) => [i.property, i.reason]);
    expect(issues).toEqual(expect.arrayContaining(expected));
    expect(issues).toHaveLength(expected.length);
  });

  it("shortens long values in reasons", () => {
    const [issue] = validateInputs("NotebookInstanceInputs", inputs({ description: `${"x".repeat(100)}<` }));
    expect(issue?.reason).toBe(`description must not contain any of & < > " ' / (got "${"x".repeat(59)}…")`);
  });
});

describe("validateInputs: Pulumi's unknown value during preview", () => {
  it.each<[string, unknown]>([
    ["all inputs unknown", U],
    ["storage unknown", inputs({ storage: U })],
    ["storage.path unknown", inputs({ "storage.path": U })],
    ["autoStop unknown", inputs({ autoStop: U })],
    ["autoStop.enabled unknown, no duration", inputs({ autoStop: { enabled: U } })],
    ["autoStop.durationSeconds unknown", inputs({ autoStop: { enabled: true, durationSeconds: U } })],
    ["extendStorage unknown", inputs({ extendStorage: U })],
    ["one extendStorage item unknown", inputs({ extendStorage: [U, { type: "obs", path: "x" }] })],
    ["pool unknown", inputs({ pool: U })],
    ["annotations unknown", inputs({ annotations: U })],
    ["a timeout unknown", inputs({ timeouts: { create: U } })],
    ["desiredStatus unknown", inputs({ desiredStatus: U })],
    ["every value unknown", { profileId: U, flavor: U, storage: U, autoStop: U, timeouts: U, __provider: U }],
  ])("tolerates %s", (_label, value) => {
    expect(validateInputs("NotebookInstanceInputs", value, { unknown: U })).toEqual([]);
  });

  it("still reports the unknown value as invalid outside preview", () => {
    expect(validateInputs("NotebookInstanceInputs", inputs({ storage: U }))).toEqual([
      expect.objectContaining({ property: "storage", reason: `storage must be an object (got "${U}")` }),
    ]);
  });

  it("still reports known problems and missing properties next to unknown values", () => {
    const issues = validateInputs(
      "NotebookInstanceInputs",
      { flavor: U, storage: U, name: "a b", desiredStatus: "ON" },
      { unknown: U },
    );
    expect(issues.map((i) => i.property)).toEqual(["profileId", "name", "desiredStatus"]);
  });

  it("still reports unknown keys holding an unknown value", () => {
    expect(validateInputs("NotebookInstanceInputs", inputs({ colour: U }), { unknown: U })).toEqual([
      expect.objectContaining({ property: "colour", reason: "colour is not a known property" }),
    ]);
  });
});

describe("validateInputs: properties", () => {
  const KEYS = [
    "name",
    "namePrefix",
    "profileId",
    "flavor",
    "description",
    "storage",
    "extendStorage",
    "autoStop",
    "annotations",
    "workspaceId",
    "pool",
    "aiProjectId",
    "desiredStatus",
    "timeouts",
    "adoptId",
    "__provider",
    "path",
    "type",
    "enabled",
    "durationSeconds",
    "id",
  ];
  const leaf = fc.oneof(fc.jsonValue(), fc.constant(U), fc.constantFrom("/b/d/", "/b", "obs://b/d/", "", "1h", 3600));
  // Objects shaped like the inputs (known keys at every level) reach the deep rules; plain JSON covers the rest.
  const shaped = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.dictionary(fc.constantFrom(...KEYS), tie("node"), { maxKeys: 6 }),
      fc.array(tie("node"), { maxLength: 3 }),
    ),
  })).node;

  it("never throws, and every issue names its property first", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), fc.boolean(), (value, allowUnknowns) => {
        const issues = validateInputs("NotebookInstanceInputs", value, allowUnknowns ? { unknown: U } : {});
        for (const issue of issues) {
          expect(typeof issue.property).toBe("string");
          expect(issue.reason.startsWith(issue.property === "" ? "inputs " : `${issue.property} `)).toBe(true);
        }
        const keys = issues.map((i) => `${i.property}\n${i.reason}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("allowing unknowns only ever removes issues", () => {
    fc.assert(
      fc.property(shaped, (value) => {
        expect(validateInputs("NotebookInstanceInputs", value, { unknown: U }).length).toBeLessThanOrEqual(
          validateInputs("NotebookInstanceInputs", value).length,
        );
      }),
      { numRuns: 1000 },
    );
  });
});
