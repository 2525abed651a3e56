import * as pulumi from "@pulumi/pulumi";
import { recordRegistrations, resolved } from "../test/support/pulumiMocks.js";
import { NotebookInstance } from "./NotebookInstance.js";

// What the provider would return: the inputs as applied plus the service's view.
const registered = recordRegistrations({
  id: "DE-mock-1",
  outputs: (inputs) => ({
    name: inputs.name ?? "dev-abc1234",
    status: "RUNNING",
    url: "https://notebook/x",
    instanceId: "DE-mock-1",
  }),
});

test("registers the dynamic resource type with the declared inputs, a name prefix and an owner key", async () => {
  const nb = new NotebookInstance("dev", {
    profileId: "Multi-Engine 2.0 (python3)",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/dev/" },
    autoStop: { enabled: true, durationSeconds: 3600 },
  });
  expect(await resolved(nb.id)).toBe("DE-mock-1");
  const entry = registered.find((r) => r.name === "dev")!;
  expect(entry.type).toBe("pulumi-nodejs:dynamic/modelarts:NotebookInstance");
  expect(entry.inputs).toMatchObject({
    profileId: "Multi-Engine 2.0 (python3)",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/dev/" },
    namePrefix: "dev",
    __ownerKey: "modelarts-sdk-test/dev/dev",
    // The owner mark's random part (provider/frame/ownerMark.ts), made in `pulumi up`.
    __ownerNonce: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
  expect(typeof entry.inputs.__provider).toBe("string");
});

test("outputs are registered and resolve", async () => {
  const nb = new NotebookInstance("outputs", { profileId: "p", flavor: "f", storage: { path: "/b/d/" } });
  expect(await resolved(nb.status)).toBe("RUNNING");
  expect(await resolved(nb.url)).toBe("https://notebook/x");
  expect(await resolved(nb.instanceId)).toBe("DE-mock-1");
});

test("an explicit name is passed as is, without a name prefix", async () => {
  new NotebookInstance("named", { name: "team-nb", profileId: "p", flavor: "f", storage: { path: "/b/d/" } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const entry = registered.find((r) => r.name === "named")!;
  expect(entry.inputs.name).toBe("team-nb");
  expect(entry.inputs.namePrefix).toBeUndefined();
});

test("NotebookInstance.get registers a read-only reference by id, with no inputs", async () => {
  const ref = NotebookInstance.get("existing", "DE-existing-1");
  expect(await resolved(ref.id)).toBe("DE-existing-1");
  expect(await resolved(ref.status)).toBe("RUNNING");
  const entry = registered.find((r) => r.name === "existing")!;
  expect(entry.id).toBe("DE-existing-1");
  expect(entry.type).toBe("pulumi-nodejs:dynamic/modelarts:NotebookInstance");
  // Nothing declared: only Pulumi's own provider text (registered outputs are undefined, so not sent).
  expect(Object.keys(entry.inputs)).toEqual(["__provider"]);
});

test("deleteBeforeReplace: false is refused at program time (names are unique)", () => {
  expect(
    () =>
      new NotebookInstance(
        "dbr",
        { profileId: "p", flavor: "f", storage: { path: "/b/d/" } },
        { deleteBeforeReplace: false },
      ),
  ).toThrow(/deleteBeforeReplace: false is not supported/);
});

test("__urn is the URN the engine gives the instance: every parent type but the Stack's, then its own", async () => {
  class Component extends pulumi.ComponentResource {
    constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
      super(type, name, {}, opts);
    }
  }
  const outer = new Component("test:index:Outer", "outer");
  const inner = new Component("test:index:Inner", "inner", { parent: outer });
  const args = { profileId: "p", flavor: "f", storage: { path: "/b/d/" } };
  new NotebookInstance("top", args);
  new NotebookInstance("nested", args, { parent: inner });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const urnOf = (name: string) => registered.find((r) => r.name === name)!.inputs.__urn;
  const type = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
  expect(urnOf("top")).toBe(`urn:pulumi:dev::modelarts-sdk-test::${type}::top`);
  expect(urnOf("nested")).toBe(`urn:pulumi:dev::modelarts-sdk-test::test:index:Outer$test:index:Inner$${type}::nested`);
});
