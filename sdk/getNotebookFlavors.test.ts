/**
 * The flavor lookup in-process against the emulator's notebooks API, with the settings a program has: the
 * environment (as emulatorEnv sets it) or stack config. The emulator sells out `modelarts.vm.gpu.p100` from the start.
 */
import { inspect } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { useProgramOnEmulator } from "../test/support/programOnEmulator.js";
import { getNotebookFlavors, getNotebookFlavorsOutput } from "./getNotebookFlavors.js";
import { withProcessEnv } from "../test/support/processEnv.js";

const FLAVORS_ROUTE = "GET /v1/{project_id}/notebooks/flavors";
const STATIC_TOKEN = "MIIStaticEmulatorToken-0123456789abcdef";
const { emulator } = useProgramOnEmulator({ credentials: { tokens: [STATIC_TOKEN] } });

test("lists the available flavors smallest first, without the sold-out one", async () => {
  const { flavors, id } = await getNotebookFlavors();
  const ids = flavors.map((f) => f.id);
  expect(ids).not.toContain("modelarts.vm.gpu.p100");
  expect(ids).toEqual(expect.arrayContaining(["modelarts.vm.cpu.2u", "modelarts.vm.gpu.v100"]));
  expect(id).toBe(ids[0]);
  for (let i = 1; i < flavors.length; i++) expect(flavors[i]!.vcpus).toBeGreaterThanOrEqual(flavors[i - 1]!.vcpus);
  expect(flavors.find((f) => f.id === "modelarts.vm.cpu.2u")).toEqual({
    id: "modelarts.vm.cpu.2u",
    name: "CPU: 2 vCPUs 8 GB",
    category: "CPU",
    arch: "x86_64",
    description: expect.any(String),
    feature: "NOTEBOOK",
    vcpus: 2,
    memoryGib: 8,
    free: false,
    soldOut: false,
    storages: ["EVS", "OBSFS", "EFS", "OBS"],
  });
});

test("filters: category on the service, the others client-side; sold-out ones on request", async () => {
  const gpu = await getNotebookFlavors({ category: "GPU" });
  expect(gpu.flavors.map((f) => f.id).sort()).toEqual(["modelarts.vm.gpu.t4", "modelarts.vm.gpu.v100"]);
  expect(gpu.flavors.find((f) => f.id === "modelarts.vm.gpu.v100")?.gpu).toEqual({
    count: 1,
    memoryGb: 32,
    type: "V100",
  });
  const all = await getNotebookFlavors({ category: "GPU", availableOnly: false });
  expect(all.flavors.find((f) => f.id === "modelarts.vm.gpu.p100")).toMatchObject({ soldOut: true });

  expect((await getNotebookFlavors({ nameRegex: "V100" })).id).toBe("modelarts.vm.gpu.v100");
  expect((await getNotebookFlavors({ category: "CPU", minVcpus: 8 })).id).toBe("modelarts.vm.cpu.8u");
  expect((await getNotebookFlavors({ category: "CPU", minMemoryGib: 33 })).id).toBe("modelarts.vm.cpu.16u");
  expect((await getNotebookFlavors({ free: true })).flavors.every((f) => f.free)).toBe(true);
  expect((await getNotebookFlavors({ arch: "aarch64" })).flavors.every((f) => f.category === "ASCEND")).toBe(true);

  // A flavor sold out now (the admin's mark) drops out of the next lookup.
  await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.gpu.t4");
  expect((await getNotebookFlavors({ category: "GPU" })).flavors.map((f) => f.id)).toEqual(["modelarts.vm.gpu.v100"]);
});

test("nothing available fails naming the filters and what is sold out; allowEmpty gives an empty list", async () => {
  await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.gpu.t4");
  await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.gpu.v100");
  await expect(getNotebookFlavors({ category: "GPU" })).rejects.toThrow(
    /^look up notebook flavors: no flavor with category "GPU" is available; sold out now: modelarts\.vm\.gpu\.(p100|t4|v100), .* \(availableOnly: false lists them\)$/,
  );
  await expect(getNotebookFlavors({ category: "GPU", nameRegex: "H100" })).rejects.toThrow(
    'no flavor with category "GPU", nameRegex "H100" is available; relax the filters',
  );
  expect(await getNotebookFlavors({ category: "GPU", allowEmpty: true })).toEqual({ flavors: [], id: "" });
});

