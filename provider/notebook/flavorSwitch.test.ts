/**
 * A flavor change is judged against the notebook's switchable list before anything is stopped: at preview (the
 * provider's diff) and again by update. The judgement of an answer on its own, then the provider against the
 * emulator, whose list follows its documented rules (emulator/README.md), with the requests each step sent.
 */
import type { NotebookFlavorsResponse } from "../../protocol/notebooks/wireTypes.js";
import { UNKNOWN_VALUE } from "../base/unknownValue.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { OperationError, PartialFailureError } from "../base/errors.js";
import { judgeSwitchableAnswer } from "./flavorSwitch.js";
import { notebookProvider } from "./notebookProvider.js";

type Props = Record<string, unknown>;
const provider: LooseProvider = notebookProvider;

const CPU_2U = "modelarts.vm.cpu.2u";
const CPU_8U = "modelarts.vm.cpu.8u";
const CPU_16U = "modelarts.vm.cpu.16u";
const GPU_V100 = "modelarts.vm.gpu.v100";
const IMAGE = "e1a07296-22a8-4f05-8bc8-e936c8e54090";
const ONE = "/v1/{project_id}/notebooks/{id}";
const SWITCHABLE = `GET ${ONE}/flavors`;
const STOP = `POST ${ONE}/stop`;
const PUT = `PUT ${ONE}`;

const page = (flavors: object[], extra: object = {}) =>
  ({ flavors, data: flavors, total: flavors.length, ...extra }) as NotebookFlavorsResponse;

