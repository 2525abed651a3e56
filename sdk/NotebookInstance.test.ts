import * as pulumi from "@pulumi/pulumi";
import { NotebookInstance } from "./NotebookInstance.js";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** Set for a read (`NotebookInstance.get`): the id it reads. */
  id?: string;
}

const registered: Registered[] = [];

beforeAll(() => {
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs, id: args.id || undefined });
        // What the provider would return: the inputs as applied plus the service's view.
        return {
          id: args.id || "DE-mock-1",
          state: {
            ...args.inputs,
            name: args.inputs.name ?? "dev-abc1234",
            status: "RUNNING",
            url: "https://notebook/x",
            instanceId: "DE-mock-1",
          },
        };
      },
      call: () => ({}),
    },
    "modelarts-sdk-test",
    "dev",
  );
});

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

test("registers the dynamic resource type with the declared inputs, a name prefix and an owner key", async () => {
  const nb = new NotebookInstance("dev", {
    profileId: "Multi-Engine 2.0 (python3)",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/dev/" },
    autoStop: { enabled: true, durationSeconds: 3600 },
  });
  expect(await value(nb.id)).toBe("DE-mock-1");
  const entry = registered.find((r) => r.name === "dev")!;
  expect(entry.type).toBe("pulumi-nodejs:dynamic/modelarts:NotebookInstance");
  expect(entry.inputs).toMatchObject({
    profileId: "Multi-Engine 2.0 (python3)",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/dev/" },
    namePrefix: "dev",
    __ownerKey: "modelarts-sdk-test/dev/dev",
    // The owner mark's random part (provider/core/ownerMark.ts), made in `pulumi up`.
    __ownerNonce: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
  expect(typeof entry.inputs.__provider).toBe("string");
});

test("outputs are registered and resolve", async () => {
  const nb = new NotebookInstance("outputs", { profileId: "p", flavor: "f", storage: { path: "/b/d/" } });
  expect(await value(nb.status)).toBe("RUNNING");
  expect(await value(nb.url)).toBe("https://notebook/x");
  expect(await value(nb.instanceId)).toBe("DE-mock-1");
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
  expect(await value(ref.id)).toBe("DE-existing-1");
  expect(await value(ref.status)).toBe("RUNNING");
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
