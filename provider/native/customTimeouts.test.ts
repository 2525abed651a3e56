/**
 * The engine's timeout of an operation (Pulumi's `customTimeouts` resource option: CreateRequest, UpdateRequest,
 * DeleteRequest and ReadRequest `timeout`, in seconds, 0 when unset), through the plugin's RPCs in-process as the
 * engine sends them: it bounds the operation instead of the `timeouts` input (a read: instead of its 24h default),
 * and never reaches inputs or state. The same through the real CLI, with the requests the engine builds:
 * test/e2e/nativeCustomTimeouts.test.ts (YAML host: create, update, delete) and test/e2e/nativeTypescript.test.ts
 * (a Node program's `customTimeouts.read`, at refresh).
 */
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { resourceProviderService } from "./grpcService.js";
import { protoStubs } from "./protoStubs.js";
import { check, create, diff, read } from "./resourceHandlers.js";

const { emulator } = useProviderOnEmulator({ progress: "drop" });

const INSTANCE = "modelarts:index:NotebookInstance";
const URN = "urn:pulumi:dev::proj::modelarts:index:NotebookInstance::held";
const program = {
  name: "held-nb",
  profileId: "Multi-Engine 1.0 (python3)-cpu",
  flavor: "modelarts.vm.cpu.2u",
  storage: { path: "/bucket/held/" },
  timeouts: { create: "30m", update: "30m", delete: "30m" },
};

/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf messages are untyped JavaScript */
interface RpcError {
  details: string;
  metadata?: { get(key: string): Buffer[] };
}

/** One RPC of the service: the request message in, its response or its gRPC error out. */
type Rpc = "create" | "update" | "delete" | "read";

function call(rpc: Rpc, request: any): Promise<any> {
  const service = resourceProviderService() as Record<string, (c: unknown, cb: (e: any, r?: any) => void) => void>;
  return new Promise((resolve, reject) =>
    service[rpc]!({ request }, (err, response) => (err ? reject(err as RpcError) : resolve(response))),
  );
}

function failure(rpc: Rpc, request: any): Promise<RpcError> {
  return call(rpc, request).then(
    () => Promise.reject(new Error(`${rpc} did not fail`)),
    (err: RpcError) => err,
  );
}

/** The id and properties a partial failure records (ErrorResourceInitFailed in the status trailer). */
function initFailure(err: RpcError): { id: string; properties: Record<string, unknown> } {
  const { status, provider } = protoStubs();
  const [bytes] = err.metadata!.get("grpc-status-details-bin");
  const [detail] = status.Status.deserializeBinary(bytes).getDetailsList();
  const failed = detail.unpack(provider.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
  return { id: failed.getId(), properties: failed.getProperties().toJavaScript() };
}

function request(
  kind: "CreateRequest" | "UpdateRequest" | "DeleteRequest" | "ReadRequest",
  fields: Record<string, unknown>,
): any {
  const { provider, struct } = protoStubs();
  const message = new provider[kind]();
  message.setUrn(URN);
  message.setType(INSTANCE);
  for (const [field, value] of Object.entries(fields)) {
    const setter = `set${field[0]!.toUpperCase()}${field.slice(1)}`;
    message[setter](value !== null && typeof value === "object" ? struct.Struct.fromJavaScript(value) : value);
  }
  return message;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const limitOf = (operation: string) =>
  new RegExp(`timed out after 2s \\(customTimeouts\\.${operation}, the limit for the whole ${operation}\\)`);

test("a 2s customTimeout bounds create, update and delete over 30m timeouts, and stays out of state", async () => {
  // The instance stays CREATING until the test lets it go: every operation below waits on it until its limit passes.
  await emulator.admin.setCreateDurations({ [program.name]: 1e9 });
  const { inputs, failures } = await check(INSTANCE, URN, {}, program);
  expect(failures).toEqual([]);
  // A first read authenticates and finds the project, so the 2s below are spent on the operations themselves.
  expect((await read(INSTANCE, URN, "DE-00000000-0000-4000-8000-000000000000", inputs, inputs)).id).toBe("");

  const created = await failure("create", request("CreateRequest", { properties: inputs, timeout: 2 }));
  expect(created.details).toMatch(limitOf("create"));
  expect(created.details).toMatch(/Raise the resource option customTimeouts\.create to allow longer/);
  const { id, properties } = initFailure(created);
  // State keeps the declared timeouts and nothing of the engine's, so the next preview finds no change.
  expect(properties).toMatchObject({ status: "CREATING", timeouts: program.timeouts });
  expect(JSON.stringify(properties)).not.toMatch(/customTimeouts|"timeout"/);
  expect((await diff(INSTANCE, URN, id, properties, inputs)).changes).toBe(false);

  // The next `up` updates the recorded instance: its wait resumes, bounded by the update's customTimeout.
  const updated = await failure("update", request("UpdateRequest", { id, olds: properties, news: inputs, timeout: 2 }));
  expect(updated.details).toMatch(limitOf("update"));
  // A delete stops a running instance first, so it waits for this one to start, bounded by the delete's.
  const deleted = await failure("delete", request("DeleteRequest", { id, properties, timeout: 2 }));
  expect(deleted.details).toMatch(limitOf("delete"));
  expect((await emulator.admin.getInstance(id)).status).toBe("CREATING");

  // No customTimeout (0, as the engine sends it unset): the `timeouts` input's limit applies, named as such.
  const delete2s = { ...properties, timeouts: { delete: "2s" } };
  const byInput = await failure("delete", request("DeleteRequest", { id, properties: delete2s, timeout: 0 }));
  expect(byInput.details).toMatch(/timed out after 2s \(timeouts\.delete, the limit for the whole delete\)/);
}, 60_000);

const INSTANCE_GET = "GET /v1/{project_id}/demanager/instances/{instance_id}";

test("a 2s customTimeouts.read bounds a refresh's and an import's read; 0 leaves the read its default limit", async () => {
  const { inputs } = await check(INSTANCE, URN, {}, program);
  const { id, properties } = await create(INSTANCE, URN, inputs, false);
  /** The service throttles the instance's next GET, asking to come back in 3s: a read then takes over 3s. */
  const throttleNextGet = () =>
    emulator.admin.injectFault({ route: INSTANCE_GET, kind: "status", status: 429, retryAfterSeconds: 3, count: 1 });
  const readLimit = /timed out after 2s \(customTimeouts\.read, the limit for the whole read\)/;

  // A refresh: the stored outputs and inputs, and the read timeout the engine recorded at the last `up`.
  const refresh = (timeout: number) => request("ReadRequest", { id, properties, inputs: properties, timeout });
  await throttleNextGet();
  const refreshed = await failure("read", refresh(2));
  expect(refreshed.details).toMatch(new RegExp(`^read notebook instance "held-nb" \\(${id}\\): ${readLimit.source}`));
  expect(refreshed.details).toMatch(/Raise the resource option customTimeouts\.read to allow longer/);

  // The `import` resource option's read: the id alone, no properties and no inputs (so no name before the answer).
  await throttleNextGet();
  const imported = await failure("read", request("ReadRequest", { id, timeout: 2 }));
  expect(imported.details).toMatch(new RegExp(`^import notebook instance ${id}: ${readLimit.source}`));

  // Unset (0): the same throttled read waits the 3s out and answers the instance.
  await throttleNextGet();
  const unbounded = await call("read", refresh(0));
  expect(unbounded.getId()).toBe(id);
  expect(unbounded.getProperties().toJavaScript()).toMatchObject({ name: program.name });
  expect(await emulator.admin.requestCount(INSTANCE_GET, 429)).toBe(3);
}, 60_000);