describe("judging an answer", () => {
  const listed = page([
    { id: CPU_8U, sold_out: false },
    { id: CPU_16U },
    { id: "modelarts.vm.cpu.32u", sold_out: true },
  ]);

  test("a listed flavor that is not sold out is allowed, and so is the flavor the notebook runs", () => {
    expect(judgeSwitchableAnswer(listed, CPU_16U, CPU_2U)).toEqual({ kind: "allowed" });
    expect(judgeSwitchableAnswer(listed, CPU_2U, CPU_2U)).toEqual({ kind: "allowed" });
  });

  test("an unlisted flavor is refused, naming it, the flavor the notebook runs, and the ones it can switch to", () => {
    expect(judgeSwitchableAnswer(listed, GPU_V100, CPU_2U)).toEqual({
      kind: "refused",
      reason:
        `flavor "${GPU_V100}" is not one this notebook can switch to (it runs "${CPU_2U}"); it can switch to ` +
        `"${CPU_8U}", "${CPU_16U}" (sold out now: "modelarts.vm.cpu.32u"). Nothing was changed and the notebook ` +
        "was not stopped: declare one of those, or keep the flavor it runs",
    });
  });

  test("a listed flavor that is sold out is refused as sold out; an empty list offers nothing", () => {
    const soldOut = judgeSwitchableAnswer(listed, "modelarts.vm.cpu.32u", undefined);
    expect(soldOut).toMatchObject({ kind: "refused" });
    expect((soldOut as { reason: string }).reason).toMatch(
      /^flavor "modelarts\.vm\.cpu\.32u" is sold out now, so this notebook cannot switch to it; it can switch to "modelarts\.vm\.cpu\.8u", "modelarts\.vm\.cpu\.16u"\. /,
    );
    const none = judgeSwitchableAnswer(page([]), CPU_8U, CPU_2U);
    expect((none as { reason: string }).reason).toContain(
      "; it can switch to no other flavor now. Nothing was changed",
    );
  });

  test("names at most 12 flavors, and shows the service's ids without control characters", () => {
    const many = page(Array.from({ length: 15 }, (_, i) => ({ id: `modelarts.vm.cpu.${i + 1}x` })));
    const reason = (judgeSwitchableAnswer(many, GPU_V100, CPU_2U) as { reason: string }).reason;
    expect(reason).toContain('"modelarts.vm.cpu.12x" and 3 more. Nothing');
    expect(reason).not.toContain("13x");
    const odd = (judgeSwitchableAnswer(page([{ id: "a\u001b[31mb\nc" }]), GPU_V100, CPU_2U) as { reason: string })
      .reason;
    expect([...odd].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
  });

  test.each<[string, NotebookFlavorsResponse, string]>([
    ["flavors and data disagree", { flavors: [{ id: CPU_8U }], data: [{ id: CPU_16U }] }, "lists differ"],
    ["a page of a longer list", page([{ id: CPU_8U }], { total: 3 }), "holds 1 of the 3 flavors it counts"],
    ["an item without an id", page([{ name: "CPU" }]), "a listed flavor has no id"],
    ["no list at all", { total: 0 }, "lists no flavors"],
  ])("%s: unchecked, never refused", (_label, answer, reason) => {
    expect(judgeSwitchableAnswer(answer, GPU_V100, CPU_2U)).toEqual({
      kind: "unchecked",
      reason: expect.stringContaining(reason),
    });
  });

  test("either list alone is read (the docs fill both; golangsdk reads flavors, Terraform data)", () => {
    expect(judgeSwitchableAnswer({ data: [{ id: CPU_8U }] }, CPU_8U, CPU_2U)).toEqual({ kind: "allowed" });
    expect(judgeSwitchableAnswer({ flavors: [{ id: CPU_8U }] }, GPU_V100, CPU_2U)).toMatchObject({ kind: "refused" });
  });
});

describe("the provider against the emulator", () => {
  const { emulator, progress: lines } = useProviderOnEmulator();
  const checked = checkedBy(provider);

  function declared(overrides: Props = {}): Props {
    return {
      namePrefix: "sw",
      flavor: CPU_2U,
      imageId: IMAGE,
      volume: { category: "EVS", capacityGb: 10 },
      autoStop: { enabled: false },
      __ownerKey: "proj/dev/sw",
      __provider: "exports.handler = undefined;",
      ...overrides,
    };
  }

  async function created(): Promise<{ id: string; outs: Props; inputs: Props }> {
    const inputs = await checked({}, declared());
    const { id, outs } = await provider.create(inputs);
    await emulator.admin.resetRequestCounts();
    lines.length = 0;
    return { id, outs, inputs };
  }

  async function requests(): Promise<Record<string, number>> {
    return (await emulator.admin.requestCounts()).byRoute;
  }

  async function failure(run: Promise<unknown>): Promise<Error> {
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OperationError);
    expect(err).not.toBeInstanceOf(PartialFailureError);
    return err as Error;
  }

  test("preview of a change to a flavor the notebook cannot switch to fails, naming it and the allowed ones", async () => {
    const state = await created();
    const news = await checked(state.inputs, declared({ flavor: GPU_V100 }));
    const err = await failure(provider.diff(state.id, state.outs, news));
    expect(err.message).toBe(
      `update notebook "${String(state.outs.name)}" (${state.id}): flavor "${GPU_V100}" is not one this notebook ` +
        `can switch to (it runs "${CPU_2U}"); it can switch to "${CPU_8U}", "${CPU_16U}". Nothing was changed and ` +
        "the notebook was not stopped: declare one of those, or keep the flavor it runs",
    );
    // The list, and the notebook read to tell a switch from drift: nothing else.
    expect(await requests()).toEqual({ [SWITCHABLE]: 1, [`GET ${ONE}`]: 1 });
    expect(await emulator.admin.getNotebook(state.id)).toMatchObject({ status: "RUNNING", flavor: CPU_2U });
  });

  test("preview of a listed flavor plans the change as before, after one read of the list", async () => {
    const state = await created();
    const diff = await provider.diff(state.id, state.outs, await checked(state.inputs, declared({ flavor: CPU_8U })));
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(await requests()).toEqual({ [SWITCHABLE]: 1 });
    expect(lines).toEqual([expect.stringContaining("flavor change in place with a stop and a start")]);
  });

  test("a flavor changed outside Pulumi and declared again is no switch: not refused", async () => {
    const state = await created();
    await emulator.admin.updateNotebook(state.id, { flavor: CPU_8U });
    const diff = await provider.diff(state.id, state.outs, await checked(state.inputs, declared({ flavor: CPU_8U })));
    expect(diff.changes).toBe(true);
    // The list (without the notebook's own flavor) did not offer it; the notebook, read, runs it.
    expect(await requests()).toEqual({ [SWITCHABLE]: 1, [`GET ${ONE}`]: 1 });
  });

  test("a flavor unknown at preview, or a list that cannot be read, is said on the resource; the plan is as before", async () => {
    const state = await created();
    const unknown = await provider.diff(state.id, state.outs, { ...state.inputs, flavor: UNKNOWN_VALUE });
    expect(unknown).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(lines[0]).toBe(
      `update notebook "${String(state.outs.name)}" (${state.id}): the new flavor is not known until \`pulumi up\`, ` +
        "which checks that the notebook can switch to it before stopping anything",
    );
    expect((await requests())[SWITCHABLE] ?? 0).toBe(0);

    for (const fault of [
      { kind: "status" as const, status: 500 },
      { kind: "body" as const, rawBody: "<html>maintenance</html>" },
      { kind: "body" as const, rawBody: JSON.stringify({ total: 0 }) },
    ]) {
      lines.length = 0;
      await emulator.admin.injectFault({ route: SWITCHABLE, count: 20, ...fault });
      const news = await checked(state.inputs, declared({ flavor: GPU_V100 }));
      expect(await provider.diff(state.id, state.outs, news)).toEqual({
        changes: true,
        replaces: [],
        deleteBeforeReplace: true,
      });
      await emulator.admin.clearFaults();
      expect(lines[0]).toMatch(
        new RegExp(
          `^update notebook "${String(state.outs.name)}" \\(${state.id}\\): the flavors this notebook can switch ` +
            `to could not be read \\(.*GET .*/flavors.*\\); the change to flavor "${GPU_V100}" goes ahead ` +
            "unchecked, and a flavor it cannot switch to is refused by the service only after the stop " +
            "\\(ModelArts\\.6792\\)$",
        ),
      );
    }
  });

  test("update judges the list again before the stop: a flavor sold out since the preview stops nothing", async () => {
    const state = await created();
    const news = await checked(state.inputs, declared({ flavor: CPU_8U }));
    expect((await provider.diff(state.id, state.outs, news)).changes).toBe(true);
    await emulator.admin.setNotebookFlavorSoldOut(CPU_8U);
    await emulator.admin.resetRequestCounts();
    const err = await failure(provider.update(state.id, state.outs, news));
    expect(err.message).toMatch(
      new RegExp(
        `^update notebook "${String(state.outs.name)}" \\(${state.id}\\): flavor "modelarts\\.vm\\.cpu\\.8u" is ` +
          'sold out now, so this notebook cannot switch to it \\(it runs "modelarts\\.vm\\.cpu\\.2u"\\); it can ' +
          'switch to "modelarts\\.vm\\.cpu\\.16u"\\. Nothing was changed and the notebook was not stopped',
      ),
    );
    const sent = await requests();
    expect({ stop: sent[STOP] ?? 0, put: sent[PUT] ?? 0, list: sent[SWITCHABLE] }).toEqual({
      stop: 0,
      put: 0,
      list: 1,
    });
    expect(await emulator.admin.getNotebook(state.id)).toMatchObject({ status: "RUNNING", flavor: CPU_2U });
  });

  test("update with a list it cannot read says so and goes on as before: stop, PUT, start", async () => {
    const state = await created();
    const news = await checked(state.inputs, declared({ flavor: CPU_8U }));
    await emulator.admin.injectFault({ route: SWITCHABLE, count: 20, kind: "gateway-404" });
    const { outs } = await provider.update(state.id, state.outs, news);
    await emulator.admin.clearFaults();
    expect(outs).toMatchObject({ status: "RUNNING", flavor: CPU_8U });
    expect(lines).toContainEqual(expect.stringMatching(/could not be read \(.*APIG\.0101.*\); the change to flavor/));
    const sent = await requests();
    expect({ stop: sent[STOP], put: sent[PUT] }).toEqual({ stop: 1, put: 1 });
  });

  test("a change the service refuses after the stop records what is applied, so the next up plans it again", async () => {
    const state = await created();
    const news = await checked(state.inputs, declared({ flavor: GPU_V100 }));
    // The list cannot be read: the change goes ahead unchecked, and the service refuses the PUT after the stop.
    await emulator.admin.injectFault({ route: SWITCHABLE, count: 20, kind: "gateway-404" });
    const err = await update(provider.update(state.id, state.outs, news));
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.message).toContain("ModelArts.6792");
    expect(await emulator.admin.getNotebook(state.id)).toMatchObject({ status: "STOPPED", flavor: CPU_2U });
    // Recorded: the notebook as it is (stopped, its own flavor), not the declared flavor it does not have.
    const recorded = (err as PartialFailureError).properties;
    expect(recorded).toMatchObject({ flavor: CPU_2U, status: "STOPPED", __provider: news.__provider });
    // The next up diffs the record against the same program: the flavor change is still to do.
    expect(await provider.diff(state.id, recorded, news)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: true,
    });
    await emulator.admin.clearFaults();
  });

  async function update(run: Promise<unknown>): Promise<Error> {
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    return err as Error;
  }
});
