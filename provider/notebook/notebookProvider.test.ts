/**
 * The Notebook provider in-process against the emulator's notebooks API: the whole lifecycle, each kind of
 * change, the documented variants the emulator can play, and the owner rules. The same provider object the host
 * runs (through the SDK's shim).
 */
import { callApi, FAKE_NOTEBOOK_TOKEN, startEmulator, type Emulator } from "../../emulator/index.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { PartialFailureError } from "../api/errors.js";
import { forgetRecentListings } from "../api/recentListing.js";
import { setProgressSink } from "../core/progress.js";
import { notebookProvider } from "./notebookProvider.js";
import { pointProviderAt } from "../../test/support/providerOnEmulator.js";
import { createNotebook, evsCreateRequest } from "../../emulator/notebooks/testkit.js";

const provider: LooseProvider = notebookProvider;
type Props = Record<string, unknown>;

const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const OTHER_IMAGE = "278e88d1-5b71-4766-8502-b3ba72e824d9";
const CREATE = "POST /v1/{project_id}/notebooks";
const PUT = "PUT /v1/{project_id}/notebooks/{id}";

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
    namePrefix: "dev",
    flavor: "modelarts.vm.cpu.2u",
    imageId: IMAGE,
    volume: { category: "EVS", capacityGb: 10 },
    autoStop: { enabled: true, durationSeconds: 7200 },
    __ownerKey: "proj/dev/nb",
    __provider: "exports.handler = undefined;",
    ...overrides,
  };
}

