/**
 * Exactly one instance per resource, and never someone else's: the provider recognises its own instances by the
 * owner mark recorded at create, takes over nothing without it, and cleans up what an interrupted run left.
 * In-process against the emulator (the same provider object the host runs).
 */
import { startEmulator, type Emulator } from "../../emulator/index.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { forgetRecentListings } from "../api/recentListing.js";
import { setProgressSink } from "../core/progress.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";
import { pointProviderAt } from "../../test/support/providerOnEmulator.js";

const provider: LooseProvider = notebookInstanceProvider;
type Props = Record<string, unknown>;

const CREATE = "POST /v1/{project_id}/demanager/instances";
const INSTANCE = "/v1/{project_id}/demanager/instances/{instance_id}";

let emulator: Emulator;
let progress: string[];

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.001 });
  pointProviderAt(emulator);
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await emulator.admin.reset();
  progress = [];
  setProgressSink((line) => progress.push(line));
});

function declared(overrides: Props = {}): Props {
  return {
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/own/" },
    __provider: "exports.handler = undefined;",
    ...overrides,
  };
}

async function checked(olds: Props | undefined, news: Props): Promise<Props> {
  const result = await provider.check(olds ?? {}, news);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

/** Requests that change an instance: what must never reach someone else's. */
async function mutatingRequests(): Promise<number> {
  const counts = await emulator.admin.requestCounts();
  return Object.entries(counts.byRoute)
    .filter(([route]) => /^(PUT|DELETE) /.test(route) || route.endsWith("/action"))
    .filter(([route]) => route.includes(INSTANCE) || route.endsWith("/action"))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe("someone else's instance is never taken over", () => {
  test("a POST that failed ambiguously (5xx) while another stack's instance has the name", async () => {
    const theirs = await provider.create(
      await checked(undefined, declared({ name: "shared", __ownerKey: "p/other/nb" })),
    );
    await emulator.admin.resetRequestCounts();
    await emulator.admin.injectFault({ route: CREATE, kind: "status", status: 500, count: 1 });

    const ours = await checked(undefined, declared({ name: "shared", description: "ours", __ownerKey: "p/dev/nb" }));
    const err = (await provider.create(ours).catch((e: unknown) => e)) as Error;

    expect(err.message).toMatch(
      new RegExp(
        `^create notebook instance "shared": an instance named "shared" already exists \\(${theirs.id}\\) and is not managed by this resource; it was left untouched\\.`,
      ),
    );
    // No id was recorded (nothing of ours exists), and theirs was neither changed nor adopted.
    expect(err).not.toHaveProperty("id");
    expect(await mutatingRequests()).toBe(0);
    const [live] = await emulator.admin.listInstances();
    expect(live).toMatchObject({ id: theirs.id, description: "", status: "RUNNING" });
  });

  test("a create whose answer was lost is found by its owner mark, not by its name", async () => {
    await emulator.admin.injectFault({ route: CREATE, kind: "drop-after", count: 1 });
    const created = await provider.create(
      await checked(undefined, declared({ name: "lost", __ownerKey: "p/dev/lost" })),
    );
    expect((await emulator.admin.listInstances()).map((i) => i.id)).toEqual([created.id]);
    expect(await emulator.admin.requestCount(CREATE)).toBe(1);
  });
});

describe("an interrupted create leaves no orphan, whatever changed since", () => {
  test("^C while CREATING, then a changed description: the first instance is resumed and updated", async () => {
    const key = "p/dev/interrupted";
    const first = await checked(undefined, declared({ namePrefix: "interrupted", description: "v1", __ownerKey: key }));
    // The engine never recorded this create (the run was interrupted): its result is dropped on the floor.
    const lost = await provider.create(first);
    forgetRecentListings(); // the next run is a new provider process
    const second = await checked(
      undefined,
      declared({ namePrefix: "interrupted", description: "v2", __ownerKey: key }),
    );
    // The generated name derives from the inputs: it differs, and the resume does not depend on it.
    expect(second.name).not.toBe(first.name);

    const resumed = await provider.create(second);
    expect(resumed.id).toBe(lost.id);
    const live = await emulator.admin.listInstances();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: lost.id, description: "v2" });
    expect(resumed.outs.name).toBe(live[0]!.name);
    expect(progress.some((l) => l.includes(`resuming notebook instance "${live[0]!.name}" (${lost.id})`))).toBe(true);

    // The recorded resource diffs clean against its inputs (no replacement from a name nobody declared), and a
    // destroy leaves nothing.
    expect((await provider.diff(resumed.id, resumed.outs, second)).changes).toBe(false);
    await provider.delete(resumed.id, resumed.outs);
    expect(await emulator.admin.listInstances()).toHaveLength(0);
  });

  test("an orphan that cannot become what is declared is removed, and exactly one instance is created", async () => {
    const key = "p/dev/changed";
    await provider.create(await checked(undefined, declared({ name: "changed-a", __ownerKey: key })));
    forgetRecentListings(); // the next run is a new provider process
    const replaced = await provider.create(
      await checked(undefined, declared({ name: "changed-a", flavor: "modelarts.vm.cpu.8u", __ownerKey: key })),
    );
    const live = await emulator.admin.listInstances();
    expect(live.map((i) => [i.id, i.flavor])).toEqual([[replaced.id, "modelarts.vm.cpu.8u"]]);
    expect(
      progress.some((l) => /removing notebook instance "changed-a" \(DE-[^)]+\), left by an interrupted run/.test(l)),
    ).toBe(true);
  });
});