test("arguments the types would refuse fail before any request", async () => {
  await emulator.admin.resetRequestCounts();
  await expect(getNotebookFlavors({ category: "TPU" as "GPU" })).rejects.toThrow(
    'look up notebook flavors: category must be one of CPU, GPU, ASCEND (got "TPU")',
  );
  await expect(getNotebookFlavors({ nameRegex: "(" })).rejects.toThrow(/nameRegex is not a regular expression/);
  expect(await emulator.admin.requestCount(FLAVORS_ROUTE)).toBe(0);
});

test.each([
  ["AK/SK", {}],
  ["a token", { HW_ACCESS_KEY: undefined, HW_SECRET_KEY: undefined, HW_AUTH_TOKEN: STATIC_TOKEN }],
  [
    "an IAM user",
    {
      HW_ACCESS_KEY: undefined,
      HW_SECRET_KEY: undefined,
      HW_USER_NAME: "emulator-user",
      HW_USER_PASSWORD: "emulator-password",
      HW_DOMAIN_NAME: "emulator-domain",
    },
  ],
])("no secret in an error when the service echoes the request's credentials (%s)", async (_kind, env) => {
  const restore = withProcessEnv(env);
  try {
    const text = '{"error_code":"ModelArts.0001","error_msg":"got {{header:authorization}}|{{header:x-auth-token}}"}';
    await emulator.admin.injectFault({ route: FLAVORS_ROUTE, kind: "echo-secrets", text });
    const err = (await getNotebookFlavors().catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^look up notebook flavors: GET .*: HTTP 400 ModelArts\.0001: got .*<redacted>/);
    const key = emulator.credentials.accessKeys[0]!;
    for (const shown of [err.message, inspect(err), JSON.stringify(err)]) {
      for (const secret of [STATIC_TOKEN, key.accessKey, key.secretKey, "emulator-password"]) {
        expect(shown).not.toContain(secret);
      }
    }
  } finally {
    restore();
  }
});

test("a wrong secret key is in no error", async () => {
  const restore = withProcessEnv({ HW_SECRET_KEY: "WrongSecretKey0000000000000000000000000" });
  try {
    const err = (await getNotebookFlavors().catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^look up notebook flavors: .*HTTP 401/);
    expect(inspect(err)).not.toContain("WrongSecretKey");
  } finally {
    restore();
  }
});

describe("in a Pulumi program", () => {
  beforeAll(() => {
    pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) });
  });
  afterEach(() => pulumi.runtime.setAllConfig({}, []));

  test("getNotebookFlavorsOutput takes inputs and gives an output whose id feeds a resource", async () => {
    const category = pulumi.output("GPU" as const);
    const result = getNotebookFlavorsOutput({ category, minVcpus: pulumi.output(8) });
    expect(await promiseOf(result.id)).toBe("modelarts.vm.gpu.t4");
    expect((await promiseOf(result.flavors)).map((f) => f.id)).not.toContain("modelarts.vm.gpu.p100");
  });

  test("stack config modelarts:* comes before the environment, secrets included", async () => {
    const key = emulator.credentials.accessKeys[0]!;
    pulumi.runtime.setAllConfig({ "modelarts:endpoint": emulator.url, "modelarts:secretKey": key.secretKey }, [
      "modelarts:secretKey",
    ]);
    const wrongEnv = withProcessEnv({ HW_MODELARTS_ENDPOINT: "http://127.0.0.1:9", HW_SECRET_KEY: "wrong-secret-key" });
    try {
      expect((await getNotebookFlavors({ category: "CPU" })).flavors.length).toBeGreaterThan(0);
    } finally {
      wrongEnv();
    }
  });
});

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}
