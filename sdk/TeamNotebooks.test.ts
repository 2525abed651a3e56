import * as pulumi from "@pulumi/pulumi";
import { checkInputs } from "../provider/frame/resourceVerbs.js";
import { notebookProvider } from "../provider/notebook/notebookProvider.js";
import { notebookInstanceProvider } from "../provider/notebookInstance/notebookInstanceProvider.js";
import { NotebookInstance } from "./NotebookInstance.js";
import { TeamNotebooks } from "./TeamNotebooks.js";

const checkNotebook = (olds: object | undefined, news: object) => checkInputs(notebookProvider.definition, olds, news);

const checkNotebookInstance = (olds: object | undefined, news: object) =>
  checkInputs(notebookInstanceProvider.definition, olds, news);

interface Registered {
  project: string;
  stack: string;
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** What the provider's check made of them, with the recorded inputs as the engine passes them. */
  checked: Record<string, unknown>;
  /** The name the provider's check gives (declared or generated). */
  checkedName: string;
}

const INSTANCE = "pulumi-nodejs:dynamic/modelarts:NotebookInstance";
const NOTEBOOK = "pulumi-nodejs:dynamic/modelarts:Notebook";

const IMAGE = "278e88d1-5b71-4766-8502-b3ba72e824d9";

let registered: Registered[] = [];

/** State backends: backend → `<project>/<stack>/<resource>` → the recorded (checked) inputs. */
const backends = new Map<string, Map<string, Record<string, unknown>>>();

/**
 * Mocks for one project and stack on one state backend; each resource's state is what the real provider's check
 * makes of its inputs, given the inputs recorded there before (as the engine passes them to check). The previous
 * mocks' calls are drained first (a component's outputs are registered after its children's).
 */
async function useStack(project: string, stack: string, backend = "default"): Promise<void> {
  await pulumi.runtime.disconnect();
  if (!backends.has(backend)) backends.set(backend, new Map());
  const recorded = backends.get(backend)!;
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        if (args.type !== INSTANCE && args.type !== NOTEBOOK) return { id: undefined, state: {} };
        const check = args.type === INSTANCE ? checkNotebookInstance : checkNotebook;
        const key = `${project}/${stack}/${args.name}`;
        const { inputs, failures } = check(recorded.get(key), args.inputs);
        if (failures.length > 0) throw new Error(`check of ${args.name}: ${JSON.stringify(failures)}`);
        const checked = inputs as unknown as Record<string, unknown>;
        recorded.set(key, checked);
        const checkedName = String(checked.name);
        registered.push({
          project,
          stack,
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          checked,
          checkedName,
        });
        return { id: `${args.name}-id`, state: { ...inputs, url: `https://nb/${checkedName}` } };
      },
      call: () => ({}),
    },
    project,
    stack,
  );
}

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

function find(project: string, stack: string, name: string): Registered {
  const entry = registered.find((r) => r.project === project && r.stack === stack && r.name === name);
  if (entry === undefined) throw new Error(`${project}/${stack}: no resource ${name}`);
  return entry;
}

const V1 = {
  members: ["alice", "bob"],
  profileId: "Multi-Engine 2.0 (python3)",
  flavor: "modelarts.vm.cpu.2u",
  storageRoot: "/team/notebooks/",
};

beforeEach(async () => {
  registered = [];
  backends.clear();
  await useStack("team-test", "dev");
});

