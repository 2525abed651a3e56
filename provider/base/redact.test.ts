import { forgetSecretsForTests, redact, registerSecretsIn } from "./redact.js";

beforeEach(() => forgetSecretsForTests());

describe("registering what answers carry", () => {
  test("a large listing does not stop masking: a notebook's own token read afterwards is still masked", () => {
    const notebooks = Array.from({ length: 12_000 }, (_, i) => ({
      id: `nb-${i}`,
      name: `notebook-${i}`,
      token: `listed-token-${String(i).padStart(6, "0")}`,
    }));
    registerSecretsIn({ notebooks, total: notebooks.length });
    registerSecretsIn({ id: "own", name: "mine", token: "OwnNotebookToken-0123456789" });
    expect(redact("echo OwnNotebookToken-0123456789 and listed-token-011999")).toBe("echo <redacted> and <redacted>");
    // The listing's readable values were never taken for secrets.
    expect(redact("notebook-11999 (nb-11999)")).toBe("notebook-11999 (nb-11999)");
  });

  test("an IAM token body is metadata, not a secret: project, region, user and domain stay readable", () => {
    registerSecretsIn({
      token: {
        expires_at: "2030-01-01T00:00:00.000000Z",
        issued_at: "2029-12-31T00:00:00.000000Z",
        methods: ["password"],
        user: { id: "u-0123456789", name: "alice", domain: { id: "d-0123", name: "acme-account" } },
        project: { id: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", name: "cn-north-4" },
        roles: [{ id: "0", name: "te_admin" }],
      },
    });
    const text = "project 0a1b2c3d4e5f60718293a4b5c6d7e8f9 (region cn-north-4, user alice, account acme-account)";
    expect(redact(text)).toBe(text);
  });

  test("credential fields are registered wherever they sit, in any spelling", () => {
    registerSecretsIn({
      spec: { credential: { access_key: "OBSAK-0001", secret_key: "OBSSK-0002" } },
      repository: { connection_info: { credential: { ssh_private_key: "PRIVATE-0003", access_token: "ghp-0004" } } },
      user_vpc: { accessKey: "VPCAK-0005", secretAccessKey: "VPCSK-0006" },
      notebooks: [{ token: "NBTOKEN-0007" }, { "x-auth-token": "XAUTH-0008" }],
    });
    const values = ["OBSAK-0001", "OBSSK-0002", "PRIVATE-0003", "ghp-0004", "VPCAK-0005", "VPCSK-0006", "NBTOKEN-0007"];
    for (const value of [...values, "XAUTH-0008"]) expect(redact(`saw ${value}.`)).toBe("saw <redacted>.");
  });

  test("values under names that only look like credential names are not registered", () => {
    registerSecretsIn({
      dew_secret_name: "my-dew-secret",
      key_pair_names: ["my-key-pair"],
      user: { password_expires_at: "2031-05-05" },
      token_type: "Bearer-ish",
      disk: "disk-0001",
    });
    const text = "my-dew-secret my-key-pair 2031-05-05 Bearer-ish disk-0001";
    expect(redact(text)).toBe(text);
  });
});

describe("keyed echoes of credentials the provider never saw", () => {
  test.each([
    ['{"user_vpc":{"access_key":"AKVALUE123"}}', '{"user_vpc":{"access_key":"<redacted>"}}'],
    ['{"secret_key": "SKVALUE123"}', '{"secret_key": "<redacted>"}'],
    [
      '{"accessKey":"AKVALUE123","secretAccessKey":"SKVALUE123"}',
      '{"accessKey":"<redacted>","secretAccessKey":"<redacted>"}',
    ],
    ['{"obsSecretKey":"SKVALUE123"}', '{"obsSecretKey":"<redacted>"}'],
    ['{\\"secret_key\\":\\"SKVALUE123\\"}', '{\\"secret_key\\":\\"<redacted>\\"}'],
    ["invalid user_vpc.access_key: AKVALUE123", "invalid user_vpc.access_key: <redacted>"],
    ["access-key=AKVALUE123&region=cn-north-4", "access-key=<redacted>&region=cn-north-4"],
    ["SECRET_KEY=SKVALUE123 rejected", "SECRET_KEY=<redacted> rejected"],
    ['sk="SKVALUE123"', 'sk="<redacted>"'],
    ["ak=AKVALUE123, sk=SKVALUE123", "ak=<redacted>, sk=<redacted>"],
    ["'password': 'pw with space'", "'password': '<redacted>'"],
    ["securityToken=STVALUE123&x=1", "securityToken=<redacted>&x=1"],
    ["X-Auth-Token: MIIVALUE123", "X-Auth-Token: <redacted>"],
    ["ssh_private_key: PRIVATE123", "ssh_private_key: <redacted>"],
    ["Authorization: SDK-HMAC-SHA256 Access=AK, Signature=abc", "Authorization: <redacted>, Signature=abc"],
  ])("%s", (echo, masked) => {
    expect(redact(echo)).toBe(masked);
  });

  test.each([
    "modelarts:secretKey is not set (an access key is set in stack config modelarts:accessKey)",
    "run `pulumi config set --secret modelarts:password <password>`",
    "the token expired; key_pair_name: kp-1; dew_secret_name: s1; disk=5; task=7",
    "password_expires_at: 2031-05-05",
  ])("readable text stays readable: %s", (text) => {
    expect(redact(text)).toBe(text);
  });
});
