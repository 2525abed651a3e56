import { ConfigurationError } from "../base/errors.js";
import { defaultModelArtsEndpoint, derivedEndpoint, resolveSettings, type SettingsInput } from "./resolveSettings.js";

const AKSK = { HW_ACCESS_KEY: "ak-hw", HW_SECRET_KEY: "sk-hw" };
/** Project ids as IAM gives them: 32 hexadecimal characters; one per source, to see which one wins. */
const PROJECT = "0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7";
const PROJECT_C = "c".repeat(32);
const PROJECT_E = "e".repeat(32);
const PROJECT_S = "5".repeat(32);
const PROJECT_HW = "a".repeat(32);

function errorOf(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigurationError) return err;
    throw err;
  }
  throw new Error("expected a ConfigurationError");
}

describe("lookup order: explicit, stack config, HUAWEICLOUD_SDK_*, HW_*", () => {
  const config = (values: Partial<Record<keyof SettingsInput, string>>) => (key: keyof SettingsInput) => values[key];

  test("explicit wins over everything", () => {
    const s = resolveSettings({
      explicit: { region: "cn-east-3", accessKey: "ak-x", secretKey: "sk-x" },
      config: config({ region: "cn-north-1", accessKey: "ak-c", secretKey: "sk-c" }),
      env: { HUAWEICLOUD_SDK_AK: "ak-s", HUAWEICLOUD_SDK_SK: "sk-s", ...AKSK, HW_REGION_NAME: "cn-south-1" },
    });
    expect(s.region).toBe("cn-east-3");
    expect(s.credentials).toEqual({ kind: "aksk", accessKey: "ak-x", secretKey: "sk-x", securityToken: undefined });
  });

  test("stack config wins over the environment", () => {
    const s = resolveSettings({
      config: config({ region: "cn-north-1", projectId: PROJECT_C }),
      env: { ...AKSK, HW_REGION_NAME: "cn-south-1", HW_PROJECT_ID: PROJECT_E },
    });
    expect(s.region).toBe("cn-north-1");
    expect(s.projectId).toBe(PROJECT_C);
  });

  test("Huawei SDK variables win over Terraform's", () => {
    const s = resolveSettings({
      env: {
        HUAWEICLOUD_SDK_AK: "ak-s",
        HUAWEICLOUD_SDK_SK: "sk-s",
        HUAWEICLOUD_SDK_SECURITY_TOKEN: "st-s",
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_S,
        ...AKSK,
        HW_PROJECT_ID: PROJECT_HW,
        HW_REGION_NAME: "cn-north-4",
      },
    });
    expect(s.credentials).toEqual({ kind: "aksk", accessKey: "ak-s", secretKey: "sk-s", securityToken: "st-s" });
    expect(s.projectId).toBe(PROJECT_S);
  });

  test("Terraform's variables are read", () => {
    const s = resolveSettings({
      env: { ...AKSK, HW_SECURITY_TOKEN: "st", HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: PROJECT },
    });
    expect(s).toMatchObject({
      region: "cn-north-4",
      projectId: PROJECT,
      endpoint: "https://modelarts.cn-north-4.myhuaweicloud.com",
    });
    expect(s.credentials).toMatchObject({ kind: "aksk", securityToken: "st" });
  });

  test("a token given directly", () => {
    const s = resolveSettings({ env: { HW_AUTH_TOKEN: "tok", HW_REGION_NAME: "cn-north-4" } });
    expect(s.credentials).toEqual({ kind: "token", token: "tok" });
  });

  test("an IAM user", () => {
    const s = resolveSettings({
      config: config({ userName: "u", password: "pw", domainName: "d", region: "cn-north-4" }),
      env: {},
    });
    expect(s.credentials).toEqual({ kind: "password", userName: "u", password: "pw", domainName: "d" });
    expect(s.iamEndpoint).toBe("https://iam.cn-north-4.myhuaweicloud.com");
  });
});

describe("endpoints", () => {
  test("default endpoint per region; ap-southeast-1 ends in .cn", () => {
    expect(defaultModelArtsEndpoint("cn-north-4")).toBe("https://modelarts.cn-north-4.myhuaweicloud.com");
    expect(defaultModelArtsEndpoint("ap-southeast-1")).toBe("https://modelarts.ap-southeast-1.myhuaweicloud.cn");
  });

  test("HW_MODELARTS_ENDPOINT overrides; a loopback endpoint serves IAM too (the emulator)", () => {
    const s = resolveSettings({
      env: { ...AKSK, HW_MODELARTS_ENDPOINT: "http://127.0.0.1:9999/", HW_REGION_NAME: "cn-north-4" },
    });
    expect(s.endpoint).toBe("http://127.0.0.1:9999");
    expect(s.iamEndpoint).toBe("http://127.0.0.1:9999");
  });

  test.each([
    "http://modelarts.example.com",
    "http://10.0.0.1:8080",
    "ftp://127.0.0.1",
    "not a url",
    "https://user:pw@host.example",
  ])("rejects %s", (endpoint) => {
    const err = errorOf(() =>
      resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: endpoint, HW_PROJECT_ID: PROJECT } }),
    );
    expect(err.message).toContain("environment variable HW_MODELARTS_ENDPOINT");
    expect(err.message).not.toContain("pw@");
    expect(err.message.split("\n")).toHaveLength(1);
  });

  test("plain http is fine on loopback", () => {
    for (const endpoint of ["http://localhost:1", "http://127.0.0.2:3", "http://[::1]:4"]) {
      expect(
        resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: endpoint, HW_PROJECT_ID: PROJECT } }).endpoint,
      ).toBe(endpoint);
    }
  });
});