test("v1 arguments as before: one NotebookInstance per member with the same defaults, and a member → URL map", async () => {
  const team = new TeamNotebooks("ml", V1);
  expect(team.kind).toBe("NotebookInstance");
  expect(Object.keys(team.instances)).toEqual(["alice", "bob"]);
  expect(team.notebooks).toEqual({});
  const [urls, names] = await Promise.all([value(team.urls), value(team.names)]);
  expect(names.alice).toMatch(/^ml-alice-[a-z0-9]{7}$/);
  expect(urls).toEqual({ alice: `https://nb/${names.alice}`, bob: `https://nb/${names.bob}` });
  const alice = find("team-test", "dev", "ml-alice"); // the resource names of 0.1: the same URNs
  expect(alice.type).toBe(INSTANCE);
  expect(alice.inputs).toMatchObject({
    profileId: "Multi-Engine 2.0 (python3)",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/team/notebooks/alice/" },
    autoStop: { enabled: true, durationSeconds: 7200 },
    namePrefix: "ml-alice",
  });
  expect(alice.inputs.name).toBeUndefined();
  expect(alice.inputs.desiredStatus).toBeUndefined();
});

test("fixedNames: true gives a 0.1 stack exactly the inputs it has, so `pulumi up` changes nothing", async () => {
  // What 0.1's TeamNotebooks (sdk/TeamNotebooks.ts at eda2bbe) registered for the same arguments.
  class TeamNotebooks01 extends pulumi.ComponentResource {
    constructor(name: string, args: typeof V1 & { description?: string }) {
      super("modelarts:index:TeamNotebooks", name, {});
      for (const member of args.members) {
        new NotebookInstance(
          `${name}-${member}`,
          {
            name: `${name}-${member}`,
            profileId: args.profileId,
            flavor: args.flavor,
            description: args.description,
            storage: { path: `${args.storageRoot}${member}/` },
            autoStop: { enabled: true, durationSeconds: 7200 },
            desiredStatus: undefined,
          },
          { parent: this },
        );
      }
      this.registerOutputs({});
    }
  }
  new TeamNotebooks01("ml", { ...V1, description: "team notebook" });
  await useStack("team-test", "dev");
  const before = registered;
  registered = [];
  // 0.1 recorded no random part of the owner mark (frame/ownerMark.ts): its state has none.
  const state = backends.get("default")!;
  for (const [key, inputs] of state) {
    const { __ownerNonce: _nonce, ...recorded } = inputs;
    state.set(key, recorded);
  }
  // A copy: the run below records what check makes of it in `state`, which it must be compared with.
  const state01 = structuredClone(Object.fromEntries(state));
  await value(new TeamNotebooks("ml", { ...V1, description: "team notebook", fixedNames: true }).urls);
  for (const member of ["alice", "bob"]) {
    const { inputs: old } = before.find((r) => r.name === `ml-${member}`)!;
    const { __ownerNonce: _new, ...registeredNow } = find("team-test", "dev", `ml-${member}`).inputs;
    const { __ownerNonce: _old, ...registered01 } = old;
    expect(registeredNow).toEqual(registered01);
    // What check records is the 0.1 state as it is: no random part is added to an existing resource's mark.
    expect(find("team-test", "dev", `ml-${member}`).checked).toEqual(state01[`team-test/dev/ml-${member}`]);
    expect(find("team-test", "dev", `ml-${member}`).checked.__ownerNonce).toBeUndefined();
  }
});

test("two stacks of one program get different names; fixedNames keeps <prefix>-<member> in every stack", async () => {
  const names: Record<string, Record<string, string>> = {};
  for (const stack of ["dev", "prod"]) {
    await useStack("team-test", stack);
    names[stack] = await value(new TeamNotebooks("ml", V1).names);
    names[`${stack}-v2`] = await value(
      new TeamNotebooks("ml2", { kind: "Notebook", members: ["alice"], flavor: "modelarts.vm.cpu.2u", imageId: IMAGE })
        .names,
    );
    names[`${stack}-fixed`] = await value(new TeamNotebooks("fx", { ...V1, fixedNames: true }).names);
  }
  expect(names.dev!.alice).not.toBe(names.prod!.alice);
  expect(names.dev!.bob).not.toBe(names.prod!.bob);
  expect(names["dev-v2"]!.alice).not.toBe(names["prod-v2"]!.alice);
  for (const stack of ["dev", "prod"]) {
    expect(names[stack]!.alice).toMatch(/^ml-alice-/);
    expect(names[`${stack}-v2`]!.alice).toMatch(/^ml2-alice-/);
    expect(names[`${stack}-fixed`]).toEqual({ alice: "fx-alice", bob: "fx-bob" });
  }
  // Same project and stack on the same backend, same names (they are stable across runs).
  await useStack("team-test", "dev");
  expect(await value(new TeamNotebooks("ml", V1).names)).toEqual(names.dev);
  // The registered names are the ones the outputs report.
  expect(find("team-test", "prod", "ml-alice").checkedName).toBe(names.prod!.alice);
});

