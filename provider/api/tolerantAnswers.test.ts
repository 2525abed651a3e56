/**
 * Issue 15 point 1's proof, through every read path of both clients. Each path starts from the documented sample of
 * its answer (Huawei's API reference, testdata/huaweiSamples, each with its page) and reads variants generated
 * from the answer's schema.json shape (test/support/answerVariants.ts): every optional field null, absent, of
 * another type or form, each one alone, random mixes, and unknown fields at every level. Every variant is read; what
 * the provider acts on comes through unchanged; what it sees is well typed (no null, no other type); and the
 * resources' outputs and refreshed inputs built from it carry no null inside and never the string "null". A field
 * the provider acts on of another type is refused, naming it. A transport in place of the network answers each
 * request with the variant under test.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { INSTANCE_INPUTS, NOTEBOOK_INPUTS } from "../../test/support/inputFixtures.js";
import type { AnswerShape } from "../../protocol/validation/answerShapes.js";
import type { Instance } from "../../protocol/demanager/wireTypes.js";
import type { Notebook, NotebookStorage } from "../../protocol/notebooks/wireTypes.js";
import {
  acceptableMutations,
  actedOnLocations,
  actedOnValues,
  arbitraryVariant,
  everyField,
  illTyped,
  mutableLocations,
  mutate,
  withUnknownFields,
} from "../../test/support/answerVariants.js";
import { nullsInside } from "../../test/support/outputNulls.js";
import * as v1 from "../notebookInstance/mapping.js";
import type { NotebookInstanceInputs } from "../notebookInstance/types.js";
import * as v2 from "../notebook/mapping.js";
import type { NotebookInputs } from "../notebook/types.js";
import * as mounts from "../storageMount/mapping.js";
import { DemanagerClient } from "./DemanagerClient.js";
import { InvalidResponseError } from "../base/errors.js";
import type { HttpSend } from "./httpTransport.js";
import { NotebooksClient } from "./NotebooksClient.js";
import { RequestExecutor } from "./RequestExecutor.js";

type Json = Record<string, unknown>;
interface Sample {
  operation: string;
  page: string;
  body: Json;
}

const SAMPLES = path.join(__dirname, "testdata/huaweiSamples");
const sample = (file: string): Sample => JSON.parse(readFileSync(path.join(SAMPLES, `${file}.json`), "utf8")) as Sample;

let answer: unknown;
const send: HttpSend = async () => ({ status: 200, headers: {}, body: JSON.stringify(answer) });
const executor = new RequestExecutor({ baseUrl: "https://modelarts.example.com", send, retry: { maxAttempts: 1 } });
const demanager = new DemanagerClient({ executor, projectId: "0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7" });
const notebooks = new NotebooksClient({ executor, projectId: "0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7" });
const noRecovery = async () => ({ kind: "resend" as const });

interface ReadPath {
  /** The client method, as the report names it. */
  name: string;
  sample: string;
  shape: AnswerShape;
  /** Calls the method; what it returns, rebuilt as the answer it came from (a listing's entries in their envelope). */
  read: (body: Json) => Promise<unknown>;
  /** What the provider builds from what it read: outputs and refreshed inputs, for the null check. */
  outputs?: (read: unknown) => Record<string, unknown>[];
}

const V1_INPUTS: NotebookInstanceInputs = { ...INSTANCE_INPUTS, desiredStatus: "RUNNING" };
const V2_INPUTS: NotebookInputs = {
  ...NOTEBOOK_INPUTS,
  volume: { ...NOTEBOOK_INPUTS.volume, capacityGb: 5 },
  ssh: { keyPairName: "kp" },
  poolId: "pool",
  tags: { team: "ml" },
  desiredStatus: "RUNNING",
};

/** A mapping's result as a property bag (what the checks below walk). */
const json = (value: object): Json => ({ ...value });
const instanceOutputs = (instance: unknown) =>
  [v1.toOutputs(instance as Instance, V1_INPUTS), v1.observedInputs(instance as Instance, V1_INPUTS)].map(json);
const notebookOutputs = (notebook: unknown) =>
  [v2.toOutputs(notebook as Notebook, V2_INPUTS), v2.observedInputs(notebook as Notebook, V2_INPUTS)].map(json);
const storageOutputs = (storage: unknown) =>
  [
    mounts.toOutputs(storage as NotebookStorage, {
      notebookId: "f9937afa-4451-42db-a76b-72d624749f66",
      category: "OBS",
      uri: "obs://b/d/",
      mountPath: "/data/d/",
    }),
    mounts.observedInputs(storage as NotebookStorage, {
      notebookId: "f9937afa-4451-42db-a76b-72d624749f66",
    }),
  ].map(json);
