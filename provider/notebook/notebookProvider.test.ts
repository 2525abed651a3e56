/**
 * The Notebook provider in-process against the emulator's notebooks API: the whole lifecycle, each kind of
 * change, the documented variants the emulator can play, and the owner rules. The same provider object the host
 * runs (through the SDK's shim).
 */
import { callApi, FAKE_NOTEBOOK_TOKEN, startEmulator, type AdminNotebook } from "../../emulator/index.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { PartialFailureError } from "../base/errors.js";
import { forgetRecentListings } from "../api/recentListing.js";
import { notebookProvider } from "./notebookProvider.js";
import { createNotebook, evsCreateRequest, CPU_IMAGE_ID as IMAGE } from "../../emulator/notebooks/testkit.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { pointProviderAt, useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { NOTEBOOK_ROUTE } from "../../test/support/notebookRouteKeys.js";

const provider: LooseProvider = notebookProvider;
type Props = Record<string, unknown>;

const OTHER_IMAGE = "278e88d1-5b71-4766-8502-b3ba72e824d9";

const { emulator, progress } = useProviderOnEmulator();
const checked = checkedBy(provider);

function declared(overrides: Props = {}): Props {
  return {
    namePrefix: "dev",
    flavor: "modelarts.vm.cpu.2u",
    imageId: IMAGE,
    volume: { category: "EVS", capacityGb: 10 },
    autoStop: { enabled: true, durationSeconds: 7200 },
    __ownerKey: "proj/dev/nb",
    // The owner mark's random part, as the SDK makes it in `pulumi up` (frame/ownerMark.ts).
    __ownerNonce: "0123456789abcdef",
    __provider: "exports.handler = undefined;",
    ...overrides,
  };
}

/** `pulumi up` of changed inputs: check with the old inputs, diff against the outputs, update. */
async function up(previous: { id: string; outs: Props; inputs: Props }, news: Props) {
  const inputs = await checked(previous.inputs, news);
  const diff = await provider.diff(previous.id, previous.outs, inputs);
  const { outs } = diff.changes ? await provider.update(previous.id, previous.outs, inputs) : { outs: previous.outs };
  return { diff, state: { id: previous.id, outs, inputs } };
}

/** A notebook made in the console (or by a POST whose run never got to tag it): no owner tag. Returns its id. */
async function postedInTheConsole(overrides: Record<string, unknown>): Promise<string> {
  const made = await callApi(emulator, {
    method: "POST",
    path: `/v1/${emulator.projectId}/notebooks`,
    body: {
      name: "console",
      flavor: "modelarts.vm.cpu.2u",
      image_id: IMAGE,
      volume: { category: "EVS", ownership: "MANAGED", capacity: 10 },
      duration: -1,
      ...overrides,
    },
  });
  return (made.json as { id: string }).id;
}

function ownerTagOf(notebook: AdminNotebook): string | undefined {
  return (notebook.tags as { key: string; value: string }[] | undefined)?.find(
    (t) => t.key === "pulumi-modelarts.owner",
  )?.value;
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
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.stop)).toBe(0);
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
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.stop)).toBe(1);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.start)).toBe(1);
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

test("an interrupted create is resumed by the next one with the same owner mark, whatever changed since", async () => {
  const first = await created(declared({ description: "v1" }));
  forgetRecentListings(); // the next run is a new provider process
  const again = await created(declared({ description: "v2" }));
  expect(again.id).toBe(first.id);
  expect(await emulator.admin.listNotebooks()).toHaveLength(1);
  expect((await emulator.admin.getNotebook(first.id)).description).toBe("v2");
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.create)).toBe(1);
});