describe("each problem is one short line that names what a user can set", () => {
  test("no credentials", () => {
    const err = errorOf(() => resolveSettings({ env: { HW_REGION_NAME: "cn-north-4" } }));
    expect(err.message).toBe(
      "ModelArts credentials are not set: run `pulumi config set --secret modelarts:accessKey <AK>` and " +
        "`pulumi config set --secret modelarts:secretKey <SK>` (or set HW_ACCESS_KEY and HW_SECRET_KEY); " +
        "a token (modelarts:authToken, HW_AUTH_TOKEN) or an IAM user (modelarts:userName, modelarts:password, " +
        "modelarts:domainName) works too, each credential set with --secret",
    );
    // Nothing a user cannot set: no "option".
    expect(err.message).not.toMatch(/option/);
  });

  test("an access key without a secret key says where the access key is set, never a value", () => {
    const err = errorOf(() => resolveSettings({ env: { HW_ACCESS_KEY: "AKVALUE", HW_REGION_NAME: "cn-north-4" } }));
    expect(err.message).toBe(
      "modelarts:secretKey is not set (an access key is set in environment variable HW_ACCESS_KEY): " +
        "run `pulumi config set --secret modelarts:secretKey <SK>`, or set HUAWEICLOUD_SDK_SK or HW_SECRET_KEY",
    );
  });

  test("no region and no endpoint", () => {
    const err = errorOf(() => resolveSettings({ env: AKSK }));
    expect(err.message).toBe(
      "modelarts:region is not set: run `pulumi config set modelarts:region cn-north-4`, or set " +
        "HUAWEICLOUD_SDK_REGION or HW_REGION_NAME",
    );
  });

  test("an endpoint without region needs a project id", () => {
    const err = errorOf(() => resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: "http://127.0.0.1:1" } }));
    expect(err.message).toContain("modelarts:projectId is not set, and cannot be looked up without a region");
    expect(err.message).toContain("HUAWEICLOUD_SDK_PROJECT_ID or HW_PROJECT_ID");
  });

  test("a password without a domain name", () => {
    const err = errorOf(() =>
      resolveSettings({ env: { HW_USER_NAME: "u", HW_USER_PASSWORD: "SECRETPW", HW_REGION_NAME: "cn-north-4" } }),
    );
    expect(err.message).toContain("modelarts:domainName is not set");
    expect(err.message).toContain("HW_DOMAIN_NAME");
    expect(err.message).not.toContain("SECRETPW");
  });

  test("several problems: one line each", () => {
    const err = errorOf(() => resolveSettings({ env: { HW_REGION_NAME: "nowhere" } }));
    const lines = err.message.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^modelarts:region from environment variable HW_REGION_NAME must look like "cn-north-4"/);
    expect(lines[1]).toMatch(/^ModelArts credentials are not set/);
  });
});

