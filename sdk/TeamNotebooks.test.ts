import * as pulumi from "@pulumi/pulumi";
import { TeamNotebooks } from "./TeamNotebooks.js";

const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

beforeAll(() => {
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: { ...args.inputs, url: `https://nb/${String(args.inputs.name)}` } };
      },
      call: () => ({}),
    },
    "team-test",
    "dev",
  );
});

test("one notebook per member with shared defaults and a member → URL map", async () => {
  const team = new TeamNotebooks("ml", {
    members: ["alice", "bob"],
    profileId: "Multi-Engine 2.0 (python3)",
    flavor: "modelarts.vm.cpu.2u",
    storageRoot: "/team/notebooks/",
  });
  const urls = await new Promise((resolve) => team.urls.apply(resolve));
  expect(urls).toEqual({ alice: "https://nb/ml-alice", bob: "https://nb/ml-bob" });
  const alice = registered.find((r) => r.name === "ml-alice")!;
  expect(alice.type).toBe("pulumi-nodejs:dynamic/modelarts:NotebookInstance");
  expect(alice.inputs).toMatchObject({
    storage: { path: "/team/notebooks/alice/" },
    autoStop: { enabled: true, durationSeconds: 7200 },
    flavor: "modelarts.vm.cpu.2u",
  });
});

test("bad arguments are rejected with the field named", () => {
  expect(() => new TeamNotebooks("x", { members: ["a"], profileId: "p", flavor: "f", storageRoot: "/b/d" })).toThrow(
    /storageRoot must end with "\/"/,
  );
  expect(
    () => new TeamNotebooks("y", { members: ["a", "a"], profileId: "p", flavor: "f", storageRoot: "/b/d/" }),
  ).toThrow(/listed twice: a/);
});
