import { settingsProblems } from "../settings/stackConfig.js";
import { withProcessEnv } from "../../test/support/processEnv.js";
import { checkConfig, configReader, configureValues, diffConfig } from "./providerConfig.js";
import { secret, UNKNOWN_VALUE } from "./propertyValues.js";

let restoreEnv: () => void;
// No setting from this machine's environment may mask a problem the tests expect.
beforeAll(() => {
  restoreEnv = withProcessEnv(
    Object.fromEntries(
      Object.keys(process.env)
        .filter((k) => /^(HW_|HUAWEICLOUD_)/.test(k))
        .map((k) => [k, undefined]),
    ),
  );
});
afterAll(() => restoreEnv());

test("Configure's values: the arguments (secrets revealed) when sent, else the modelarts:config:* variables", () => {
  const variables = new Map([
    ["modelarts:config:region", "cn-north-4"],
    ["other:config:region", "x"],
  ]);
  expect(configureValues(variables, undefined)).toEqual({ region: "cn-north-4" });
  expect(configureValues(variables, { region: "ap-southeast-1", secretKey: secret("SK") })).toEqual({
    region: "ap-southeast-1",
    secretKey: "SK",
  });
});

test("the stack config reader answers modelarts:<key> only, and leaves unknown values unset", () => {
  const read = configReader({ region: "cn-north-4", rateLimit: 5, endpoint: UNKNOWN_VALUE });
  expect(read("modelarts:region")).toBe("cn-north-4");
  expect(read("modelarts:rateLimit")).toBe("5");
  expect(read("modelarts:endpoint")).toBeUndefined();
  expect(read("other:region")).toBeUndefined();
});

test("CheckConfig reports today's settings problems, in the same words, from the config it is given", () => {
  const news = { region: "cn-north-4", secretKey: secret("SKEXAMPLE") };
  const failures = checkConfig(news);
  expect(failures.map((f) => f.reason)).toEqual(
    settingsProblems(configReader({ region: "cn-north-4", secretKey: "SKEXAMPLE" })),
  );
  expect(failures.map((f) => f.reason).join("\n")).toContain("modelarts:accessKey is not set");
  expect(JSON.stringify(failures)).not.toContain("SKEXAMPLE");
  expect(checkConfig({ region: "cn-north-4", accessKey: secret("AK"), secretKey: secret("SK") })).toEqual([]);
});

test("DiffConfig names changed settings, secret or not, and not the engine's own keys", () => {
  expect(
    diffConfig(
      { region: "a", secretKey: secret("1"), version: "1" },
      { region: "a", secretKey: secret("2"), version: "2" },
    ),
  ).toEqual(["secretKey"]);
  expect(diffConfig({ region: "a" }, { region: "a" })).toEqual([]);
});