test("a lost create answer makes one notebook, and never takes over a namesake", async () => {
  // Someone else's notebook with the name we declare, made before our POST.
  const theirs = await created(declared({ name: "shared", __ownerKey: "other/stack/nb" }));
  await emulator.admin.injectFault({ route: NOTEBOOK_ROUTE.create, kind: "drop-after", count: 1 });
  const ours = await created(declared({ name: "shared", __ownerKey: "proj/dev/shared" }));
  expect(ours.id).not.toBe(theirs.id);
  const named = (await emulator.admin.listNotebooks()).filter((n) => n.name === "shared");
  expect(named.map((n) => n.id).sort()).toEqual([theirs.id, ours.id].sort());
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.create)).toBe(2);
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
  await emulator.admin.injectFault({ route: NOTEBOOK_ROUTE.create, kind: "status", status: 500, count: 1 });
  const ours = await created(declared({ name: "shared", __ownerKey: "proj/dev/shared" }));
  expect(ours.id).not.toBe(theirs);
  expect((await emulator.admin.getNotebook(theirs)).tags ?? []).toEqual([]);
  expect(await emulator.admin.listNotebooks()).toHaveLength(2);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.create)).toBe(3); // theirs, ours answered 500 (not applied), ours again
});

test("adoptId takes over a notebook, keeps its name, and applies what can change in place", async () => {
  const existing = await postedInTheConsole({ name: "console-made" });
  const news = await checked(undefined, declared({ adoptId: existing, description: "adopted" }));
  expect(news.name).toBeUndefined();
  const adopted = await provider.create(news);
  expect(adopted.id).toBe(existing);
  expect(adopted.outs).toMatchObject({ name: "console-made", description: "adopted" });
  // It now carries this resource's owner mark.
  expect(ownerTagOf(await emulator.admin.getNotebook(existing))).toMatch(/^[0-9a-f]{32} proj\/dev\/nb$/);
  expect(
    (
      await provider.diff(
        adopted.id,
        adopted.outs,
        await checked(news, declared({ adoptId: existing, description: "adopted" })),
      )
    ).changes,
  ).toBe(false);
});

test("adoptId of a notebook another stack manages is refused at check, naming the owner, unless adoptOwnedBy names it", async () => {
  const theirs = await created(
    declared({ name: "prod-nb", __ownerKey: "proj/prod/nb", __ownerNonce: "fedcba9876543210" }),
  );
  const theirTag = ownerTagOf(await emulator.admin.getNotebook(theirs.id));
  await emulator.admin.resetRequestCounts();
  const refused = await provider.check({}, declared({ adoptId: theirs.id, description: "mine now" }));
  expect(refused.failures).toEqual([
    {
      property: "adoptOwnedBy",
      reason:
        `adopt notebook ${theirs.id}: notebook "prod-nb" carries the owner mark of proj/prod/nb: another Pulumi ` +
        "resource manages it, and two stacks managing one notebook would each change it and either one's destroy " +
        'would delete it. It was left untouched. To take it over, set adoptOwnedBy: "proj/prod/nb" and remove it ' +
        "from the other stack's state there (pulumi state delete <urn>)",
    },
  ]);
  // The create refuses it too (in-process callers may skip check's verdict), and touches nothing.
  const err = (await provider.create(refused.inputs).catch((e: unknown) => e)) as Error;
  expect(err.message).toContain("carries the owner mark of proj/prod/nb");
  const live = await emulator.admin.getNotebook(theirs.id);
  expect([ownerTagOf(live), live.description]).toEqual([theirTag, ""]);
  expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.update)).toBe(0);

  // A mark of an earlier version names no stack: the refusal names the mark itself, and so must the opt-in.
  await callApi(emulator, {
    method: "POST",
    path: `/v1/${emulator.projectId}/notebooks/${theirs.id}/tags/create`,
    body: { tags: [{ key: "pulumi-modelarts.owner", value: "0123456789abcdef0123456789abcdef" }] },
  });
  const legacy = await provider.check({}, declared({ adoptId: theirs.id }));
  expect(legacy.failures![0]!.reason).toContain(
    "carries an owner mark of an earlier version of pulumi-modelarts (0123456789abcdef0123456789abcdef), which " +
      "does not name its stack: another Pulumi resource manages it, and two stacks managing one notebook would",
  );
  expect(legacy.failures![0]!.reason).toContain('set adoptOwnedBy: "0123456789abcdef0123456789abcdef"');

  const adopted = await created(
    declared({ adoptId: theirs.id, adoptOwnedBy: "0123456789abcdef0123456789abcdef", description: "mine now" }),
  );
  expect(adopted.id).toBe(theirs.id);
  expect(adopted.outs).toMatchObject({ name: "prod-nb", description: "mine now" });
  expect(ownerTagOf(await emulator.admin.getNotebook(theirs.id))).toMatch(/^[0-9a-f]{32} proj\/dev\/nb$/);
});

