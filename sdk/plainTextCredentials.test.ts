/**
 * Credentials set in stack config without `--secret` are warned about, from the program's process, with the
 * command that fixes each; secrets, settings that are not credentials and the environment are not.
 */
import * as pulumi from "@pulumi/pulumi";
import { plainTextCredentialWarnings, warnOfPlainTextCredentials } from "./plainTextCredentials.js";

afterEach(() => {
  pulumi.runtime.setAllConfig({}, []);
  jest.restoreAllMocks();
});

test("a secret key set without --secret: one warning naming the setting and the command that fixes it", () => {
  pulumi.runtime.setAllConfig({ "modelarts:accessKey": "AK0001", "modelarts:secretKey": "SK0002" }, [
    "modelarts:accessKey",
  ]);
  expect(plainTextCredentialWarnings()).toEqual([
    "modelarts:secretKey is set in stack config without --secret, so Pulumi keeps it unencrypted in the stack's " +
      "configuration file and in the state: run `pulumi config set --secret modelarts:secretKey <SK>` to store it " +
      "encrypted",
  ]);
});

test("every credential setting is covered; settings that are not credentials are not", () => {
  pulumi.runtime.setAllConfig(
    {
      "modelarts:accessKey": "AK0001",
      "modelarts:securityToken": "ST0003",
      "modelarts:authToken": "MII0004",
      "modelarts:password": "PW0005",
      "modelarts:userName": "alice",
      "modelarts:domainName": "acme",
      "modelarts:region": "cn-north-4",
      "other:secretKey": "not ours",
    },
    [],
  );
  const warnings = plainTextCredentialWarnings();
  expect(warnings.map((w) => w.split(" ")[0])).toEqual([
    "modelarts:accessKey",
    "modelarts:securityToken",
    "modelarts:authToken",
    "modelarts:password",
  ]);
  expect(warnings[0]).toContain("`pulumi config set --secret modelarts:accessKey <AK>`");
  // The warning names the setting, never its value.
  for (const value of ["AK0001", "ST0003", "MII0004", "PW0005"]) expect(warnings.join("\n")).not.toContain(value);
});

test("nothing to say when every credential is a secret, or none is in stack config", () => {
  pulumi.runtime.setAllConfig({ "modelarts:accessKey": "AK0001", "modelarts:secretKey": "SK0002" }, [
    "modelarts:accessKey",
    "modelarts:secretKey",
  ]);
  expect(plainTextCredentialWarnings()).toEqual([]);
  pulumi.runtime.setAllConfig({ "modelarts:region": "cn-north-4", "modelarts:secretKey": "  " }, []);
  expect(plainTextCredentialWarnings()).toEqual([]);
});

test("logged as a warning once per process, however many resources ask", () => {
  const warn = jest.spyOn(pulumi.log, "warn").mockResolvedValue();
  pulumi.runtime.setAllConfig({ "modelarts:password": "PW0005" }, []);
  for (let i = 0; i < 3; i++) warnOfPlainTextCredentials();
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0]![0]).toMatch(/^modelarts:password is set in stack config without --secret/);
});
