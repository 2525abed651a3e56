import { ConfigurationError } from "../api/errors.js";
import { defaultModelArtsEndpoint, resolveSettings, type SettingsInput } from "./resolveSettings.js";

const AKSK = { HW_ACCESS_KEY: "ak-hw", HW_SECRET_KEY: "sk-hw" };

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
      config: config({ region: "cn-north-1", projectId: "p-c" }),
      env: { ...AKSK, HW_REGION_NAME: "cn-south-1", HW_PROJECT_ID: "p-e" },
    });
    expect(s.region).toBe("cn-north-1");
    expect(s.projectId).toBe("p-c");
  });

  test("Huawei SDK variables win over Terraform's", () => {
    const s = resolveSettings({
      env: {
        HUAWEICLOUD_SDK_AK: "ak-s",
        HUAWEICLOUD_SDK_SK: "sk-s",
        HUAWEICLOUD_SDK_SECURITY_TOKEN: "st-s",
        HUAWEICLOUD_SDK_PROJECT_ID: "p-s",
        ...AKSK,
        HW_PROJECT_ID: "p-hw",
        HW_REGION_NAME: "cn-north-4",
      },
    });
    expect(s.credentials).toEqual({ kind: "aksk", accessKey: "ak-s", secretKey: "sk-s", securityToken: "st-s" });
    expect(s.projectId).toBe("p-s");
  });

  test("Terraform's variables are read", () => {
    const s = resolveSettings({
      env: { ...AKSK, HW_SECURITY_TOKEN: "st", HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: "p" },
    });
    expect(s).toMatchObject({
      region: "cn-north-4",
      projectId: "p",
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
      resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: endpoint, HW_PROJECT_ID: "p" } }),
    );
    expect(err.message).toContain("environment HW_MODELARTS_ENDPOINT");
    expect(err.message).not.toContain("pw@");
  });

  test("plain http is fine on loopback", () => {
    for (const endpoint of ["http://localhost:1", "http://127.0.0.2:3", "http://[::1]:4"]) {
      expect(resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: endpoint, HW_PROJECT_ID: "p" } }).endpoint).toBe(
        endpoint,
      );
    }
  });
});

describe("missing settings name every place looked", () => {
  test("no credentials", () => {
    const err = errorOf(() => resolveSettings({ env: { HW_REGION_NAME: "cn-north-4" } }));
    for (const place of [
      "stack config modelarts:accessKey",
      "$HUAWEICLOUD_SDK_AK",
      "$HW_ACCESS_KEY",
      "$HW_AUTH_TOKEN",
      "$HW_USER_NAME",
      "stack config modelarts:secretKey",
    ]) {
      expect(err.message).toContain(place);
    }
  });

  test("an access key without a secret key names where the secret key was looked for, never a value", () => {
    const err = errorOf(() => resolveSettings({ env: { HW_ACCESS_KEY: "AKVALUE", HW_REGION_NAME: "cn-north-4" } }));
    expect(err.message).toContain("$HUAWEICLOUD_SDK_SK, $HW_SECRET_KEY");
    expect(err.message).toContain("environment HW_ACCESS_KEY");
    expect(err.message).not.toContain("AKVALUE");
  });

  test("no region and no endpoint", () => {
    const err = errorOf(() => resolveSettings({ env: AKSK }));
    expect(err.message).toContain("$HW_REGION_NAME");
    expect(err.message).toContain("$HW_MODELARTS_ENDPOINT");
  });

  test("an endpoint without region needs a project id", () => {
    const err = errorOf(() => resolveSettings({ env: { ...AKSK, HW_MODELARTS_ENDPOINT: "http://127.0.0.1:1" } }));
    expect(err.message).toContain("$HW_PROJECT_ID");
  });

  test("a password without a domain name", () => {
    const err = errorOf(() =>
      resolveSettings({ env: { HW_USER_NAME: "u", HW_USER_PASSWORD: "SECRETPW", HW_REGION_NAME: "r" } }),
    );
    expect(err.message).toContain("$HW_DOMAIN_NAME");
    expect(err.message).not.toContain("SECRETPW");
  });
});