test("the same project and stack on two state backends (two people's `dev`) get different names and marks", async () => {
  const names: Record<string, Record<string, string>> = {};
  const marks: Record<string, string> = {};
  for (const backend of ["alice-laptop", "bob-laptop"]) {
    registered = [];
    await useStack("team-test", "dev", backend);
    names[backend] = await value(new TeamNotebooks("ml", V1).names);
    names[`${backend}-v2`] = await value(
      new TeamNotebooks("ml2", { kind: "Notebook", members: ["alice"], flavor: "modelarts.vm.cpu.2u", imageId: IMAGE })
        .names,
    );
    const checked = find("team-test", "dev", "ml2-alice").checked;
    expect(checked.__ownerKey).toBe("team-test/dev/ml2-alice");
    marks[backend] = `${String(checked.__ownerKey)}#${String(checked.__ownerNonce)}`;
  }
  expect(names["alice-laptop"]!.alice).not.toBe(names["bob-laptop"]!.alice);
  expect(names["alice-laptop"]!.bob).not.toBe(names["bob-laptop"]!.bob);
  expect(names["alice-laptop-v2"]!.alice).not.toBe(names["bob-laptop-v2"]!.alice);
  expect(marks["alice-laptop"]).not.toBe(marks["bob-laptop"]);
  // Each keeps its own on the next run.
  await useStack("team-test", "dev", "bob-laptop");
  expect(await value(new TeamNotebooks("ml", V1).names)).toEqual(names["bob-laptop"]);
});

test("every NotebookInstance option can be set for the team and per member; a member's value wins", async () => {
  const team = new TeamNotebooks("ml", {
    ...V1,
    namePrefix: "research",
    members: {
      alice: {},
      bob: {
        flavor: "modelarts.vm.cpu.8u",
        autoStop: { enabled: false },
        desiredStatus: "STOPPED",
        timeouts: { create: "45m" },
        storage: { path: "/bob-bucket/work/" },
        annotations: { owner: "bob" },
        name: "bob-fixed",
      },
    },
    description: "team notebook",
    timeouts: { create: "1h", delete: "30m" },
    pool: { id: "pool-1", type: "USER_DEFINED" },
    workspaceId: "0123456789abcdef0123456789abcdef",
    annotations: { team: "ml" },
    extendStorage: [{ type: "obsfs", path: "/team/shared/" }],
    desiredStatus: "RUNNING",
    autoStop: { enabled: true, durationSeconds: 3600 },
  });
  await value(team.urls);
  const shared = {
    profileId: "Multi-Engine 2.0 (python3)",
    description: "team notebook",
    pool: { id: "pool-1", type: "USER_DEFINED" },
    workspaceId: "0123456789abcdef0123456789abcdef",
    extendStorage: [{ type: "obsfs", path: "/team/shared/" }],
  };
  const alice = find("team-test", "dev", "ml-alice");
  expect(alice.inputs).toMatchObject({
    ...shared,
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/team/notebooks/alice/" },
    autoStop: { enabled: true, durationSeconds: 3600 },
    desiredStatus: "RUNNING",
    timeouts: { create: "1h", delete: "30m" },
    annotations: { team: "ml" },
    namePrefix: "research-alice",
  });
  expect(alice.checkedName).toMatch(/^research-alice-/);
  const bob = find("team-test", "dev", "ml-bob");
  expect(bob.inputs).toMatchObject({
    ...shared,
    flavor: "modelarts.vm.cpu.8u",
    storage: { path: "/bob-bucket/work/" },
    autoStop: { enabled: false },
    desiredStatus: "STOPPED",
    timeouts: { create: "45m" },
    annotations: { owner: "bob" },
    name: "bob-fixed",
  });
  expect(bob.inputs.namePrefix).toBeUndefined();
  expect(await value(team.names)).toEqual({ alice: alice.checkedName, bob: "bob-fixed" });
});

