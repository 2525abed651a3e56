import schema from "../../schema.json";
import seed from "./testdata/seedSamples.json";
import { getValidator, validateWire, type SchemaDefName } from "./validators.js";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Body = Record<string, unknown>;

/** A copy of `base` with `patch` applied: dotted keys reach into objects, `undefined` removes the key. */
function patched(base: object, patch: Record<string, unknown>): Body {
  const result = clone(base) as Body;
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split(".");
    const last = keys.pop()!;
    let node = result;
    for (const key of keys) node = node[key] as Body;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return result;
}

describe("schema.json", () => {
  it("is a draft 2020-12 schema whose $defs all compile", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    for (const name of Object.keys(schema.$defs) as SchemaDefName[]) {
      expect(typeof getValidator(name)).toBe("function");
    }
  });

  it("compiles each definition once", () => {
    expect(getValidator("Instance")).toBe(getValidator("Instance"));
  });

  it("rejects a name that is not a $defs entry", () => {
    expect(() => getValidator("NoSuchShape")).toThrow('schema.json has no $defs entry named "NoSuchShape"');
  });

  it("lists every documented status, DELETING included (INSTANCE_STATUSES is generated from it)", () => {
    expect(schema.$defs.Status.enum).toHaveLength(16);
    expect(schema.$defs.Status.enum).toContain("DELETING");
    expect(validateWire("Status", "RUNNING").valid).toBe(true);
    expect(validateWire("Status", "running").valid).toBe(false);
  });
});

describe("seed samples", () => {
  it("the sample request is a valid CreateRequest", () => {
    expect(validateWire("CreateRequest", seed.createRequest)).toEqual({ valid: true, errors: [] });
  });

  it("the successful response is a valid Instance", () => {
    expect(validateWire("Instance", seed.createResponse)).toEqual({ valid: true, errors: [] });
  });

  it("the failed response is a valid ErrorBody", () => {
    expect(validateWire("ErrorBody", seed.failedResponse)).toEqual({ valid: true, errors: [] });
  });

  it("the successful response is not an ErrorBody, nor the error an Instance", () => {
    expect(validateWire("ErrorBody", seed.createResponse).valid).toBe(false);
    expect(validateWire("Instance", seed.failedResponse).valid).toBe(false);
  });
});

describe("CreateRequest", () => {
  // These rules have their own ModelArts error codes, which the emulator answers with; the shape lets them through.
  it.each<[string, Record<string, unknown>]>([
    ["storage missing (6316)", { "spec.storage": undefined }],
    ["OBS path missing (6317)", { "spec.storage.location.path": undefined }],
    ["location missing (6317)", { "spec.storage.location": undefined }],
    ["path without trailing / (6318)", { "spec.storage.location.path": "/aaaaaaaaa/output" }],
    ["bucket root (6358)", { "spec.storage.location.path": "/aaaaaaaaa/" }],
    ["auto-stop duration missing (6348)", { "spec.auto_stop.duration": undefined }],
    ["auto-stop duration out of range (6349)", { "spec.auto_stop.duration": 60 }],
    ["storage type other than obs (6324)", { "spec.storage.type": "evs" }],
    ["EVS volume size out of range (6331)", { "spec.storage.location.volume_size": 1 }],
  ])("leaves the server rule to the server: %s", (_label, patch) => {
    expect(validateWire("CreateRequest", patched(seed.createRequest, patch))).toEqual({ valid: true, errors: [] });
  });

  it("accepts every documented field", () => {
    const body = {
      ...clone(seed.createRequest),
      spec: {
        storage: {
          type: "obs",
          location: { path: "/b/d/", volume_size: 5, mount_path: "/m", access_modes: "ReadOnlyMany" },
        },
        extend_storage: [{ type: "obsfs", location: { path: "fsbucket" } }],
        auto_stop: { enable: true, duration: 3600, prompt: false },
        annotations: { k: "v" },
      },
      pool: { id: "pool-1", type: "USER_DEFINED", name: "p", owner: { project_id: "proj" } },
      ai_project: { id: "default-ai-project" },
    };
    expect(validateWire("CreateRequest", body)).toEqual({ valid: true, errors: [] });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["name missing", { name: undefined }, "name", "name is required"],
    ["profile_id missing", { profile_id: undefined }, "profile_id", "profile_id is required"],
    ["flavor missing", { flavor: undefined }, "flavor", "flavor is required"],
    ["spec missing", { spec: undefined }, "spec", "spec is required"],
    ["name too long", { name: "n".repeat(65) }, "name", "name must be at most 64 characters (got 65)"],
    ["bad name character", { name: "a b" }, "name", 'name may contain only letters, digits, "-" and "_"'],
    ["bad description character", { description: "x/y" }, "description", "must not contain any of"],
    ["storage type missing", { "spec.storage.type": undefined }, "spec.storage.type", "spec.storage.type is required"],
    ["duration not an integer", { "spec.auto_stop.duration": "3600" }, "spec.auto_stop.duration", "must be an integer"],
    ["unknown top-level key", { extra: 1 }, "extra", "extra is not a known property"],
    ["camelCase key", { profileId: "x" }, "profileId", "did you mean profile_id?"],
    ["pool without id", { pool: { name: "p" } }, "pool.id", "pool.id is required"],
    [
      "bad access mode",
      { "spec.storage.location.access_modes": "RW" },
      "spec.storage.location.access_modes",
      "must be one of",
    ],
  ])("rejects %s", (_label, patch, property, reason) => {
    const result = validateWire("CreateRequest", patched(seed.createRequest, patch));
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ property, reason: expect.stringContaining(reason) }),
    );
  });
});

