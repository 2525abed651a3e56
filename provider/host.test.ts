/**
 * Loading the provider (what the SDK's shims import in the provider host) does not load Ajv: only a check
 * validates inputs, so a host that only refreshes or destroys never pays for it. The first check loads it.
 */
import { withProcessEnv } from "../test/support/processEnv.js";
import { INSTANCE_INPUTS } from "../test/support/inputFixtures.js";

const mockLoaded: string[] = [];
jest.mock("ajv/dist/2020", () => (mockLoaded.push("ajv/dist/2020"), jest.requireActual("ajv/dist/2020")));

test("loading the provider does not load Ajv; the first check does, and validates as before", async () => {
  const restore = withProcessEnv({ HW_REGION_NAME: "cn-north-4", HW_AUTH_TOKEN: "MIIStaticToken-0123456789abcdef" });
  try {
    const host = await import("./host.js");
    expect(typeof host.NotebookInstance.check).toBe("function");
    expect(mockLoaded).toEqual([]);

    const { failures } = await host.NotebookInstance.check!({}, { ...INSTANCE_INPUTS, name: "no spaces allowed" });
    expect(mockLoaded).toEqual(["ajv/dist/2020"]);
    expect(failures).toEqual([
      { property: "name", reason: expect.stringContaining('may contain only letters, digits, "-" and "_"') },
    ]);
  } finally {
    restore();
  }
});
