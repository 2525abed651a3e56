import schema from "../../schema.json";
import docs from "./testdata/notebooksSamples.json";
import { validateWire } from "./validators.js";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const valid = { valid: true, errors: [] };

function expectIssue(defName: string, body: unknown, property: string, reason: string): void {
  expect(validateWire(defName, body).errors).toContainEqual(
    expect.objectContaining({ property, reason: expect.stringContaining(reason) }),
  );
}

describe("notebooks $defs", () => {
  it("lists the 14 documented statuses (NOTEBOOK_STATUSES is generated from it)", () => {
    expect(schema.$defs.NotebookStatus.enum).toHaveLength(14);
  });

  it("keeps the block after ErrorBody, so v1 and v2 definitions do not interleave", () => {
    const names = Object.keys(schema.$defs);
    const first = names.indexOf("NotebookStatus");
    expect(names[first - 1]).toBe("ErrorBody");
    const wireBlock = names.slice(first, names.indexOf("NotebookInstanceInputs"));
    expect(wireBlock.every((n) => n.startsWith("Notebook"))).toBe(true);
  });
});

describe("the OTC examples", () => {
  it.each<[keyof typeof docs, string]>([
    ["createRequest", "NotebookCreateRequest"],
    ["createResponse", "NotebookObject"],
    ["showResponse", "NotebookObject"],
    ["deleteResponse", "NotebookObject"],
    ["startResponse", "NotebookObject"],
    ["stopResponse", "NotebookObject"],
    ["listResponse", "NotebookListResponse"],
    ["listAllResponse", "NotebookListResponse"],
    ["updateRequest", "NotebookUpdateRequest"],
    ["updateResponse", "NotebookUpdateResponse"],
    ["renewLeaseRequest", "NotebookLeaseRequest"],
    ["renewLeaseResponse", "NotebookLease"],
    ["showLeaseResponse", "NotebookLease"],
    ["flavorsResponse", "NotebookFlavorsResponse"],
    ["switchableFlavorsResponse", "NotebookFlavorsResponse"],
    ["imagesResponse", "NotebookImagesResponse"],
    ["imageResponse", "NotebookImage"],
    ["attachStorageRequest", "NotebookDataVolumesRequest"],
    ["attachStorageResponse", "NotebookStorage"],
    ["showStorageResponse", "NotebookStorage"],
    ["detachStorageResponse", "NotebookStorage"],
    ["listStorageResponse", "NotebookStorageListResponse"],
  ])("%s is a valid %s", (sample, defName) => {
    expect(validateWire(defName, docs[sample])).toEqual(valid);
  });

  it("the partial update answer is not a full NotebookObject (no id, no status)", () => {
    expect(validateWire("NotebookObject", docs.updateResponse).errors.map((e) => e.property)).toEqual(["id", "status"]);
  });
});

describe("NotebookCreateRequest", () => {
  const base = docs.createRequest;

  it("accepts Terraform's body: duration -1, SSH endpoint, EFS + DEDICATED", () => {
    const body = {
      feature: "NOTEBOOK",
      duration: -1,
      name: "tf_notebook",
      flavor: "modelarts.vm.cpu.2u",
      image_id: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
      volume: { category: "EFS", ownership: "DEDICATED", uri: "abc.sfsturbo.internal:/", id: "sfs-1" },
      endpoints: [{ service: "SSH", key_pair_names: ["kp"], allowed_access_ips: ["1.2.3.4"] }],
      workspace_id: "0123456789abcdef0123456789abcdef",
    };
    expect(validateWire("NotebookCreateRequest", body)).toEqual(valid);
  });

  it("accepts every documented field", () => {
    const body = {
      ...clone(base),
      pool_id: "pool41664192",
      lease: { duration: 7200000, type: "IDLE" },
      hooks: { container_hooks: { pre_start: { script: "/a.sh", type: "SCRIPT", mode: "BLOCK" } } },
      custom_spec: { cpu: 0.5, memory: 1024, gpu: 0, arch: "X86_64", category: "CPU" },
      data_volumes: [{ category: "OBS", ownership: "DEDICATED", uri: "obs://b/d/", dew_secret_name: "cred_1" }],
      affinity: {
        required_during_scheduling_ignored_during_execution: [{ key: "k", operator: "In", values: ["v"] }],
        preferred_during_scheduling_ignored_during_execution: [{ key: "k", operator: "Exists", weight: 10 }],
      },
      run_user: { uid: 1000, gid: 100 },
      user_vpc: { vpc_id: "v", subnet_id: "s", security_group_ids: ["g"], connect_cidrs: ["10.0.0.0/8"] },
      public_network_config: { anything: true },
    };
    expect(validateWire("NotebookCreateRequest", body)).toEqual(valid);
  });

  it("leaves the rules with their own codes to the server: capacity, duration range, DEDICATED on EVS", () => {
    const body = { ...clone(base), duration: 5, volume: { category: "EVS", ownership: "DEDICATED", capacity: 99999 } };
    expect(validateWire("NotebookCreateRequest", body)).toEqual(valid);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["no image_id", { image_id: undefined }, "image_id", "image_id is required"],
    ["no volume", { volume: undefined }, "volume", "volume is required"],
    ["no ownership", { volume: { category: "EVS" } }, "volume.ownership", "volume.ownership is required"],
    ["mixed-case category", { volume: { category: "Evs", ownership: "MANAGED" } }, "volume.category", "must be one of"],
    ["a long name", { name: "n".repeat(129) }, "name", "at most 128 characters"],
    ["a bad name character", { name: "a b" }, "name", 'may contain only letters, digits, "-" and "_"'],
    ["a bad description character", { description: "<b>" }, "description", "must not contain any of"],
    ["a bad workspace", { workspace_id: "ws-1" }, "workspace_id", "workspace_id"],
    ["an unknown key", { auto_stop: {} }, "auto_stop", "auto_stop is not a known property"],
    ["a lease with enable", { lease: { enable: true } }, "lease.enable", "lease.enable is not a known property"],
    [
      "six access IPs",
      { endpoints: [{ allowed_access_ips: ["1", "2", "3", "4", "5", "6"] }] },
      "endpoints[0].allowed_access_ips",
      "must have at most 5 entries (got 6)",
    ],
  ])("rejects %s", (_label, patch, property, reason) => {
    const body: Record<string, unknown> = { ...clone(base), ...patch };
    for (const key of Object.keys(patch)) if (patch[key] === undefined) delete body[key];
    expectIssue("NotebookCreateRequest", body, property, reason);
  });
});