describe("owner marks are unique per deployment: two stacks of one name on two state backends", () => {
  // Alice and Bob share a project; each has a stack `dev` on their own backend.
  const alice = { __ownerKey: "proj/dev/nb", __ownerNonce: "a11ce00000000001" };
  const bob = { __ownerKey: "proj/dev/nb", __ownerNonce: "b0b0000000000002" };

  test("Bob's create, with another volume, never resumes or deletes Alice's notebook: it makes its own and names hers", async () => {
    const hers = await created(declared(alice));
    forgetRecentListings(); // another process
    await emulator.admin.resetRequestCounts();
    const his = await created(declared({ ...bob, volume: { category: "EFS" } }));
    expect(his.id).not.toBe(hers.id);
    expect(his.outs.name).not.toBe(hers.outs.name);
    expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.delete)).toBe(0);
    const live = await emulator.admin.listNotebooks();
    expect(live.map((n) => [n.id, n.status]).sort()).toEqual(
      [
        [hers.id, "RUNNING"],
        [his.id, "RUNNING"],
      ].sort(),
    );
    expect(progress).toContainEqual(
      expect.stringContaining(
        `notebook "${String(hers.outs.name)}" (${hers.id}) carries the owner mark of another deployment of ` +
          "proj/dev/nb: possibly left by an interrupted run (or made by a stack of the same name on another state " +
          'backend): adopt it with adoptId and adoptOwnedBy: "proj/dev/nb", or delete it',
      ),
    );
    // Bob's destroy leaves Alice's notebook.
    await provider.delete(his.id, his.outs);
    expect((await emulator.admin.listNotebooks()).map((n) => [n.id, n.status])).toEqual([[hers.id, "RUNNING"]]);
  });

  test("check: unknown name in preview, the mark kept once recorded, and a mark recorded before the random part kept as it is", async () => {
    const preview = await checked(undefined, declared({ __ownerNonce: UNKNOWN }));
    expect(preview.name).toBe(UNKNOWN);
    const up = await checked(undefined, declared(alice));
    expect(up.name).toMatch(/^dev-[a-z0-9]{7}$/);
    expect((await checked(undefined, declared(bob))).name).not.toBe(up.name);
    // Later runs: the SDK sends a new random part (or an unknown one in preview); the recorded one wins.
    for (const nonce of [bob.__ownerNonce, UNKNOWN]) {
      const again = await checked(up, declared({ __ownerNonce: nonce }));
      expect([again.__ownerNonce, again.name]).toEqual([alice.__ownerNonce, up.name]);
    }
    // A notebook recorded before marks had a random part: its state has none, and none is added.
    const { __ownerNonce: _n, ...legacy } = up;
    const legacyAgain = await checked(legacy, declared(bob));
    expect(legacyAgain).toEqual(legacy);
    expect((await provider.diff("x", { ...legacy, status: "RUNNING" }, legacyAgain)).changes).toBe(false);
    // A malformed random part is refused, never guessed.
    const bad = await provider.check({}, declared({ __ownerNonce: "not-hex" }));
    expect(bad.failures).toEqual([
      { property: "__ownerNonce", reason: "the internal owner mark's random part must be 16 hex digits" },
    ]);
  });
});