const each =
  (outputs: (item: unknown) => Json[], key: string) =>
  (read: unknown): Json[] =>
    ((read as Json)[key] as unknown[]).flatMap(outputs);

const id = (body: Json, key = "id") => body[key] as string;
const both = (flavors: unknown[]) => ({ data: flavors, flavors });

const READ_PATHS: ReadPath[] = [
  {
    name: "DemanagerClient.createInstance",
    sample: "demanager-create",
    shape: "Instance",
    read: () => demanager.createInstance({} as never, noRecovery),
    outputs: instanceOutputs,
  },
  {
    name: "DemanagerClient.getInstance",
    sample: "demanager-get",
    shape: "Instance",
    read: (body) => demanager.getInstance(id(body)),
    outputs: instanceOutputs,
  },
  {
    name: "DemanagerClient.findInstance",
    sample: "demanager-get",
    shape: "Instance",
    read: (body) => demanager.findInstance(id(body)),
    outputs: instanceOutputs,
  },
  {
    name: "DemanagerClient.listInstances",
    sample: "demanager-list",
    shape: "ListResponse",
    read: async () => ({ instances: await demanager.listInstances() }),
    outputs: each(instanceOutputs, "instances"),
  },
  {
    name: "DemanagerClient.updateInstance",
    sample: "demanager-update",
    shape: "Instance",
    read: (body) => demanager.updateInstance(id(body), {}),
    outputs: instanceOutputs,
  },
  {
    name: "DemanagerClient.deleteInstance",
    sample: "demanager-delete",
    shape: "DeleteResponse",
    read: async (body) => ({
      instance_id: (await demanager.deleteInstance(id(body, "instance_id"))) && id(body, "instance_id"),
    }),
  },
  {
    name: "DemanagerClient.startInstance",
    sample: "demanager-action",
    shape: "ActionResponse",
    read: () => demanager.startInstance("6fa459ea-ee8a-3ca4-894e-db77e160355e"),
  },
  {
    name: "DemanagerClient.stopInstance",
    sample: "demanager-action",
    shape: "ActionResponse",
    read: () => demanager.stopInstance("6fa459ea-ee8a-3ca4-894e-db77e160355e"),
  },
  {
    name: "NotebooksClient.createNotebook",
    sample: "notebooks-create",
    shape: "NotebookObject",
    read: () => notebooks.createNotebook({} as never, noRecovery),
    outputs: notebookOutputs,
  },
  {
    name: "NotebooksClient.getNotebook",
    sample: "notebooks-show",
    shape: "NotebookObject",
    read: (body) => notebooks.getNotebook(id(body)),
    outputs: notebookOutputs,
  },
  {
    name: "NotebooksClient.findNotebook",
    sample: "notebooks-show",
    shape: "NotebookObject",
    read: (body) => notebooks.findNotebook(id(body)),
    outputs: notebookOutputs,
  },
  {
    name: "NotebooksClient.listNotebooks",
    sample: "notebooks-list",
    shape: "NotebookListResponse",
    read: async () => ({ data: await notebooks.listNotebooks() }),
    outputs: each(notebookOutputs, "data"),
  },
  {
    name: "NotebooksClient.updateNotebook",
    sample: "notebooks-update",
    shape: "NotebookUpdateResponse",
    read: async () => {
      await notebooks.updateNotebook("f9937afa-4451-42db-a76b-72d624749f66", {});
      return undefined;
    },
  },
  {
    name: "NotebooksClient.deleteNotebook",
    sample: "notebooks-delete",
    shape: "NotebookObject",
    read: async (body) => ((await notebooks.deleteNotebook(id(body))) === "deleting" ? undefined : "gone"),
  },
  {
    name: "NotebooksClient.startNotebook",
    sample: "notebooks-start",
    shape: "NotebookObject",
    read: (body) => notebooks.startNotebook(id(body), { durationMs: 3_600_000 }),
    outputs: notebookOutputs,
  },
  {
    name: "NotebooksClient.stopNotebook",
    sample: "notebooks-stop",
    shape: "NotebookObject",
    read: (body) => notebooks.stopNotebook(id(body)),
    outputs: notebookOutputs,
  },
  {
    name: "NotebooksClient.renewLease",
    sample: "notebooks-renew-lease",
    shape: "NotebookLease",
    read: () => notebooks.renewLease("f9937afa-4451-42db-a76b-72d624749f66", { durationMs: 3_600_000 }),
  },
  {
    name: "NotebooksClient.listFlavors",
    sample: "notebooks-flavors",
    shape: "NotebookFlavorsResponse",
    // The entries come in data, flavors or both [notebooks §10.1]; the client returns one list.
    read: async () => both(await notebooks.listFlavors()),
  },
  {
    name: "NotebooksClient.listSwitchableFlavors",
    sample: "notebooks-switchable-flavors",
    shape: "NotebookFlavorsResponse",
    // The whole answer: which of data and flavors to trust is the flavor switch check's judgement.
    read: () => notebooks.listSwitchableFlavors("f9937afa-4451-42db-a76b-72d624749f66"),
  },
  {
    name: "NotebooksClient.listImages",
    sample: "notebooks-images",
    shape: "NotebookImagesResponse",
    read: async () => ({ data: await notebooks.listImages() }),
  },
  {
    name: "NotebooksClient.attachStorage",
    sample: "notebooks-attach-storage",
    shape: "NotebookStorage",
    read: () => notebooks.attachStorage("f9937afa-4451-42db-a76b-72d624749f66", {} as never),
    outputs: storageOutputs,
  },
  {
    name: "NotebooksClient.listStorages",
    sample: "notebooks-list-storage",
    shape: "NotebookStorageListResponse",
    read: async () => ({ data: await notebooks.listStorages("f9937afa-4451-42db-a76b-72d624749f66") }),
    outputs: each(storageOutputs, "data"),
  },
  {
    name: "NotebooksClient.findStorage",
    sample: "notebooks-show-storage",
    shape: "NotebookStorage",
    read: (body) => notebooks.findStorage("f9937afa-4451-42db-a76b-72d624749f66", id(body)),
    outputs: storageOutputs,
  },
  {
    name: "NotebooksClient.detachStorage",
    sample: "notebooks-detach-storage",
    shape: "NotebookStorage",
    read: async () => {
      await notebooks.detachStorage("f9937afa-4451-42db-a76b-72d624749f66", "91dd2d3f-2d92-475f-a375-04636af26cc9");
      return undefined;
    },
  },
];

