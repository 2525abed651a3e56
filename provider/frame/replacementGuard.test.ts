/**
 * A replacement that would delete data is refused in diff (so `pulumi preview` fails and `pulumi up` changes
 * nothing) unless the user opted in: the providers' own diff, fed the stored outputs and checked inputs as the
 * engine feeds them. Nothing here reaches the network: the refusal comes before any API call.
 */
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { OperationError } from "../base/errors.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { checkInputs } from "./resourceVerbs.js";
import { notebookProvider } from "../notebook/notebookProvider.js";
import { notebookInstanceProvider } from "../notebookInstance/notebookInstanceProvider.js";

const checkNotebook = (olds: object | undefined, news: object) => checkInputs(notebookProvider.definition, olds, news);

const checkNotebookInstance = (olds: object | undefined, news: object) =>
  checkInputs(notebookInstanceProvider.definition, olds, news);

type Props = Record<string, unknown>;
const notebooks: LooseProvider = notebookProvider;
const instances: LooseProvider = notebookInstanceProvider;

const ID = "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d";
const SFS_TURBO = "3f6b8d0e-1a2c-4e5f-9b7d-2c4e6a8b0d13";
const declared: Props = {
  namePrefix: "dev",
  flavor: "modelarts.vm.cpu.2u",
  imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
  volume: { category: "EVS", capacityGb: 20 },
  autoStop: { enabled: true, durationSeconds: 7200 },
  __ownerKey: "proj/dev/nb",
};

/** What the state holds after a create: the checked inputs as applied, plus what the service reported. */
function storedNotebook(inputs: Props = declared, reported: Props = {}): Props {
  const checked = checkNotebook(undefined, inputs);
  expect(checked.failures).toEqual([]);
  return { ...checked.inputs, notebookId: ID, status: "RUNNING", url: "https://x", ...reported };
}

/** `pulumi preview` after a change: check with the old inputs, then diff against the stored outputs. */
async function previewNotebook(stored: Props, news: Props) {
  const checked = checkNotebook(stored, news);
  expect(checked.failures).toEqual([]);
  return notebooks.diff(ID, stored, checked.inputs);
}

async function refusal(run: Promise<unknown>): Promise<string> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OperationError);
  return (err as Error).message;
}