test('kind "Notebook": one Notebook per member with the team defaults and per-member settings', async () => {
  const team = new TeamNotebooks("ml", {
    kind: "Notebook",
    members: { alice: {}, bob: { flavor: "modelarts.vm.gpu.v100", volume: { category: "EVS", capacityGb: 50 } } },
    flavor: "modelarts.vm.cpu.2u",
    imageId: IMAGE,
    tags: { team: "ml" },
    timeouts: { create: "45m" },
  });
  expect(team.kind).toBe("Notebook");
  expect(team.instances).toEqual({});
  expect(Object.keys(team.notebooks)).toEqual(["alice", "bob"]);
  const urls = await value(team.urls);
  const alice = find("team-test", "dev", "ml-alice");
  const bob = find("team-test", "dev", "ml-bob");
  expect(alice.type).toBe(NOTEBOOK);
  const shared = { imageId: IMAGE, tags: { team: "ml" }, timeouts: { create: "45m" } };
  expect(alice.inputs).toMatchObject({
    ...shared,
    flavor: "modelarts.vm.cpu.2u",
    volume: { category: "EVS" },
    autoStop: { enabled: true, durationSeconds: 7200 },
    namePrefix: "ml-alice",
  });
  expect(bob.inputs).toMatchObject({
    ...shared,
    flavor: "modelarts.vm.gpu.v100",
    volume: { category: "EVS", capacityGb: 50 },
  });
  expect(urls).toEqual({ alice: `https://nb/${alice.checkedName}`, bob: `https://nb/${bob.checkedName}` });
});

test("a member's undefined field does not hide the team's value", async () => {
  await value(new TeamNotebooks("ml", { ...V1, members: { alice: { flavor: undefined } } }).urls);
  expect(find("team-test", "dev", "ml-alice").inputs.flavor).toBe("modelarts.vm.cpu.2u");
});

test("bad arguments are a RunError naming the field, before anything is registered", () => {
  const cases: [unknown, RegExp][] = [
    [{ ...V1, storageRoot: "/b/d" }, /storageRoot must be a string ending with "\/"/],
    [{ ...V1, members: ["a", "a"] }, /members are listed twice: a/],
    [{ ...V1, members: ["a b"] }, /member names are letters, digits/],
    [{ ...V1, members: "alice" }, /members must be a list of names or a map/],
    [{ ...V1, members: { a: "big" } }, /settings of member "a" must be an object/],
    [{ ...V1, imageId: "x" }, /imageId \(team\) is an argument of Notebook .*set kind: "Notebook"/],
    [{ ...V1, members: { a: { flavour: "x" } } }, /flavour \(member "a"\) is not an argument here/],
    [{ kind: "Notebook", members: [], flavor: "f", imageId: "i", profileId: "p" }, /a Notebook takes imageId/],
    [{ kind: "Notebook", members: [], flavor: "f" }, /imageId is required \(kind "Notebook"\)/],
    [{ members: [], flavor: "f", storageRoot: "/b/" }, /profileId is required/],
    [{ ...V1, kind: "notebook" }, /kind must be "Notebook" or "NotebookInstance"/],
    [{ ...V1, fixedNames: "yes" }, /fixedNames must be true or false/],
  ];
  for (const [args, message] of cases) {
    let error: unknown;
    try {
      new TeamNotebooks("x", args as never);
    } catch (err) {
      error = err;
    }
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^TeamNotebooks "x": /);
    expect((error as Error).message).toMatch(message);
  }
  expect(registered).toEqual([]);
});