describe("an adopted instance keeps its name", () => {
  test("adoptId without a name: no generated name, and the next preview plans no replacement", async () => {
    const existing = await provider.create(await checked(undefined, declared({ name: "theirs-to-adopt" })));
    const news = await checked(undefined, declared({ namePrefix: "adopted", adoptId: existing.id }));
    expect(news.name).toBeUndefined();

    const adopted = await provider.create(news);
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs.name).toBe("theirs-to-adopt");

    // The next `pulumi up`: check with the stored inputs as olds, then diff against the stored outputs.
    const again = await checked(news, declared({ namePrefix: "adopted", adoptId: existing.id }));
    expect(await provider.diff(adopted.id, adopted.outs, again)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: true,
    });
    // After a refresh too.
    const read = await provider.read(adopted.id, adopted.outs);
    expect((await provider.diff(adopted.id, read.props, await checked(read.inputs, again))).changes).toBe(false);
  });
});

describe("refresh and destroy act only on a verified reading", () => {
  async function deleteAnsweredWithHtml(name: string, apply: boolean): Promise<{ id: string; outcome: string }> {
    const created = await provider.create(await checked(undefined, declared({ name })));
    await emulator.admin.updateInstance(created.id, { status: "STOPPED" });
    await emulator.admin.injectFault({
      route: "DELETE /v1/{project_id}/demanager/instances/{instance_id}",
      kind: "body",
      status: 200,
      rawBody: "<html>proxy</html>",
      apply,
      count: 10,
    });
    const outcome = await provider.delete(created.id, created.outs).then(
      () => "deleted",
      (e: unknown) => (e as Error).message,
    );
    await emulator.admin.clearFaults();
    return { id: created.id, outcome };
  }

  test("a DELETE applied but answered with an HTML page: the instance's own state shows it deleting, so it completes", async () => {
    const { outcome } = await deleteAnsweredWithHtml("garbled-applied", true);
    expect(outcome).toBe("deleted");
    expect(await emulator.admin.listInstances()).toEqual([]);
  });

  test("a DELETE not applied and answered with an HTML page: the delete fails and the instance stays", async () => {
    const { id, outcome } = await deleteAnsweredWithHtml("garbled-refused", false);
    expect(outcome).toMatch(
      /^delete notebook instance "garbled-refused" \(DE-[^)]+\): DELETE \S+: HTTP 200 with an answer that is not the documented one/,
    );
    expect((await emulator.admin.listInstances()).map((i) => i.id)).toEqual([id]);
  });

  test.each(["", ".", ".."])("read and delete of id %j fail before any request", async (id) => {
    await emulator.admin.resetRequestCounts();
    await expect(provider.read(id, {})).rejects.toThrow(/is not a notebook instance id/);
    await expect(provider.delete(id, {})).rejects.toThrow(/is not a notebook instance id/);
    expect((await emulator.admin.requestCounts()).total).toBe(0);
  });
});

describe("errors name the input the service refused", () => {
  test("an unknown flavor", async () => {
    const inputs = await checked(undefined, declared({ name: "bad-flavor", flavor: "modelarts.vm.cpu.999u" }));
    const err = (await provider.create(inputs).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      /^create notebook instance "bad-flavor": flavor "modelarts\.vm\.cpu\.999u" was refused: POST \S+: HTTP 400 ModelArts\.6323/,
    );
  });
});
