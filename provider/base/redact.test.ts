import { inspect } from "node:util";
import { ApiError } from "./errors.js";
import { forgetSecretsForTests, maskedText, redact, registerSecretsIn, sanitizeServiceText } from "./redact.js";

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
    ["Authorization: SDK-HMAC-SHA256 Access=AK, Signature=abc", "Authorization: <redacted>"],
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

describe("a credential header's whole value, whatever form its echo takes", () => {
  // Never registered: an echo of a key the provider did not send must be masked by its form alone.
  const AK = "HPUAUNREGISTEREDAK01";
  const SIGNATURE = "7d3c1f5e9b2a4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d";
  const value = `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIGNATURE}`;
  const date = "X-Sdk-Date: 20261205T110000Z";
  const inspected = `{ authorization: '${value}', 'x-sdk-date': '20261205T110000Z' }`;

  test.each([
    ["a header line", `Authorization: ${value}\n${date}`, `Authorization: <redacted>\n${date}`],
    ["lower case", `authorization: ${value}`, "authorization: <redacted>"],
    ["upper case", `AUTHORIZATION:${value}`, "AUTHORIZATION:<redacted>"],
    ["a proxy's", `Proxy-Authorization: ${value}`, "Proxy-Authorization: <redacted>"],
    [
      "raw request text",
      `GET /v1/p/notebooks HTTP/1.1\r\nHost: modelarts\r\nAuthorization: ${value}\r\n${date}\r\n`,
      `GET /v1/p/notebooks HTTP/1.1\r\nHost: modelarts\r\nAuthorization: <redacted>\r\n${date}\r\n`,
    ],
    [
      "lines joined by |",
      `host:modelarts|authorization:${value}|x-sdk-date:1`,
      "host:modelarts|authorization:<redacted>|x-sdk-date:1",
    ],
    [
      "a JSON headers object",
      `{"Authorization":"${value}","Host":"modelarts"}`,
      '{"Authorization":"<redacted>","Host":"modelarts"}',
    ],
    [
      "JSON inside a JSON string",
      `{"error_msg":"headers {\\"authorization\\": \\"${value}\\"} refused"}`,
      '{"error_msg":"headers {\\"authorization\\": \\"<redacted>\\"} refused"}',
    ],
    [
      "util.inspect of a headers object",
      inspected,
      "{ authorization: '<redacted>', 'x-sdk-date': '20261205T110000Z' }",
    ],
    [
      "a raw header list",
      `[ 'Host', 'modelarts', 'Authorization', '${value}' ]`,
      "[ 'Host', 'modelarts', 'Authorization', '<redacted>' ]",
    ],
    [
      "the value alone",
      `bad signature in ${value} (APIGW.0301)`,
      "bad signature in SDK-HMAC-SHA256 <redacted> (APIGW.0301)",
    ],
    ["an X-Auth-Token", `X-Auth-Token: MIIunregistered,token`, "X-Auth-Token: <redacted>"],
  ])("%s", (_form, echo, masked) => {
    expect(redact(echo)).toBe(masked);
    for (const text of [redact(echo), sanitizeServiceText(echo), maskedText(echo)]) {
      expect(text).not.toContain(AK);
      expect(text).not.toContain(SIGNATURE);
      expect(text).not.toContain("SignedHeaders");
    }
  });

  test("an API error whose message echoes the request's headers shows none of them, printed or inspected", () => {
    const err = new ApiError({
      status: 401,
      errorCode: "APIGW.0301",
      apiMessage: `Incorrect IAM authentication information: ${JSON.stringify({ Authorization: value })}`,
      method: "GET",
      path: "/v1/p/notebooks",
    });
    for (const text of [err.message, inspect(err), JSON.stringify(err)]) {
      expect(text).not.toContain(AK);
      expect(text).not.toContain(SIGNATURE);
    }
  });
});
