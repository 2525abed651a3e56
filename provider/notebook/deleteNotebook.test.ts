/**
 * The notebook delete sequence, request by request: the DELETE goes first (no read), the API's own not-found answer
 * is gone, a ModelArts refusal reads the notebook and goes the long way, and an answer that cannot be trusted is an
 * error, never gone.
 */
import type { LooseProvider } from "../../test/support/looseProvider.js";
import { notebookProvider } from "./notebookProvider.js";
import { checkedBy } from "../../test/support/checkedInputs.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { notebooksRequest } from "../../test/support/requestLog.js";

const provider: LooseProvider = notebookProvider;
const ONE = "/v1/{project_id}/notebooks/{id}";

/** `requests`: `METHOD what STATUS` of every notebooks API request since the last reset (what: notebook, tags, stop, ...). */
const { emulator, requests, answered } = useProviderOnEmulator({
  timeScale: 0.002,
  progress: "drop",
  requestLog: notebooksRequest,
});
const checked = checkedBy(provider);
afterEach(() => emulator.admin.setSwitches({ deleteRunning: "allowed" }));

async function created(name: string): Promise<{ id: string; outs: Record<string, unknown> }> {
  const inputs = await checked(undefined, {
    name,
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    volume: { category: "EVS" },
    autoStop: { enabled: false },
  });
  const result = await provider.create(inputs);
  requests.length = 0;
  return { id: result.id, outs: result.outs ?? {} };
}

test("a running notebook: the DELETE goes first, then polls until the API says it does not exist", async () => {
  const { id, outs } = await created("del-running");
  await provider.delete(id, outs);
  expect(requests[0]).toBe("DELETE notebook 200");
  expect(requests.slice(1).every((r) => r.startsWith("GET notebook"))).toBe(true);
  expect(requests[requests.length - 1]).toBe("GET notebook 400");
  expect(await emulator.admin.listNotebooks()).toEqual([]);
});

test("a notebook deleted elsewhere: the DELETE's not-found answer is gone, one request", async () => {
  const { id, outs } = await created("del-gone");
  await emulator.admin.deleteNotebook(id);
  requests.length = 0;
  await provider.delete(id, outs);
  expect(requests).toEqual(["DELETE notebook 400"]);
});

test("a notebook already being deleted (6357): read, then wait until it is gone", async () => {
  const { id, outs } = await created("del-deleting");
  // Deleting elsewhere, with no end scheduled: a real DELETE here would end it 10 ms later (5 s at time scale
  // 0.002), before a cold provider sends its DELETE and its read. It goes once the provider has read it deleting.
  await emulator.admin.updateNotebook(id, { status: "DELETING" });
  requests.length = 0;
  const deleted = provider.delete(id, outs);
  await Promise.race([answered("GET notebook 200"), deleted]);
  await emulator.admin.deleteNotebook(id);
  await deleted;
  expect(requests.slice(0, 2)).toEqual(["DELETE notebook 400", "GET notebook 200"]);
  expect(requests[requests.length - 1]).toBe("GET notebook 400");
});

test("deleting a running notebook refused (6304): read, stop, DELETE again", async () => {
  await emulator.admin.setSwitches({ deleteRunning: "refused" });
  const { id, outs } = await created("del-refused");
  await provider.delete(id, outs);
  expect(requests.slice(0, 4)).toEqual([
    "DELETE notebook 400",
    "GET notebook 200",
    "DELETE notebook 400",
    "POST stop 200",
  ]);
  expect(requests.filter((r) => r === "DELETE notebook 200")).toHaveLength(1);
  expect(await emulator.admin.listNotebooks()).toEqual([]);
});

test.each([
  ["the gateway's 404", { kind: "gateway-404" as const }, /HTTP 404 APIG\.0101/],
  ["an HTML page", { kind: "body" as const, rawBody: "<html>maintenance</html>" }, /not JSON/],
  ["a 400 without a ModelArts code", { kind: "status" as const, status: 400, rawBody: "bad" }, /HTTP 400/],
])("a DELETE answered with %s is an error, never gone: the notebook stays", async (_label, fault, message) => {
  const { id, outs } = await created(`del-lie-${fault.kind}`);
  await emulator.admin.injectFault({ route: `DELETE ${ONE}`, count: 20, ...fault });
  await expect(provider.delete(id, outs)).rejects.toThrow(message);
  await emulator.admin.clearFaults();
  expect((await emulator.admin.listNotebooks()).map((n) => [n.id, n.status])).toEqual([[id, "RUNNING"]]);
});

test("a DELETE applied but answered with an HTML page: the notebook's own state shows it deleting, so it completes", async () => {
  const { id, outs } = await created("del-garbled-applied");
  await emulator.admin.injectFault({
    route: `DELETE ${ONE}`,
    kind: "body",
    status: 200,
    rawBody: "<html>proxy</html>",
    apply: true,
    count: 20,
  });
  await provider.delete(id, outs);
  await emulator.admin.clearFaults();
  // The executor retries the unreadable answer (a proxy glitch is plausible); once that gives up, a GET decides.
  const deletes = requests.filter((r) => r.startsWith("DELETE")).length;
  expect(requests.slice(0, deletes)).toEqual(Array(deletes).fill("DELETE notebook 200"));
  expect(requests[deletes]).toMatch(/^GET notebook /);
  expect(await emulator.admin.listNotebooks()).toEqual([]);
});
