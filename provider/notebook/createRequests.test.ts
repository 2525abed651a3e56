/**
 * What a notebook create costs in requests: many creates at once share one listing for their owner look-up, what
 * that listing shows of an owner is confirmed with a fresh GET, and a create with nothing left to change after its
 * wait does not read the notebook once more.
 */
import { startEmulator } from "../../emulator/index.js";
import { emulatorCredentialsEnv } from "../../devkit/emulatorEnv.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { NotebooksClient } from "../api/NotebooksClient.js";
import { setProviderOverrides } from "../frame/providerContext.js";
import { notebookProvider } from "./notebookProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { pointProviderAt, QUICK_RETRIES, useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { notebooksRequest } from "../../test/support/requestLog.js";

const provider: LooseProvider = notebookProvider;

/** `requests`: `METHOD what STATUS` of every notebooks API request of the test (what: list, create, notebook, tags, ...). */
const { emulator, requests } = useProviderOnEmulator({
  timeScale: 0.002,
  progress: "drop",
  requestLog: notebooksRequest,
});
const checkedInputs = checkedBy(provider);

/** The checked inputs of a notebook of its own resource (owner key), named after `name`. */
function checked(name: string, extra: Record<string, unknown> = {}) {
  return checkedInputs(undefined, {
    namePrefix: name,
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    volume: { category: "EVS" },
    autoStop: { enabled: false },
    __ownerKey: `proj/dev/${name}`,
    ...extra,
  });
}

test("ten creates at once share one listing", async () => {
  const inputs = await Promise.all(Array.from({ length: 10 }, (_, i) => checked(`many-${i}`)));
  await Promise.all(inputs.map((i) => provider.create(i)));
  expect(requests.filter((r) => r.startsWith("GET list"))).toEqual(["GET list 200"]);
  expect(requests.filter((r) => r === "POST create 200")).toHaveLength(10);
});

test("a create with no tags and no power state to enforce ends with the GET that saw it RUNNING", async () => {
  const reads = jest.spyOn(NotebooksClient.prototype, "findNotebook");
  try {
    const plain = await provider.create(await checked("plain"));
    expect(plain.outs).toMatchObject({ status: "RUNNING" });
    expect(requests.slice(0, 3)).toEqual(["GET list 200", "POST create 200", "POST tags 204"]);
    // Every GET was a poll of the wait: none after the one that saw RUNNING.
    expect(reads.mock.calls.filter(([, options]) => !options?.poll)).toEqual([]);
    reads.mockClear();
    // With a tag to add after the wait, the notebook is read once more, after it.
    await provider.create(await checked("tagged", { tags: { team: "a" } }));
    expect(reads.mock.calls.filter(([, options]) => !options?.poll)).toHaveLength(1);
    expect(requests.slice(-2)).toEqual(["POST tags 204", "GET notebook 200"]);
  } finally {
    reads.mockRestore();
  }
});

test("a leftover the shared listing shows but that was deleted since is not resumed", async () => {
  // An interrupted run's notebook of this resource (tagged), listed by a first create's look-up ...
  const first = await provider.create(await checked("left"));
  await provider.create(await checked("other"));
  // ... then deleted: the next create of the same resource, within the listing's lifetime, must not resume it.
  await emulator.admin.deleteNotebook(first.id);
  const again = await provider.create(await checked("left"));
  expect(again.id).not.toBe(first.id);
  expect((await emulator.admin.listNotebooks()).map((n) => n.id)).toContain(again.id);
});

test("a create whose tag waited (throttled) plans its polls from the POST's answer, not from the tag's", async () => {
  // Create 3 s (four steps of 0.75 s) at time scale 0.1; the tag is refused once (429, Retry-After 1 s), so the
  // wait starts a second after the POST. From step 1, polls are spaced 1.3 x the 2.25 s of steps 2-4 = 2.9 s:
  // counted from the POST's answer, the first comes 1.9 s after the tag; counted from the tag, 2.9 s after it.
  const slow = await startEmulator({
    timeScale: 0.1,
    log: (line) => {
      const request = notebooksRequest(line);
      if (request !== undefined) times.push({ what: request, at: Date.now() });
    },
  });
  const times: { what: string; at: number }[] = [];
  // The provider's own schedule, scaled as the emulator's lifecycle is.
  const env = { ...emulatorCredentialsEnv(slow), MODELARTS_POLL_TIME_SCALE: "0.1" };
  setProviderOverrides({ env, clientOptions: QUICK_RETRIES });
  try {
    await slow.admin.injectFault({
      route: "POST /v1/{project_id}/notebooks/{resource_id}/tags/create",
      kind: "status",
      status: 429,
      retryAfterSeconds: 1,
    });
    await provider.create(await checked("late-tag"));
    const tagged = times.find((t) => t.what === "POST tags 204")!.at;
    const firstPoll = times.find((t) => t.what === "GET notebook 200")!.at;
    expect(firstPoll - tagged).toBeLessThan(2_400);
  } finally {
    pointProviderAt(emulator);
    await slow.close();
  }
});
