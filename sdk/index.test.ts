/**
 * What a program pays for importing the SDK: its entry point loads neither Ajv (only the provider host's check
 * validates inputs) nor the lookups' API client and HTTP layer (got), which the first lookup loads; nor does that
 * client load Ajv.
 */
import { withProcessEnv } from "../test/support/processEnv.js";

const mockLoaded: string[] = [];

jest.mock("ajv", () => (mockLoaded.push("ajv"), jest.requireActual("ajv")));
jest.mock("ajv/dist/2020", () => (mockLoaded.push("ajv/dist/2020"), jest.requireActual("ajv/dist/2020")));
jest.mock("../provider/api/httpTransport.js", () => {
  mockLoaded.push("httpTransport");
  return jest.requireActual("../provider/api/httpTransport.js");
});
// Replaced where the lookups' client is made: the test sees when the lookup client's module loads (it imports this
// one), and that a lookup asks for a client.
jest.mock("../provider/api/createClient.js", () => {
  mockLoaded.push("createClient");
  return { createNotebooksClient: () => Promise.reject(new Error("the lookup asked for its client")) };
});

test("importing the SDK loads neither Ajv nor the lookups' client; the first lookup loads the client", async () => {
  // Settings a lookup accepts, so that it goes on to ask for its client.
  const restore = withProcessEnv({ HW_REGION_NAME: "cn-north-4", HW_AUTH_TOKEN: "MIIStaticToken-0123456789abcdef" });
  try {
    const sdk = await import("./index.js");
    expect(typeof sdk.NotebookInstance).toBe("function");
    expect(mockLoaded).toEqual([]);

    await expect(sdk.getNotebookFlavors()).rejects.toThrow("the lookup asked for its client");
    expect(mockLoaded).toEqual(["createClient"]);
    await expect(sdk.getNotebooks()).rejects.toThrow("the lookup asked for its client");
    await expect(sdk.getNotebookImages()).rejects.toThrow("the lookup asked for its client");
    expect(mockLoaded).toEqual(["createClient"]);
  } finally {
    restore();
  }
});

test("the lookups' client does not load Ajv: it reads answers with the tolerant reader", () => {
  mockLoaded.length = 0;
  jest.isolateModules(() => {
    const { createNotebooksClient } = jest.requireActual<typeof import("../provider/api/createClient.js")>(
      "../provider/api/createClient.js",
    );
    expect(typeof createNotebooksClient).toBe("function");
  });
  expect(mockLoaded).toEqual(["httpTransport"]);
});
