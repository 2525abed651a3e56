/**
 * Exactly one instance per resource, and never someone else's: the provider recognises its own instances by the
 * owner mark recorded at create, takes over nothing without it, and cleans up what an interrupted run left.
 * In-process against the emulator (the same provider object the host runs).
 */
import { callApi } from "../../emulator/index.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { forgetRecentListings } from "../api/recentListing.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";

const provider: LooseProvider = notebookInstanceProvider;
type Props = Record<string, unknown>;

const CREATE = "POST /v1/{project_id}/demanager/instances";
const INSTANCE = "/v1/{project_id}/demanager/instances/{instance_id}";

const { emulator, progress } = useProviderOnEmulator();
const checked = checkedBy(provider);

function declared(overrides: Props = {}): Props {
  return {
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/own/" },
    __provider: "exports.handler = undefined;",
    ...overrides,
  };
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

describe("a create's answer must name the instance it made", () => {
  test("an answer naming an instance listed before the POST is refused, and that instance is left untouched", async () => {
    const theirs = await provider.create(await checked(undefined, declared({ name: "theirs", __ownerKey: "p/x/y" })));
    forgetRecentListings();
    await emulator.admin.resetRequestCounts();
    await emulator.admin.injectFault({ route: CREATE, kind: "other-instance", otherId: theirs.id, count: 1 });
    const err = (await provider
      .create(await checked(undefined, declared({ name: "ours", __ownerKey: "p/dev/ours" })))
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `create notebook instance "ours": the create's answer names notebook instance "theirs" (${theirs.id}), which ` +
        "existed before this create; it was not taken as this resource's instance and was left untouched. The " +
        'instance this create made, if any, is not known: look for an instance named "ours"',
    );
    expect(err).not.toHaveProperty("id"); // nothing recorded: our destroy can never delete theirs
    expect(await mutatingRequests()).toBe(0);
    expect(await emulator.admin.getInstance(theirs.id)).toMatchObject({ status: "RUNNING", description: "" });
  });

  test("an answer naming another name than the one sent is refused", async () => {
    const theirs = await provider.create(await checked(undefined, declared({ name: "theirs", __ownerKey: "p/x/y" })));
    const body = (
      await callApi(emulator, {
        method: "GET",
        path: `/v1/${emulator.projectId}/demanager/instances/${theirs.id}`,
      })
    ).json as Record<string, unknown>;
    const unseen = { ...body, id: "DE-0a0b0c0d-0000-4000-8000-000000000001", name: "someone-else" };
    await emulator.admin.injectFault({ route: CREATE, kind: "body", apply: true, rawBody: JSON.stringify(unseen) });
    const err = (await provider
      .create(await checked(undefined, declared({ name: "ours", __ownerKey: "p/dev/ours" })))
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      /^create notebook instance "ours": the create's answer names notebook instance "someone-else" \(DE-0a0b0c0d-[^)]+\), not the name sent \("ours"\); it was not taken/,
    );
  });
});

describe("adoptId of an instance another stack manages", () => {
  test("is refused at check (pulumi preview), naming the owner; adoptOwnedBy naming it takes it over", async () => {
    const theirs = await provider.create(
      await checked(
        undefined,
        declared({ name: "prod-nb", __ownerKey: "proj/prod/nb", __ownerNonce: "0123456789abcdef" }),
      ),
    );
    await emulator.admin.resetRequestCounts();
    const result = await provider.check({}, declared({ adoptId: theirs.id, description: "mine now" }));
    expect(result.failures).toEqual([
      {
        property: "adoptOwnedBy",
        reason:
          `adopt notebook instance ${theirs.id}: instance "prod-nb" carries the owner mark of proj/prod/nb: another ` +
          "Pulumi resource manages it, and two stacks managing one instance would each change it and either one's " +
          'destroy would delete it. It was left untouched. To take it over, set adoptOwnedBy: "proj/prod/nb" and ' +
          "remove it from the other stack's state there (pulumi state delete <urn>)",
      },
    ]);
    // A wrong owner is refused too, and says which it names.
    const wrong = await provider.check({}, declared({ adoptId: theirs.id, adoptOwnedBy: "proj/dev/nb" }));
    expect(wrong.failures![0]!.reason).toContain(
      'carries the owner mark of proj/prod/nb (adoptOwnedBy names "proj/dev/nb")',
    );
    // The create refuses it as well (in-process use skips check's verdict).
    const refused = (await provider.create(result.inputs).catch((e: unknown) => e)) as Error;
    expect(refused.message).toContain("carries the owner mark of proj/prod/nb");
    expect(await mutatingRequests()).toBe(0);

    const adopted = await provider.create(
      await checked(undefined, declared({ adoptId: theirs.id, adoptOwnedBy: "proj/prod/nb", description: "mine now" })),
    );
    expect(adopted.id).toBe(theirs.id);
    expect(adopted.outs).toMatchObject({ name: "prod-nb", description: "mine now" });
    // Recorded: later checks do not ask the service again.
    await emulator.admin.resetRequestCounts();
    await checked(
      adopted.outs,
      declared({ adoptId: theirs.id, adoptOwnedBy: "proj/prod/nb", description: "mine now" }),
    );
    expect((await emulator.admin.requestCounts()).total).toBe(0);
  });
});

describe("an interrupted create leaves no orphan, whatever changed since", () => {
  test("^C while CREATING, then a changed description: the instance with this deployment's mark is resumed", async () => {
    const key = "p/dev/interrupted";
    const mark = { __ownerKey: key, __ownerNonce: "00112233445566aa" };
    const first = await checked(undefined, declared({ namePrefix: "interrupted", description: "v1", ...mark }));
    // The engine never recorded this create (the run was interrupted): its result is dropped on the floor.
    const lost = await provider.create(first);
    forgetRecentListings(); // the next run is a new provider process
    const second = await checked(undefined, declared({ namePrefix: "interrupted", description: "v2", ...mark }));
    // The generated name derives from the owner mark: the same mark, the same name.
    expect(second.name).toBe(first.name);

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

  test("an instance with this resource's mark that cannot become what is declared is named, never deleted", async () => {
    const mark = { __ownerKey: "p/dev/changed", __ownerNonce: "00112233445566bb" };
    const left = await provider.create(await checked(undefined, declared({ name: "changed-a", ...mark })));
    forgetRecentListings(); // the next run is a new provider process
    await emulator.admin.resetRequestCounts();
    const err = (await provider
      .create(await checked(undefined, declared({ name: "changed-a", flavor: "modelarts.vm.cpu.8u", ...mark })))
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `create notebook instance "changed-a": an instance carries this resource's owner mark (left by an ` +
        `interrupted run) and cannot be resumed: notebook instance "changed-a" (${left.id}) (flavor (declared ` +
        `"modelarts.vm.cpu.8u", the instance has "modelarts.vm.cpu.2u")). Nothing was deleted: delete it, or ` +
        "declare the values it has",
    );
    expect(await mutatingRequests()).toBe(0);
    expect(await emulator.admin.requestCount(CREATE)).toBe(0);
    expect((await emulator.admin.listInstances()).map((i) => [i.id, i.status])).toEqual([[left.id, "RUNNING"]]);
  });
});

describe("owner marks are unique per deployment: two stacks of one name on two state backends", () => {
  // Alice and Bob share a project; each has a stack `dev` on their own backend: the same readable owner, each
  // deployment its own random part (the SDK makes it, check keeps it: frame/ownerMark.ts).
  const alice = { __ownerKey: "p/dev/nb", __ownerNonce: "a11ce00000000001" };
  const bob = { __ownerKey: "p/dev/nb", __ownerNonce: "b0b0000000000002" };

  test("Bob's create never resumes Alice's instance: it makes its own, names hers, and leaves it alone", async () => {
    const hers = await provider.create(await checked(undefined, declared({ namePrefix: "nb", ...alice })));
    forgetRecentListings();
    await emulator.admin.resetRequestCounts();
    // Another flavor: before owner marks were unique, Bob's create deleted Alice's instance as "left by an
    // interrupted run" that could not become what he declares.
    const his = await provider.create(
      await checked(undefined, declared({ namePrefix: "nb", flavor: "modelarts.vm.cpu.8u", ...bob })),
    );
    expect(his.id).not.toBe(hers.id);
    expect(his.outs.name).not.toBe(hers.outs.name);
    expect(await mutatingRequests()).toBe(0);
    const live = await emulator.admin.listInstances();
    expect(live.map((i) => [i.id, i.status, i.flavor]).sort()).toEqual(
      [
        [hers.id, "RUNNING", "modelarts.vm.cpu.2u"],
        [his.id, "RUNNING", "modelarts.vm.cpu.8u"],
      ].sort(),
    );
    expect(progress).toContainEqual(
      expect.stringContaining(
        `notebook instance "${String(hers.outs.name)}" (${hers.id}) carries the owner mark of another deployment of ` +
          "p/dev/nb: possibly left by an interrupted run",
      ),
    );
    // Bob's destroy leaves Alice's instance.
    await provider.delete(his.id, his.outs);
    expect((await emulator.admin.listInstances()).map((i) => i.id)).toEqual([hers.id]);
  });

  test("check keeps a recorded mark; a resource recorded before marks had a random part keeps its old one", async () => {
    const recorded = await checked(undefined, declared({ namePrefix: "nb", ...alice }));
    // The SDK makes a new random part in every `pulumi up`: the recorded one wins.
    const again = await checked(recorded, declared({ namePrefix: "nb", ...bob }));
    expect([again.__ownerNonce, again.name]).toEqual([alice.__ownerNonce, recorded.name]);
    // 0.2's state: no random part. Nothing is added, so such a stack previews with no change.
    const { __ownerNonce: _n, ...legacy } = recorded;
    const legacyAgain = await checked(legacy, declared({ namePrefix: "nb", ...bob }));
    expect(legacyAgain).toEqual(legacy);
    expect((await provider.diff("DE-x", { ...legacy, status: "RUNNING" }, legacyAgain)).changes).toBe(false);
  });
});

describe("an adopted instance keeps its name", () => {
  test("adoptId without a name: no generated name, and the next preview plans no replacement", async () => {
    const existing = await provider.create(await checked(undefined, declared({ name: "theirs-to-adopt" })));
    const news = await checked(
      undefined,
      declared({ namePrefix: "adopted", adoptId: existing.id, adoptOwnedBy: "in-process/theirs-to-adopt" }),
    );
    expect(news.name).toBeUndefined();

    const adopted = await provider.create(news);
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs.name).toBe("theirs-to-adopt");

    // The next `pulumi up`: check with the stored inputs as olds, then diff against the stored outputs.
    const again = await checked(
      news,
      declared({ namePrefix: "adopted", adoptId: existing.id, adoptOwnedBy: "in-process/theirs-to-adopt" }),
    );
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