describe("a run interrupted between the POST and the owner tag", () => {
  test("a recent untagged namesake of a declared name with the same flavor and image is named, not taken", async () => {
    const left = await postedInTheConsole({ name: "analysis" });
    const ours = await created(declared({ name: "analysis" }));
    expect(ours.id).not.toBe(left);
    expect(progress).toContainEqual(
      `create notebook "analysis": notebook "analysis" (${left}) has no owner tag, was created ` +
        `${new Date((await emulator.admin.getNotebook(left)).create_at as number).toISOString()} with the same flavor ` +
        "and image: possibly left by an interrupted run: adopt it with adoptId, or delete it. It was left untouched, " +
        "and a new notebook is created",
    );
    expect((await emulator.admin.getNotebook(left)).tags ?? []).toEqual([]);
  });

  test("another flavor or image is someone else's namesake: no warning", async () => {
    await postedInTheConsole({ name: "analysis", flavor: "modelarts.vm.cpu.8u" });
    await postedInTheConsole({ name: "analysis", image_id: OTHER_IMAGE });
    await created(declared({ name: "analysis" }));
    expect(progress.filter((l) => l.includes("possibly left by an interrupted run"))).toEqual([]);
  });

  test("an untagged notebook with a name generated from the prefix by another deployment is named, not taken", async () => {
    const left = await postedInTheConsole({ name: "dev-k2j4h1x" });
    const ours = await created(declared());
    expect(ours.id).not.toBe(left);
    expect(progress).toContainEqual(
      expect.stringContaining(`notebook "dev-k2j4h1x" (${left}) has no owner tag, was created`),
    );
  });

  test("an untagged notebook with this deployment's generated name is this resource's: it is resumed", async () => {
    const name = (await checked(undefined, declared())).name as string;
    const left = await postedInTheConsole({ name });
    await emulator.admin.resetRequestCounts();
    const resumed = await created(declared());
    expect(resumed.id).toBe(left);
    expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.create)).toBe(0);
    expect(ownerTagOf(await emulator.admin.getNotebook(left))).toMatch(/^[0-9a-f]{32} proj\/dev\/nb$/);
    expect(progress.filter((l) => l.includes("possibly left"))).toEqual([]);
  });

  test("a notebook of this resource that cannot become what is declared is named, never deleted", async () => {
    const left = await created(declared());
    forgetRecentListings();
    await emulator.admin.resetRequestCounts();
    const err = (await provider
      .create(await checked(undefined, declared({ volume: { category: "EFS" } })))
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `create notebook "${String(left.outs.name)}": a notebook carries this resource's owner mark (left by an ` +
        `interrupted run) and cannot be resumed: notebook "${String(left.outs.name)}" (${left.id}) ` +
        '(volume.category (declared "EFS", the notebook has "EVS")). Nothing was deleted: delete it, or declare ' +
        "the values it has",
    );
    expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.delete)).toBe(0);
    expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.create)).toBe(0);
    expect((await emulator.admin.getNotebook(left.id)).status).toBe("RUNNING");
  });
});

describe("a create's answer must name the notebook it made", () => {
  test("an answer naming a notebook listed before the POST is refused; that notebook gets no owner tag", async () => {
    const theirs = await postedInTheConsole({ name: "theirs" });
    await emulator.admin.injectFault({
      route: NOTEBOOK_ROUTE.create,
      kind: "other-instance",
      otherId: theirs,
      count: 1,
    });
    const err = (await provider
      .create(await checked(undefined, declared({ name: "ours" })))
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `create notebook "ours": the create's answer names notebook "theirs" (${theirs}), which existed before this ` +
        "create; it was not taken as this resource's notebook and was left untouched. The notebook this create " +
        'made, if any, is not known: look for a notebook named "ours"',
    );
    expect(err).not.toHaveProperty("id"); // nothing recorded: our destroy can never delete theirs
    expect((await emulator.admin.getNotebook(theirs)).tags ?? []).toEqual([]);
  });

  test("an answer naming another name than the one sent is refused", async () => {
    const theirs = await postedInTheConsole({ name: "theirs" });
    const body = (await callApi(emulator, { method: "GET", path: `/v1/${emulator.projectId}/notebooks/${theirs}` }))
      .json as Record<string, unknown>;
    const unseen = { ...body, id: "0a0b0c0d-0000-4000-8000-000000000001", name: "someone-else" };
    await emulator.admin.injectFault({
      route: NOTEBOOK_ROUTE.create,
      kind: "body",
      apply: true,
      rawBody: JSON.stringify(unseen),
    });
    const err = (await provider
      .create(await checked(undefined, declared({ name: "ours" })))
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      /^create notebook "ours": the create's answer names notebook "someone-else" \(0a0b0c0d-[^)]+\), not the name sent \("ours"\); it was not taken/,
    );
  });
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
    expect(await emulator.admin.requestCount(NOTEBOOK_ROUTE.update, 400)).toBe(1);
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