/** Reads one variant through the path and checks everything the tolerant reader promises. */
async function readsWell(readPath: ReadPath, base: Json, variant: unknown): Promise<void> {
  answer = variant;
  const read = await readPath.read(base);
  if (read === undefined || typeof read === "string") return;
  expect(illTyped(readPath.shape, read)).toEqual([]);
  const kept = actedOnValues(readPath.shape, variant);
  const seen = actedOnValues(readPath.shape, read);
  for (const [where, value] of Object.entries(kept)) expect({ where, value: seen[where] }).toEqual({ where, value });
  for (const built of readPath.outputs?.(read) ?? []) expect(nullsInside(built)).toEqual([]);
}

test("every read path of both clients has a documented sample, and every sample has a page", () => {
  const files = readdirSync(SAMPLES).map((f) => f.replace(/\.json$/, ""));
  expect(new Set(READ_PATHS.map((p) => p.sample))).toEqual(new Set(files));
  for (const file of files)
    expect(sample(file).page).toMatch(/^https:\/\/(support\.huaweicloud\.com|docs\.otc\.t-systems\.com)\//);
});

describe.each(READ_PATHS.map((p) => [p.name, p] as const))("%s", (_name, readPath) => {
  const base = sample(readPath.sample).body;

  test("reads the documented sample", async () => {
    await readsWell(readPath, base, base);
  });

  test.each(["null", "absent", "otherType", "otherForm"] as const)(
    "reads it with every optional field %s, and with unknown fields at every level",
    async (mutation) => {
      await readsWell(readPath, base, everyField(readPath.shape, base, mutation));
      await readsWell(readPath, base, withUnknownFields(everyField(readPath.shape, base, mutation)));
    },
  );

  test("reads it with each optional field alone null, absent, of another type or form", async () => {
    const fields = mutableLocations(readPath.shape, base);
    for (const location of fields) {
      for (const mutation of acceptableMutations(location)) {
        await readsWell(readPath, base, mutate(base, location, mutation)).catch((err: unknown) => {
          throw new Error(`${location.path.join(".")} ${mutation}: ${(err as Error).message}`, { cause: err });
        });
      }
    }
  });

  test("reads random mixes of those (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryVariant(readPath.shape, base), (variant) => readsWell(readPath, base, variant)),
      { numRuns: 40 },
    );
  });

  test("refuses a field it acts on of another type, naming it", async () => {
    for (const location of actedOnLocations(readPath.shape, base)) {
      answer = mutate(base, location, "otherType");
      const err = await readPath.read(base).catch((e: unknown) => e);
      const where = location.path
        .map((step, i) =>
          typeof step === "number"
            ? `[${step}]`
            : /^[A-Za-z_$][\w$]*$/.test(step)
              ? i === 0
                ? step
                : `.${step}`
              : `[${JSON.stringify(step)}]`,
        )
        .join("");
      expect({ where, err }).toEqual({ where, err: expect.any(InvalidResponseError) });
      expect((err as Error).message).toContain(`${where} must be`);
    }
  });
});
