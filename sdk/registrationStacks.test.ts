import * as pulumi from "@pulumi/pulumi";
import * as closure from "@pulumi/pulumi/runtime/closure/serializeClosure";
import { getMonitor } from "@pulumi/pulumi/runtime/settings";
import { recordRegistrations, resolved } from "../test/support/pulumiMocks.js";
import { Notebook } from "./Notebook.js";
import { NotebookInstance } from "./NotebookInstance.js";
import { NotebookStorageMount } from "./NotebookStorageMount.js";

recordRegistrations();

/** Runs `construct` with a stack formatter that counts the stacks formatted with at least one frame. */
function framedStacksFormatted(construct: () => void): number {
  const saved = Error.prepareStackTrace;
  let framed = 0;
  Error.prepareStackTrace = (err, frames) => {
    if (frames.length > 0) framed++;
    return `${String(err)}${frames.map((f) => `\n    at ${String(f)}`).join("")}`;
  };
  try {
    construct();
  } finally {
    Error.prepareStackTrace = saved;
  }
  return framed;
}

const classes: [string, () => pulumi.CustomResource][] = [
  [
    "NotebookInstance",
    () => new NotebookInstance("stacks-v1", { profileId: "p", flavor: "f", storage: { path: "/b/d/" } }),
  ],
  ["Notebook", () => new Notebook("stacks-v2", { flavor: "f", imageId: "i", volume: { category: "EVS" } })],
  [
    "NotebookStorageMount",
    () => new NotebookStorageMount("stacks-mount", { notebookId: "nb-1", uri: "obs://b/d/", mountPath: "/data/d/" }),
  ],
];

test.each(classes)(
  "registering a %s formats no stack for Pulumi's promises, only the one of its source position",
  async (_, construct) => {
    let resource: pulumi.CustomResource | undefined;
    const limit = Error.stackTraceLimit;
    const framed = framedStacksFormatted(() => (resource = construct()));
    const limitAfter = Error.stackTraceLimit;
    // The resource registers as before (awaited first: its serialization must not outlive the test).
    expect(await resolved(resource!.urn)).toContain("pulumi-nodejs:dynamic/modelarts:");
    // Without the pause: about 140 (four promises per registered property, each with its stack).
    expect(framed).toBeLessThanOrEqual(2);
    expect(limitAfter).toBe(limit);
  },
);

test("the source position Pulumi sends for the resource is kept: it sets its own stack limit", async () => {
  // What the engine receives (RegisterResourceRequest.sourcePosition), read off the mocks' monitor. Pulumi skips a
  // fixed number of frames, which for a dynamic resource's subclass lands on the class's own super() call.
  const monitor = getMonitor() as unknown as { registerResource(req: unknown, cb: unknown): unknown };
  const register = monitor.registerResource.bind(monitor);
  const positions = new Map<string, { uri: string; line: number } | undefined>();
  monitor.registerResource = (req, cb) => {
    const r = req as { getName(): string; getSourceposition(): { toObject(): { uri: string; line: number } } };
    positions.set(r.getName(), r.getSourceposition()?.toObject());
    return register(req, cb);
  };
  try {
    const instance = new NotebookInstance("positioned", { profileId: "p", flavor: "f", storage: { path: "/b/d/" } });
    await resolved(instance.urn);
  } finally {
    monitor.registerResource = register;
  }
  expect(positions.get("positioned")).toEqual({
    uri: expect.stringMatching(/\/sdk\/NotebookInstance\.ts$/),
    line: expect.any(Number),
    column: expect.any(Number),
  });
});

test("an error thrown while registering keeps the frames of the line that declared the resource", async () => {
  // The provider's serialization (unless an earlier test cached it) starts before the refusal and outlives it: the
  // test waits for it to end.
  const serializing: Promise<unknown>[] = [];
  const serialize = closure.serializeFunction;
  const spy = jest.spyOn(closure, "serializeFunction").mockImplementation((...args) => {
    const done = serialize(...args);
    serializing.push(done);
    return done;
  });
  // Not a Resource, though it has a urn: Pulumi's constructor refuses it (a plain Error), after our own checks.
  const parent = { urn: pulumi.output("urn:pulumi:dev::p::x:y:Z::fake") } as unknown as pulumi.Resource;
  const limit = Error.stackTraceLimit;
  let thrown: unknown;
  try {
    new NotebookInstance("bad-parent", { profileId: "p", flavor: "f", storage: { path: "/b/d/" } }, { parent });
  } catch (err) {
    thrown = err;
  } finally {
    await Promise.allSettled(serializing);
    spy.mockRestore();
  }
  expect(thrown).toBeInstanceOf(Error);
  expect((thrown as Error).message).toMatch(/Resource parent is not a valid Resource/);
  expect((thrown as Error).stack).toMatch(/registrationStacks\.test\.ts/);
  expect(Error.stackTraceLimit).toBe(limit);
});