describe("Instance", () => {
  it("accepts the documented nulls, unknown keys and every documented field", () => {
    const instance = {
      ...clone(seed.createResponse),
      status: "RUNNING",
      error_code: null,
      something_new: { a: 1 },
      pool: { id: "p", name: "pool", type: "USER_DEFINED", owner: { project_id: "proj" } },
      queuing_info: {
        id: "DE-1",
        name: "n",
        de_type: "Notebook",
        flavor: "modelarts.vm.cpu.free",
        flavor_details: {
          name: "modelarts.vm.cpu.free",
          status: "soldOut",
          promo_type: "Free",
          queuing_num: 3,
          queue_left_time: 60,
        },
        status: "CREATE_QUEUING",
        begin_timestamp: 1614669154682,
        remain_time: 60,
        end_timestamp: 1614669214682,
        rank: 2,
      },
      repository: {
        id: "r",
        branch: "main",
        user_name: "u",
        user_email: "u@example.com",
        type: "GitHub",
        connection_info: { protocol: "https", url: "https://example.com/r.git", credential: { access_token: "x" } },
      },
      spec: {
        ...clone(seed.createResponse.spec),
        log_path: "/b/log/",
        custom_script_path: null,
        storage: { type: "obs", location: { path: "/b/d/", volume_size: 5, volume_unit: "GB" } },
        extend_storage: [],
        credential: null,
        resource_reserved_timestamp: 1614669154682,
        auto_stop: { enable: true, duration: 3600, prompt: true, stop_timestamp: 1614672754682, remain_time: 3500 },
        failed_reasons: { code: "ModelArts.6320", message: "Access obs error.", detail: { reason: "403" } },
      },
    };
    expect(validateWire("Instance", instance)).toEqual({ valid: true, errors: [] });
  });

  it("accepts a status outside the documented list (unknown statuses are pending, not errors)", () => {
    expect(validateWire("Instance", { ...clone(seed.createResponse), status: "FROZEN" }).valid).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["timestamp as a number", { creation_timestamp: 1614669154682 }, "creation_timestamp", "must be a string"],
    ["short timestamp", { latest_update_timestamp: "16146691546" }, "latest_update_timestamp", "13-digit"],
    ["empty status", { status: "" }, "status", "status must not be empty"],
    [
      "auto_stop duration as text",
      { spec: { auto_stop: { duration: "1h" } } },
      "spec.auto_stop.duration",
      "must be an integer or null",
    ],
  ])("rejects %s", (_label, patch, property, reason) => {
    const result = validateWire("Instance", { ...clone(seed.createResponse), ...patch });
    expect(result.errors).toContainEqual(
      expect.objectContaining({ property, reason: expect.stringContaining(reason) }),
    );
  });

  it("requires id, name and status", () => {
    expect(validateWire("Instance", {}).errors.map((e) => e.property)).toEqual(["id", "name", "status"]);
  });
});

