/**
 * A service that ignores `offset` (the emulator's `ignore-offset` fault: every listing answers its first page)
 * against both clients' listings and the image listing the preview's lookup uses (issue 19 point 2). Before, the
 * notebooks client followed full pages for ever (37,856 pages in 30 s in the issue) and the demanager client took
 * the repeated page for new instances; now each listing ends at its second page with an error naming it.
 */
import { DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, startEmulator, type Emulator } from "../../emulator/index.js";
import { cpuCreateRequest, createInstance } from "../../emulator/demanager/testkit.js";
import { createNotebook, evsCreateRequest } from "../../emulator/notebooks/testkit.js";
import { createAkSkAuthenticator } from "./authenticator.js";
import { DemanagerClient } from "./DemanagerClient.js";
import { ListingError } from "../base/errors.js";
import { NotebooksClient } from "./NotebooksClient.js";
import { RequestExecutor } from "./RequestExecutor.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.001 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.admin.reset());

function executor(): RequestExecutor {
  return new RequestExecutor({
    baseUrl: emulator.url,
    auth: createAkSkAuthenticator({ accessKey: DEFAULT_ACCESS_KEY, secretKey: DEFAULT_SECRET_KEY }),
    sleep: async () => {},
    retry: { maxAttempts: 3 },
  });
}

/** The listing's outcome within 10 s: before the bound, a listing never settled. */
async function settled<T>(listing: Promise<T>): Promise<{ outcome: T | unknown; ms: number }> {
  const started = Date.now();
  const timeout = new Promise((resolve) => setTimeout(() => resolve("still listing after 10 s"), 10_000).unref());
  const outcome = await Promise.race([listing.catch((e: unknown) => e), timeout]);
  return { outcome, ms: Date.now() - started };
}

test("notebooks: a full first page answered again ends the listing at the second page, within a second", async () => {
  for (let i = 0; i < 51; i++) await createNotebook(emulator, evsCreateRequest(`nb-${i}`));
  const client = new NotebooksClient({ executor: executor(), projectId: emulator.projectId });
  expect(await client.listNotebooks()).toHaveLength(51);

  await emulator.admin.resetRequestCounts();
  await emulator.admin.injectFault({ route: "GET /v1/{project_id}/notebooks", kind: "ignore-offset", count: 1000 });
  const { outcome, ms } = await settled(client.listNotebooks());
  expect(outcome).toBeInstanceOf(ListingError);
  expect((outcome as Error).message).toBe(
    `listing notebooks (GET /v1/${emulator.projectId}/notebooks) got at offset 50 only entries it had already ` +
      "listed: the service seems to ignore offset; it stopped after 2 pages and 50 entries",
  );
  expect(await emulator.admin.requestCount("GET /v1/{project_id}/notebooks")).toBe(2);
  expect(ms).toBeLessThan(1000);
}, 30_000);

test("images (the lookup at preview): the same bound", async () => {
  const client = new NotebooksClient({ executor: executor(), projectId: emulator.projectId, pageSizes: { images: 2 } });
  expect((await client.listImages({ type: "BUILD_IN" })).length).toBeGreaterThan(2);
  await emulator.admin.injectFault({ route: "GET /v1/{project_id}/images", kind: "ignore-offset", count: 1000 });
  const { outcome } = await settled(client.listImages({ type: "BUILD_IN" }));
  expect(outcome).toBeInstanceOf(ListingError);
  expect((outcome as Error).message).toMatch(/^listing images \(GET \/v1\/[0-9a-f]+\/images\) got at offset 2 only/);
});

test("notebook instances: the repeated page is not taken for more instances", async () => {
  for (const name of ["a", "b", "c"]) await createInstance(emulator, cpuCreateRequest(name));
  const client = new DemanagerClient({ executor: executor(), projectId: emulator.projectId, pageSize: 2 });
  expect((await client.listInstances()).map((i) => i.name).sort()).toEqual(["a", "b", "c"]);
  await emulator.admin.injectFault({
    route: "GET /v1/{project_id}/demanager/instances",
    kind: "ignore-offset",
    count: 1000,
  });
  const { outcome } = await settled(client.listInstances());
  expect(outcome).toBeInstanceOf(ListingError);
  expect((outcome as Error).message).toContain(
    "got at offset 2 only entries it had already listed: the service seems to ignore offset; it stopped after 2 pages and 2 entries",
  );
});