describe("NotebookUpdateRequest", () => {
  it("accepts the fields Terraform changes in place", () => {
    const body = {
      name: "renamed",
      description: "d",
      flavor: "modelarts.vm.cpu.8u",
      image_id: "278e88d1-5b71-4766-8502-b3ba72e824d9",
      endpoints: [{ service: "SSH", key_pair_names: ["kp"], allowed_access_ips: ["1.1.1.1"] }],
      storage_new_size: 100,
    };
    expect(validateWire("NotebookUpdateRequest", body)).toEqual(valid);
  });

  it.each(["lease", "pool_id", "workspace_id", "volume", "feature", "duration"])("refuses %s", (key) => {
    expectIssue("NotebookUpdateRequest", { [key]: "x" }, key, `${key} is not a known property`);
  });
});

describe("NotebookTagsRequest", () => {
  it("accepts keys and values of the documented character set", () => {
    const tags = [
      { key: "env", value: "prod" },
      { key: "Team name_1.a:b=c+d-e@f", value: "a/b" },
      { key: "项目", value: "" },
    ];
    expect(validateWire("NotebookTagsRequest", { tags })).toEqual(valid);
  });

  it.each<[string, unknown, string]>([
    ["a _sys_ key", { key: "_sys_x", value: "v" }, "tags[0].key"],
    ["a leading space", { key: " k", value: "v" }, "tags[0].key"],
    ["a trailing space", { key: "k ", value: "v" }, "tags[0].key"],
    ["a slash in the key", { key: "a/b", value: "v" }, "tags[0].key"],
    ["a long value", { key: "k", value: "v".repeat(256) }, "tags[0].value"],
    ["no value", { key: "k" }, "tags[0].value"],
  ])("rejects %s", (_label, tag, property) => {
    expect(validateWire("NotebookTagsRequest", { tags: [tag] }).errors.map((e) => e.property)).toContain(property);
  });
});

describe("responses are lenient", () => {
  it("NotebookObject accepts unknown keys, documented nulls and an unknown status", () => {
    const body = {
      ...clone(docs.showResponse),
      status: "HIBERNATING",
      fail_reason: null,
      pool: null,
      volume: {
        category: "EVS",
        ownership: "MANAGED",
        capacity: 5,
        status: "RESIZING",
        mount_path: "/home/ma-user/work/",
      },
      action_progress: [{ status: "PROCESSING", step: 2, description: "prepare compute" }],
      endpoints: [{ service: "SSH", uri: "192.168.0.1", key_pair_names: ["kp"], ssh_keys: ["kp"] }],
      something_new: 1,
    };
    expect(validateWire("NotebookObject", body)).toEqual(valid);
  });

  it("NotebookObject rejects an error body and a string timestamp", () => {
    expect(validateWire("NotebookObject", { error_code: "ModelArts.6404", error_msg: "x" }).valid).toBe(false);
    expectIssue("NotebookObject", { ...clone(docs.showResponse), create_at: "1638841744515" }, "create_at", "integer");
  });

  it("NotebookFlavorsResponse needs data or flavors", () => {
    expect(validateWire("NotebookFlavorsResponse", { flavors: [] }).valid).toBe(true);
    expect(validateWire("NotebookFlavorsResponse", { total: 0 }).valid).toBe(false);
  });

  it("the list envelopes reject the v1 shape", () => {
    expectIssue("NotebookListResponse", { total_count: 0, instances: [] }, "data", "data is required");
  });

  it("NotebookErrorBody needs error_msg (not the demanager error_message)", () => {
    expect(validateWire("NotebookErrorBody", { error_code: "ModelArts.6404", error_msg: "gone" }).valid).toBe(true);
    expectIssue("NotebookErrorBody", { error_code: "ModelArts.6404", error_message: "gone" }, "error_msg", "required");
  });
});