describe("ListResponse", () => {
  const item = seed.createResponse;
  it.each([2, "2"])("accepts total_count %p", (total) => {
    expect(validateWire("ListResponse", { total_count: total, instances: [item, item] }).valid).toBe(true);
  });

  it("accepts an empty list", () => {
    expect(validateWire("ListResponse", { total_count: 0, instances: [] }).valid).toBe(true);
  });

  it("rejects a non-numeric total_count and reports bad items by index", () => {
    const result = validateWire("ListResponse", { total_count: "two", instances: [item, { id: "x" }] });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ property: "total_count", reason: expect.stringContaining("a string of digits") }),
        expect.objectContaining({ property: "instances[1].name", reason: "instances[1].name is required" }),
      ]),
    );
  });

  it("rejects the v2 list shape", () => {
    expect(validateWire("ListResponse", { total: 2, data: [] }).errors).toContainEqual(
      expect.objectContaining({ property: "instances", reason: "instances is required" }),
    );
  });
});

describe("UpdateRequest", () => {
  it.each([
    { description: "This is for test." },
    { spec: { auto_stop: { enable: true, duration: 7200, prompt: false } } },
    { description: "", spec: { auto_stop: { enable: false } } },
  ])("accepts %j", (body) => {
    expect(validateWire("UpdateRequest", body)).toEqual({ valid: true, errors: [] });
  });

  it.each<[unknown, string, string]>([
    [{ name: "other" }, "name", "name is not a known property"],
    [{ flavor: "modelarts.vm.cpu.8u" }, "flavor", "flavor is not a known property"],
    [{ spec: { storage: {} } }, "spec.storage", "spec.storage is not a known property"],
    [{ spec: { auto_stop: { enabled: true } } }, "spec.auto_stop.enabled", "did you mean enable?"],
    [{ description: "a&b" }, "description", "must not contain any of"],
  ])("rejects %j", (body, property, reason) => {
    expect(validateWire("UpdateRequest", body).errors).toContainEqual(
      expect.objectContaining({ property, reason: expect.stringContaining(reason) }),
    );
  });
});

describe("ActionRequest / ActionResponse / DeleteResponse", () => {
  it.each(["start", "stop", "restart", "queue", "dequeue"])("accepts action %s", (action) => {
    expect(validateWire("ActionRequest", { action }).valid).toBe(true);
  });

  it("rejects an unknown action and suggests the right case", () => {
    expect(validateWire("ActionRequest", { action: "Start" }).errors).toEqual([
      {
        property: "action",
        reason:
          'action must be one of "start", "stop", "restart", "queue", "dequeue" (got "Start"; did you mean "start"?)',
        keyword: "enum",
      },
    ]);
  });

  it("accepts the documented action response, with extra keys or without its fields (nothing in it is acted on)", () => {
    expect(validateWire("ActionResponse", { current_status: "STARTING", previous_state: "STOPPED" }).valid).toBe(true);
    expect(
      validateWire("ActionResponse", { current_status: "STARTING", previous_state: "STOPPED", status: "x" }).valid,
    ).toBe(true);
    expect(validateWire("ActionResponse", { current_status: "STARTING", previous_status: "STOPPED" }).valid).toBe(true);
    expect(validateWire("ActionResponse", null).valid).toBe(false);
  });

  it("accepts the documented delete response", () => {
    expect(validateWire("DeleteResponse", { instance_id: "DE-1" }).valid).toBe(true);
    expect(validateWire("DeleteResponse", {}).errors).toEqual([
      { property: "instance_id", reason: "instance_id is required", keyword: "required" },
    ]);
  });
});

describe("ErrorBody", () => {
  it.each([
    { error_code: "ModelArts.6309", error_message: "The instance does not exist." },
    { error_code: "AS.0001", error_msg: "x" },
    { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information", request_id: "abc" },
  ])("accepts %j", (body) => {
    expect(validateWire("ErrorBody", body).valid).toBe(true);
  });

  it("needs one of error_msg / error_message, reported once", () => {
    expect(validateWire("ErrorBody", { error_code: "ModelArts.6309" }).errors).toEqual([
      { property: "error_msg", reason: "error_msg or error_message is required", keyword: "anyOf" },
    ]);
  });

  it("needs error_code", () => {
    expect(validateWire("ErrorBody", { error_msg: "x" }).errors).toEqual([
      { property: "error_code", reason: "error_code is required", keyword: "required" },
    ]);
  });

  it("names the root as the body", () => {
    expect(validateWire("ErrorBody", "oops").errors[0]).toEqual({
      property: "",
      reason: 'body must be an object (got "oops")',
      keyword: "type",
    });
  });
});