describe("the region never reaches a URL unchecked", () => {
  test.each(["x@evil.example/#", "cn-north-4.evil.example", "evil.example:443", "CN-NORTH-4", "cn-north-4/"])(
    "region %j is refused, even with an explicit ModelArts endpoint",
    (region) => {
      const env = { ...AKSK, HW_MODELARTS_ENDPOINT: "https://modelarts.example.com" };
      const err = errorOf(() => resolveSettings({ env, explicit: { region } }));
      expect(err.message).toMatch(/^modelarts:region from the region setting must look like "cn-north-4"/);
    },
  );

  test("IAM password auth with an explicit endpoint derives the IAM host from a checked region only", () => {
    const s = resolveSettings({
      env: {
        HW_USER_NAME: "u",
        HW_USER_PASSWORD: "pw",
        HW_DOMAIN_NAME: "d",
        HW_MODELARTS_ENDPOINT: "https://modelarts.example.com",
        HW_REGION_NAME: "la-south-2",
      },
    });
    expect(new URL(s.iamEndpoint).host).toBe("iam.la-south-2.myhuaweicloud.com");
    expect(s.iamEndpointSource).toBe("the region (environment variable HW_REGION_NAME)");
  });

  test("derivedEndpoint refuses what it cannot prove is the intended host", () => {
    expect(() => derivedEndpoint("iam", "x@evil.example/#")).toThrow(ConfigurationError);
    expect(derivedEndpoint("modelarts", "ap-southeast-1")).toBe("https://modelarts.ap-southeast-1.myhuaweicloud.cn");
  });

  test.each([
    ["https://user:s3cretpw@host name", ["s3cretpw", "user", "host name"]],
    ["https://user:pa/ss@host.example", ["pa/ss", "ss@", "user"]],
    ["https://user:pa?ss@host.example", ["pa?ss", "ss@", "user"]],
  ])("an endpoint that is not a URL is never echoed, not even in part: %s", (endpoint, parts) => {
    const err = errorOf(() =>
      resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: endpoint, HW_PROJECT_ID: PROJECT } }),
    );
    expect(err.message).toBe(
      "the endpoint from environment variable HW_MODELARTS_ENDPOINT is not a URL: it must be an https:// URL such " +
        "as https://modelarts.cn-north-4.myhuaweicloud.com (the value is not shown: it may hold a password)",
    );
    for (const part of parts) expect(err.message).not.toContain(part);
  });

  test.each(["AKVALUE0001:SKVALUE0002", "user:pa/ss@host.example", "ftp://127.0.0.1"])(
    "an endpoint whose scheme is not http(s) is not echoed either (its scheme may be a user or a key): %s",
    (endpoint) => {
      const err = errorOf(() =>
        resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: endpoint, HW_PROJECT_ID: PROJECT } }),
      );
      expect(err.message).toBe(
        "the endpoint from environment variable HW_MODELARTS_ENDPOINT must be an https:// URL such as " +
          "https://modelarts.cn-north-4.myhuaweicloud.com (plain http only for loopback addresses)",
      );
    },
  );

  test("the IAM endpoint's rule names an IAM URL", () => {
    const err = errorOf(() =>
      resolveSettings({ env: { ...AKSK, HW_REGION_NAME: "cn-north-4", HW_IAM_ENDPOINT: "https://u:p/w@iam" } }),
    );
    expect(err.message).toBe(
      "the endpoint from environment variable HW_IAM_ENDPOINT is not a URL: it must be an https:// URL such " +
        "as https://iam.cn-north-4.myhuaweicloud.com (the value is not shown: it may hold a password)",
    );
  });
});

describe("every hint that tells a user to set a credential says --secret", () => {
  const credentialCommand =
    /pulumi config set (--secret )?modelarts:(accessKey|secretKey|securityToken|authToken|password)\b/g;

  test.each([
    ["no credentials", { HW_REGION_NAME: "cn-north-4" }],
    ["a secret key alone", { HW_REGION_NAME: "cn-north-4", HW_SECRET_KEY: "SKVALUE" }],
    ["an access key alone", { HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: "AKVALUE" }],
    ["a user name alone", { HW_REGION_NAME: "cn-north-4", HW_USER_NAME: "u" }],
  ])("%s", (_label, env) => {
    const message = errorOf(() => resolveSettings({ env })).message;
    const commands = [...message.matchAll(credentialCommand)];
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command[1]).toBe("--secret ");
  });

  test("the access key is a credential too: set with --secret", () => {
    const err = errorOf(() => resolveSettings({ env: { HW_SECRET_KEY: "SKVALUE", HW_REGION_NAME: "cn-north-4" } }));
    expect(err.message).toBe(
      "modelarts:accessKey is not set (a secret key is set in environment variable HW_SECRET_KEY): " +
        "run `pulumi config set --secret modelarts:accessKey <AK>`, or set HUAWEICLOUD_SDK_AK or HW_ACCESS_KEY",
    );
  });
});

describe("the project id never reaches a URL unchecked", () => {
  test.each([
    "..",
    "../../v3/auth",
    "p",
    "0e1f2a3b4c5d6e7f8091a2b3c4d5e6f",
    "0E1F2A3B4C5D6E7F8091A2B3C4D5E6F7",
    `${PROJECT}/x`,
  ])("project id %j is refused, naming the setting and where it came from", (projectId) => {
    const err = errorOf(() =>
      resolveSettings({ env: { ...AKSK, HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: projectId } }),
    );
    expect(err.message).toBe(
      `modelarts:projectId from environment variable HW_PROJECT_ID must be 32 hexadecimal characters in lower case, as IAM gives it (got ${JSON.stringify(projectId)})`,
    );
  });

  test("a project id from stack config is checked the same way, and a good one passes", () => {
    const err = errorOf(() =>
      resolveSettings({
        config: (key) => (key === "projectId" ? "..\u001b[2J" : undefined),
        env: { ...AKSK, HW_REGION_NAME: "cn-north-4" },
      }),
    );
    expect(err.message).toBe(
      'modelarts:projectId from stack config modelarts:projectId must be 32 hexadecimal characters in lower case, as IAM gives it (got "..[2J")',
    );
    expect(resolveSettings({ env: { ...AKSK, HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: PROJECT } }).projectId).toBe(
      PROJECT,
    );
  });
});