describe("Notebook", () => {
  test("a volume category change that would delete the EVS volume is refused, naming the input and the loss", async () => {
    const stored = storedNotebook();
    const message = await refusal(previewNotebook(stored, { ...declared, volume: { category: "EFS" } }));
    expect(message).toBe(
      `replace notebook "${String(stored.name)}" (${ID}): volume.category ("EVS" → "EFS") can only change on a new ` +
        "notebook, and the replacement would delete this notebook with its EVS volume (20 GB) and every file saved " +
        "on it. Nothing was changed. To replace it anyway, set allowDataLossOnReplace: true on the resource (copy " +
        "what you need first); otherwise keep volume.category as it was",
    );
  });

  test.each<[string, Props, string]>([
    ["the pool", { poolId: "pool-dev1" }, 'poolId (unset → "pool-dev1")'],
    ["the workspace", { workspaceId: "a".repeat(32) }, `workspaceId ("0" → "${"a".repeat(32)}")`],
    ["the mount path", { volume: { category: "EVS", capacityGb: 20, mountPath: "/data/" } }, "volume.mountPath"],
    [
      "the category and the pool at once",
      { volume: { category: "OBS", uri: "obs://bucket-1/d/" }, poolId: "pool-dev1" },
      'volume.category ("EVS" → "OBS"), volume.uri (unset → "obs://bucket-1/d/") and poolId (unset → "pool-dev1") can only change',
    ],
  ])("a change of %s is refused the same way", async (_name, change, named) => {
    const message = await refusal(previewNotebook(storedNotebook(), { ...declared, ...change }));
    expect(message).toContain(named);
    expect(message).toContain("would delete this notebook with its EVS volume (20 GB)");
  });

  test("a managed EFS volume is the notebook's own too; a change of its ownership is refused", async () => {
    const efs = { ...declared, volume: { category: "EFS" } };
    const dedicated = {
      ...declared,
      volume: { category: "EFS", ownership: "DEDICATED", uri: "192.168.0.1:/s/", id: SFS_TURBO },
    };
    const message = await refusal(previewNotebook(storedNotebook(efs), dedicated));
    expect(message).toContain('volume.ownership ("MANAGED" → "DEDICATED")');
    expect(message).toContain("with its managed EFS volume and every file saved on it");
  });

  test("with allowDataLossOnReplace the replacement is planned as before, deleting first", async () => {
    const news = { ...declared, volume: { category: "EFS" }, allowDataLossOnReplace: true };
    expect(await previewNotebook(storedNotebook(), news)).toEqual({
      changes: true,
      replaces: ["volume.category"],
      deleteBeforeReplace: true,
    });
  });

  test("the opt-in set in an earlier up but removed since no longer counts", async () => {
    const stored = storedNotebook({ ...declared, allowDataLossOnReplace: true });
    await refusal(previewNotebook(stored, { ...declared, volume: { category: "EFS" } }));
  });

  test.each<[string, Props, Props, Props]>([
    [
      "a notebook whose create failed holds nothing",
      declared,
      { status: "CREATE_FAILED" },
      { volume: { category: "EFS" } },
    ],
    [
      "an OBS volume lives in the user's bucket",
      { ...declared, volume: { category: "OBS", uri: "obs://bucket-1/d/", dewSecretName: "keys" } },
      {},
      { volume: { category: "EVS" } },
    ],
    [
      "a DEDICATED EFS volume is the user's SFS Turbo",
      { ...declared, volume: { category: "EFS", ownership: "DEDICATED", uri: "192.168.0.1:/s/", id: SFS_TURBO } },
      {},
      { volume: { category: "EVS" } },
    ],
  ])("not refused: %s", async (_name, inputs, reported, change) => {
    const diff = await previewNotebook(storedNotebook(inputs, reported), { ...inputs, ...change });
    expect(diff).toMatchObject({ changes: true, deleteBeforeReplace: true });
    expect(diff.replaces?.length).toBeGreaterThan(0);
  });

  test("changes in place are never refused", async () => {
    // Not the flavor: its change is judged against the notebook's switchable list (flavorSwitch.test.ts).
    const diff = await previewNotebook(storedNotebook(declared, { status: "STOPPED" }), {
      ...declared,
      imageId: "278e88d1-5b71-4766-8502-b3ba72e824d9",
      volume: { category: "EVS", capacityGb: 40 },
      description: "grown",
    });
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
  });

  test("at preview, a value not known yet decides nothing; pulumi up decides it when known", async () => {
    const stored = storedNotebook();
    const unknownVolume = await notebooks.diff(ID, stored, { ...stored, volume: UNKNOWN });
    expect(unknownVolume.replaces).toEqual(["volume"]);
    const unknownCategory = await notebooks.diff(ID, stored, {
      ...stored,
      volume: { ...(stored.volume as Props), category: UNKNOWN },
    });
    expect(unknownCategory.replaces).toEqual(["volume.category"]);
    const unknownOptIn = {
      ...stored,
      volume: { category: "EFS", ownership: "MANAGED" },
      allowDataLossOnReplace: UNKNOWN,
    };
    expect((await notebooks.diff(ID, stored, unknownOptIn)).replaces).toEqual(["volume.category"]);
    // The known part of a change still forces the replacement, and is refused.
    const message = await refusal(notebooks.diff(ID, stored, { ...stored, volume: UNKNOWN, poolId: "pool-dev1" }));
    expect(message).toContain('poolId (unset → "pool-dev1") can only change on a new notebook');
  });
});

describe("NotebookInstance", () => {
  const instance: Props = {
    namePrefix: "dev",
    profileId: "Multi-Engine 2.0 (python3)",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/dev/" },
  };
  const withDisk = { ...instance, extendStorage: [{ type: "evs", path: "scratch" }] };
  const DE = "DE-a970f5d4-7b26-11eb-91ca-0255ac10003b";
  const stored = (inputs: Props, reported: Props = {}): Props => ({
    ...checkNotebookInstance(undefined, inputs).inputs,
    instanceId: DE,
    status: "RUNNING",
    ...reported,
  });
  const preview = (olds: Props, news: Props) => instances.diff(DE, olds, checkNotebookInstance(olds, news).inputs);

  test("its OBS storage survives a replacement: a flavor change is planned as before", async () => {
    expect((await preview(stored(instance), { ...instance, flavor: "modelarts.vm.cpu.8u" })).replaces).toEqual([
      "flavor",
    ]);
  });

  test("an EVS extend storage would be deleted: refused, unless opted in", async () => {
    const olds = stored(withDisk);
    const message = await refusal(preview(olds, { ...withDisk, flavor: "modelarts.vm.cpu.8u" }));
    expect(message).toBe(
      `replace notebook instance "${String(olds.name)}" (${DE}): flavor ("modelarts.vm.cpu.2u" → ` +
        '"modelarts.vm.cpu.8u") can only change on a new notebook instance, and the replacement would delete this ' +
        'notebook instance with its EVS extend storage (path "scratch") and every file saved on it. Nothing was ' +
        "changed. To replace it anyway, set allowDataLossOnReplace: true on the resource (copy what you need first); " +
        "otherwise keep flavor as it was",
    );
    const optedIn = { ...withDisk, flavor: "modelarts.vm.cpu.8u", allowDataLossOnReplace: true };
    expect((await preview(olds, optedIn)).replaces).toEqual(["flavor"]);
    expect((await preview(stored(withDisk, { status: "CREATE_FAILED" }), { ...withDisk, flavor: "x" })).changes).toBe(
      true,
    );
  });
});
