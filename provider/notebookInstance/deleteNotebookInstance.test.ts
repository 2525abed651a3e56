/**
 * The delete sequence, request by request: it stops straight away (no read first), takes the stop's own answers
 * for what they say (6307 already stopped, 6308 stopping, 6309 gone), goes the long way for any other refusal, and
 * never takes an answer it cannot trust for "gone".
 */
import { callApi, startEmulator } from "../../emulator/index.js";
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { notebookInstanceProvider } from "./notebookInstanceProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { pointProviderAt, useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { demanagerRequest } from "../../test/support/requestLog.js";

const provider: LooseProvider = notebookInstanceProvider;
const ONE = "/v1/{project_id}/demanager/instances/{instance_id}";

/** `requests`: `METHOD what STATUS` of every API request since the last reset: what is action, instance or list. */
const { emulator, requests } = useProviderOnEmulator({
  timeScale: 0.002,
  progress: "drop",
  requestLog: demanagerRequest,
});
const checked = checkedBy(provider);

async function created(name: string): Promise<{ id: string; outs: Record<string, unknown> }> {
  const inputs = await checked(undefined, {
    name,
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: `/bucket/${name}/` },
  });
  const result = await provider.create(inputs);
  requests.length = 0;
  return { id: result.id, outs: result.outs ?? {} };
}

test("a running instance is stopped straight away: no GET before the stop", async () => {
  const { id, outs } = await created("del-running");
  await provider.delete(id, outs);
  // stop, polls until STOPPED, DELETE, polls until the API's own not-found (6309).
  const deleteAt = requests.indexOf("DELETE instance 200");
  expect(requests.filter((r) => r.startsWith("POST") || r.startsWith("DELETE"))).toEqual([
    "POST action 200",
    "DELETE instance 200",
  ]);
  expect(requests.slice(1, deleteAt).every((r) => r === "GET instance 200")).toBe(true);
  expect(deleteAt).toBeGreaterThan(1);
  expect(requests[0]).toBe("POST action 200");
  expect(requests[requests.length - 1]).toBe("GET instance 400");
  expect(await emulator.admin.listInstances()).toEqual([]);
});

test("a stopped instance: the stop's 6307 means stopped, so the DELETE follows at once", async () => {
  const { id, outs } = await created("del-stopped");
  await emulator.admin.updateInstance(id, { status: "STOPPED" });
  requests.length = 0;
  await provider.delete(id, outs);
  expect(requests.slice(0, 2)).toEqual(["POST action 400", "DELETE instance 200"]);
  expect(await emulator.admin.listInstances()).toEqual([]);
});

test("an instance already stopping: 6308 means wait for STOPPED, then DELETE", async () => {
  const slow = await startEmulator({ timeScale: 0.05 });
  pointProviderAt(slow);
  try {
    const { id, outs } = await created("del-stopping");
    await slow.admin.resetRequestCounts();
    // Stopped out of band a moment ago (STOPPING for 5 s x 0.05 = 250 ms).
    await callApi(slow, {
      method: "POST",
      path: `/v1/${slow.projectId}/demanager/instances/${id}/action`,
      body: { action: "stop" },
    });
    await provider.delete(id, outs);
    const counts = await slow.admin.requestCounts();
    expect(counts.byRouteAndStatus[`POST ${ONE}/action 200`]).toBe(1); // the out-of-band stop
    expect(counts.byRouteAndStatus[`POST ${ONE}/action 400`]).toBe(1); // ours: 6308, already stopping
    expect(counts.byRouteAndStatus[`DELETE ${ONE} 200`]).toBe(1);
    expect(counts.byRouteAndStatus[`DELETE ${ONE} 400`]).toBeUndefined(); // never sent while STOPPING
    expect(await slow.admin.listInstances()).toEqual([]);
  } finally {
    pointProviderAt(emulator);
    await slow.close();
  }
});

test("an instance deleted elsewhere: the stop's 6309 (the API's own not-found) is gone, one request", async () => {
  const { id, outs } = await created("del-gone");
  await emulator.admin.deleteInstance(id);
  requests.length = 0;
  await provider.delete(id, outs);
  expect(requests).toEqual(["POST action 400"]);
});

test("a stop refused for the instance's state (CREATE_FAILED: 6327) reads it and deletes it", async () => {
  const { id, outs } = await created("del-failed");
  await emulator.admin.updateInstance(id, { status: "CREATE_FAILED" });
  requests.length = 0;
  await provider.delete(id, outs);
  expect(requests.slice(0, 3)).toEqual(["POST action 400", "GET instance 200", "DELETE instance 200"]);
  expect(await emulator.admin.listInstances()).toEqual([]);
});

test.each([
  ["the gateway's 404", { kind: "gateway-404" as const }, /HTTP 404 APIG\.0101/],
  ["an HTML page", { kind: "body" as const, rawBody: "<html>maintenance</html>" }, /not JSON/],
  ["a 400 without a ModelArts code", { kind: "status" as const, status: 400, rawBody: "bad" }, /HTTP 400/],
])("a stop answered with %s is an error, never gone: the instance stays", async (_label, fault, message) => {
  const { id, outs } = await created(`del-lie-${fault.kind}`);
  await emulator.admin.injectFault({ route: `POST ${ONE}/action`, count: 20, ...fault });
  await expect(provider.delete(id, outs)).rejects.toThrow(message);
  await emulator.admin.clearFaults();
  expect((await emulator.admin.listInstances()).map((i) => [i.id, i.status])).toEqual([[id, "RUNNING"]]);
  expect(requests.filter((r) => r.startsWith("DELETE"))).toEqual([]);
});