async function checked(olds: Props | undefined, news: Props): Promise<Props> {
  const result = await provider.check(olds ?? {}, news);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

/** `pulumi up` of changed inputs: check with the old inputs, diff against the outputs, update. */
async function up(previous: { id: string; outs: Props; inputs: Props }, news: Props) {
  const inputs = await checked(previous.inputs, news);
  const diff = await provider.diff(previous.id, previous.outs, inputs);
  const { outs } = diff.changes ? await provider.update(previous.id, previous.outs, inputs) : { outs: previous.outs };
  return { diff, state: { id: previous.id, outs, inputs } };
}

async function created(news: Props) {
  const inputs = await checked(undefined, news);
  const { id, outs } = await provider.create(inputs);
  return { id, outs, inputs };
}

test("create → no-change diff → in place, restart and power changes → refresh drift → delete", async () => {
  let state = await created(declared({ tags: { team: "ml" } }));
  expect(state.outs).toMatchObject({
    status: "RUNNING",
    notebookId: state.id,
    name: expect.stringMatching(/^dev-[a-z0-9]{7}$/),
    image: { id: IMAGE, name: "notebook2.0-mul-kernel-cpu-cp36" },
    lease: { enabled: true, type: "TIMING" },
    volume: { category: "EVS", ownership: "MANAGED", capacityGb: 10 },
    tags: { team: "ml" },
  });
  expect(state.outs.url).toMatch(/^https:\/\//);
  expect(state.outs.autoStopAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(JSON.stringify(state.outs)).not.toContain(FAKE_NOTEBOOK_TOKEN);
  const live = await emulator.admin.getNotebook(state.id);
  expect(live.tags).toEqual(expect.arrayContaining([{ key: "team", value: "ml" }]));

  // Same inputs: nothing to do.
  const same = await up(state, declared({ tags: { team: "ml" } }));
  expect(same.diff.changes).toBe(false);

  // In place, no restart: description and tags.
  await emulator.admin.resetRequestCounts();
  let step = await up(state, declared({ description: "v2", tags: { team: "ml", owner: "alice" } }));
  expect(step.diff).toMatchObject({ changes: true, replaces: [] });
  expect((await emulator.admin.getNotebook(state.id)).description).toBe("v2");
  expect(await emulator.admin.requestCount("POST /v1/{project_id}/notebooks/{id}/stop")).toBe(0);
  state = step.state;

  // The EVS volume grows in place; a shrink fails at check naming the rule.
  step = await up(
    state,
    declared({ description: "v2", tags: { team: "ml", owner: "alice" }, volume: { category: "EVS", capacityGb: 20 } }),
  );
  expect(((await emulator.admin.getNotebook(state.id)).volume as { capacity?: number }).capacity).toBe(20);
  state = step.state;
  const shrink = await provider.check(state.inputs, declared({ volume: { category: "EVS", capacityGb: 15 } }));
  expect(shrink.failures).toEqual([
    { property: "volume.capacityGb", reason: "volume.capacityGb can only grow (the volume has 20 GB, got 15)" },
  ]);

  // Flavor and image change with a stop and a start, and the notebook runs again afterwards.
  await emulator.admin.resetRequestCounts();
  const restartInputs = declared({
    description: "v2",
    tags: { team: "ml", owner: "alice" },
    volume: { category: "EVS", capacityGb: 20 },
    flavor: "modelarts.vm.cpu.8u",
    imageId: OTHER_IMAGE,
  });
  const restartDiff = await provider.diff(state.id, state.outs, await checked(state.inputs, restartInputs));
  expect(restartDiff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
  expect(progress.some((l) => /flavor, imageId change in place with a stop and a start/.test(l))).toBe(true);
  step = await up(state, restartInputs);
  expect(step.state.outs).toMatchObject({
    status: "RUNNING",
    flavor: "modelarts.vm.cpu.8u",
    image: { id: OTHER_IMAGE },
  });
  expect(await emulator.admin.requestCount("POST /v1/{project_id}/notebooks/{id}/stop")).toBe(1);
  expect(await emulator.admin.requestCount("POST /v1/{project_id}/notebooks/{id}/start")).toBe(1);
  state = step.state;

  // A declared power state.
  step = await up(state, { ...restartInputs, desiredStatus: "STOPPED" });
  expect(step.state.outs.status).toBe("STOPPED");
  state = step.state;

  // Drift: renamed in the console; refresh shows it, and the next up renames it back.
  await emulator.admin.updateNotebook(state.id, { description: "edited in the console" });
  const read = await provider.read(state.id, state.outs);
  expect(read.inputs.description).toBe("edited in the console");
  const drift = await provider.diff(
    state.id,
    read.props,
    await checked(read.inputs, { ...restartInputs, desiredStatus: "STOPPED" }),
  );
  expect(drift.changes).toBe(true);

  await provider.delete(state.id, state.outs);
  expect(await emulator.admin.listNotebooks()).toEqual([]);
});

test("progress lines name the notebook, its status and the init step being worked on", async () => {
  const slow = await startEmulator({ timeScale: 0.01 });
  try {
    pointProviderAt(slow);
    await provider.create(await checked(undefined, declared()));
    expect(progress).toContainEqual(
      expect.stringMatching(
        /^create notebook "dev-[a-z0-9]{7}" \([0-9a-f-]{36}\): CREATING \(\d+s elapsed, step \d of 4: /,
      ),
    );
  } finally {
    pointProviderAt(emulator);
    await slow.close();
  }
});

test("timeouts.update bounds the whole update: a flavor change's stop, PUT and start share one deadline of 10s", async () => {
  // At time scale 0.8 a stop takes 4 s and a start 8 s: each wait fits in 10 s, the update does not.
  const slow = await startEmulator({ timeScale: 0.8 });
  try {
    pointProviderAt(slow);
    // A running notebook, made at once (a create takes 24 s here): created through the API, set RUNNING out of band.
    const made = await createNotebook(
      slow,
      evsCreateRequest("dev-timeout", { volume: { category: "EVS", ownership: "MANAGED", capacity: 10 } }),
    );
    const id = String(made.id);
    await slow.admin.updateNotebook(id, { status: "RUNNING" });
    const state = await created(declared({ adoptId: id }));
    expect(state.outs.status).toBe("RUNNING");

    const news = declared({ adoptId: id, flavor: "modelarts.vm.cpu.8u", timeouts: { update: "10s" } });
    const err = (await up(state, news).catch((e: unknown) => e)) as PartialFailureError;
    expect(err).toBeInstanceOf(PartialFailureError);
    // The operation, the notebook and the timeout; the wait it was in, and where the notebook was.
    expect(err.message).toMatch(
      new RegExp(
        `^update notebook "dev-timeout" \\(${id}\\): timed out after 10s \\(timeouts.update, the limit for the ` +
          "whole update\\) waiting for RUNNING; last status STARTING",
      ),
    );
    // Recorded like any failure after a call: the new flavor applied, the notebook still starting.
    expect(err.properties).toMatchObject({ notebookId: id, status: "STARTING", flavor: "modelarts.vm.cpu.8u" });
    // It gave up while the start was still under way: each step did not get the whole 10 s again.
    expect((await slow.admin.getNotebook(id)).status).toBe("STARTING");
  } finally {
    pointProviderAt(emulator);
    await slow.close();
  }
});

test("timeouts.delete bounds the long way too: the stop and the wait until gone share one deadline", async () => {
  // A service that refuses to delete a running notebook (6304): the DELETE, a stop (4 s here), a second DELETE and
  // the wait until gone (4 s). Each wait fits in 6 s, the delete does not.
  const slow = await startEmulator({ timeScale: 0.8, notebookSwitches: { deleteRunning: "refused" } });
  try {
    pointProviderAt(slow);
    const made = await createNotebook(
      slow,
      evsCreateRequest("dev-slow-delete", { volume: { category: "EVS", ownership: "MANAGED", capacity: 10 } }),
    );
    const id = String(made.id);
    await slow.admin.updateNotebook(id, { status: "RUNNING" });
    const state = await created(declared({ adoptId: id, timeouts: { delete: "6s" } }));
    const err = (await provider.delete(state.id, state.outs).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      new RegExp(
        `^delete notebook "dev-slow-delete" \\(${id}\\): timed out after 6s \\(timeouts.delete, the limit for ` +
          "the whole delete\\) waiting for GONE; last status DELETING",
      ),
    );
    expect((await slow.admin.getNotebook(id)).status).toBe("DELETING");
  } finally {
    pointProviderAt(emulator);
    await slow.close();
  }
});

test("a replacement (the rest of the volume, poolId, workspaceId) deletes first, once the loss is accepted", async () => {
  const state = await created(declared());
  const diffWith = async (news: Props) => provider.diff(state.id, state.outs, await checked(state.inputs, news));
  const accepted = (overrides: Props) => declared({ ...overrides, allowDataLossOnReplace: true });
  expect(await diffWith(accepted({ volume: { category: "EFS" } }))).toEqual({
    changes: true,
    replaces: ["volume.category"],
    deleteBeforeReplace: true,
  });
  expect((await diffWith(accepted({ workspaceId: "a".repeat(32) }))).replaces).toEqual(["workspaceId"]);
  expect((await diffWith(accepted({ poolId: "pool-dev1" }))).replaces).toEqual(["poolId"]);
  // Without the opt-in the same diff fails, and the notebook and its EVS volume are untouched.
  await expect(diffWith(declared({ poolId: "pool-dev1" }))).rejects.toThrow(/would delete this notebook with its EVS/);
  expect(await emulator.admin.getNotebook(state.id)).toMatchObject({ status: "RUNNING" });
});

test("a create that ends in CREATE_FAILED is recorded with the service's reason, not orphaned", async () => {
  await emulator.admin.failNextNotebookCreates({ count: 1, reason: "insufficient resources in the pool" });
  const inputs = await checked(undefined, declared());
  const err = (await provider.create(inputs).catch((e: unknown) => e)) as PartialFailureError;
  expect(err).toBeInstanceOf(PartialFailureError);
  expect(err.message).toMatch(
    /^create notebook "dev-[a-z0-9]{7}" \([0-9a-f-]{36}\): the notebook is CREATE_FAILED; insufficient resources in the pool/,
  );
  expect(err.properties).toMatchObject({ status: "CREATE_FAILED", failReason: "insufficient resources in the pool" });
  // The next up replaces it.
  expect((await provider.diff(err.id, err.properties, inputs)).replaces).toEqual(["status"]);
});

test("an interrupted create is resumed by the next one, by its owner mark, whatever changed since", async () => {
  const first = await created(declared({ description: "v1" }));
  forgetRecentListings(); // the next run is a new provider process
  const again = await created(declared({ description: "v2" }));
  expect(again.id).toBe(first.id);
  expect(await emulator.admin.listNotebooks()).toHaveLength(1);
  expect((await emulator.admin.getNotebook(first.id)).description).toBe("v2");
  expect(await emulator.admin.requestCount(CREATE)).toBe(1);
});

test("a lost create answer makes one notebook, and never takes over a namesake", async () => {
  // Someone else's notebook with the name we declare, made before our POST.
  const theirs = await created(declared({ name: "shared", __ownerKey: "other/stack/nb" }));
  await emulator.admin.injectFault({ route: CREATE, kind: "drop-after", count: 1 });
  const ours = await created(declared({ name: "shared", __ownerKey: "proj/dev/shared" }));
  expect(ours.id).not.toBe(theirs.id);
  const named = (await emulator.admin.listNotebooks()).filter((n) => n.name === "shared");
  expect(named.map((n) => n.id).sort()).toEqual([theirs.id, ours.id].sort());
  expect(await emulator.admin.requestCount(CREATE)).toBe(2);
});

test("a create that failed ambiguously never takes over an untagged namesake made just before it", async () => {
  // Made in the console a moment ago: same name, flavor, image and volume, no owner tag. Only the listing taken
  // before the POST tells it apart from a notebook that POST made.
  const made = await callApi(emulator, {
    method: "POST",
    path: `/v1/${emulator.projectId}/notebooks`,
    body: {
      name: "shared",
      flavor: "modelarts.vm.cpu.2u",
      image_id: IMAGE,
      volume: { category: "EVS", ownership: "MANAGED", capacity: 10 },
      duration: -1,
    },
  });
  const theirs = (made.json as { id: string }).id;
  await emulator.admin.injectFault({ route: CREATE, kind: "status", status: 500, count: 1 });
  const ours = await created(declared({ name: "shared", __ownerKey: "proj/dev/shared" }));
  expect(ours.id).not.toBe(theirs);
  expect((await emulator.admin.getNotebook(theirs)).tags ?? []).toEqual([]);
  expect(await emulator.admin.listNotebooks()).toHaveLength(2);
  expect(await emulator.admin.requestCount(CREATE)).toBe(3); // theirs, ours answered 500 (not applied), ours again
});

test("adoptId takes over a notebook, keeps its name, and applies what can change in place", async () => {
  const existing = await created(declared({ name: "console-made", __ownerKey: "elsewhere/x/y" }));
  const news = await checked(undefined, declared({ adoptId: existing.id, description: "adopted" }));
  expect(news.name).toBeUndefined();
  const adopted = await provider.create(news);
  expect(adopted.id).toBe(existing.id);
  expect(adopted.outs).toMatchObject({ name: "console-made", description: "adopted" });
  expect(
    (
      await provider.diff(
        adopted.id,
        adopted.outs,
        await checked(news, declared({ adoptId: existing.id, description: "adopted" })),
      )
    ).changes,
  ).toBe(false);
});

describe("the documented variants the emulator plays", () => {
  afterEach(() => emulator.admin.setSwitches({ notFound: "6404", deleteRunning: "allowed", updateRunning: "refused" }));

  test.each(["6404", "6309", "http404"] as const)(
    "not found as %s: refresh forgets a deleted notebook",
    async (notFound) => {
      await emulator.admin.setSwitches({ notFound });
      const state = await created(declared());
      await emulator.admin.deleteNotebook(state.id);
      expect(await provider.read(state.id, state.outs)).toEqual({ id: "" });
    },
  );

  test("a running notebook cannot be deleted (6304): stopped first", async () => {
    await emulator.admin.setSwitches({ deleteRunning: "refused" });
    const state = await created(declared());
    await provider.delete(state.id, state.outs);
    expect(await emulator.admin.listNotebooks()).toEqual([]);
  });

  test("flavor changes allowed while running: still stopped first, as the docs say", async () => {
    await emulator.admin.setSwitches({ updateRunning: "allowed" });
    const state = await created(declared());
    await up(state, declared({ flavor: "modelarts.vm.cpu.8u" }));
    expect((await emulator.admin.getNotebook(state.id)).flavor).toBe("modelarts.vm.cpu.8u");
  });

  test("name and description refused while stopped (6347): started for the PUT, stopped again", async () => {
    await emulator.admin.setSwitches({ updateStopped: "refused" });
    const state = await created(declared({ desiredStatus: "STOPPED" }));
    const { state: after } = await up(state, declared({ desiredStatus: "STOPPED", description: "while stopped" }));
    expect(after.outs).toMatchObject({ status: "STOPPED", description: "while stopped" });
    expect(await emulator.admin.requestCount(PUT, 400)).toBe(1);
  });
});

test("a sold-out flavor fails the create naming the flavor", async () => {
  await emulator.admin.setNotebookFlavorSoldOut("modelarts.vm.cpu.8u");
  const inputs = await checked(undefined, declared({ flavor: "modelarts.vm.cpu.8u" }));
  const err = (await provider.create(inputs).catch((e: unknown) => e)) as Error;
  expect(err.message).toMatch(
    /^create notebook "dev-[a-z0-9]{7}": flavor "modelarts\.vm\.cpu\.8u" was refused: POST \S+: HTTP 400 ModelArts\.(6329|6716)/,
  );
  expect(await emulator.admin.listNotebooks()).toEqual([]);
});
