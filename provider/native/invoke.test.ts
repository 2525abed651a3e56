/**
 * The plugin's Invoke RPC, in-process as the engine calls it (a request message in, a response message or a gRPC
 * error out), for the notebooks lookup: it finds a Notebook the native provider made, with the owner mark the
 * resource's URN gave it, and a notebook made elsewhere without one; a refused argument is an error that says why.
 */
import { createNotebook, evsCreateRequest } from "../../emulator/notebooks/testkit.js";
import { useProviderOnEmulator } from "../../test/support/providerOnEmulator.js";
import { resourceProviderService } from "./grpcService.js";
import { protoStubs } from "./protoStubs.js";
import { check, create } from "./resourceHandlers.js";

const { emulator } = useProviderOnEmulator({ progress: "drop" });

const NOTEBOOK = "modelarts:index:Notebook";
const URN = "urn:pulumi:dev::proj::modelarts:index:Notebook::main";

/** Invoke as the engine sends it: the function's token and its arguments as a protobuf Struct. */
function invoke(tok: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { provider, struct } = protoStubs();
  const request = new provider.InvokeRequest();
  request.setTok(tok);
  request.setArgs(struct.Struct.fromJavaScript(args));
  const service = resourceProviderService() as Record<
    string,
    (call: unknown, cb: (e: unknown, r?: unknown) => void) => void
  >;
  return new Promise((resolve, reject) =>
    service.invoke!({ request }, (err, response) =>
      err
        ? reject(err)
        : resolve(
            (response as { getReturn(): { toJavaScript(): Record<string, unknown> } }).getReturn().toJavaScript(),
          ),
    ),
  );
}

test("modelarts:index:getNotebooks finds the stack's notebook with its owner mark, and one made elsewhere without", async () => {
  const { inputs } = await check(NOTEBOOK, URN, undefined, {
    flavor: "modelarts.vm.cpu.2u",
    imageId: "e1a07296-22a8-4f05-8bc8-e936c8e54090",
    volume: { category: "EVS" },
    tags: { team: "ml" },
  });
  const { id } = await create(NOTEBOOK, URN, inputs, false);
  const elsewhere = (await createNotebook(emulator, evsCreateRequest("made-elsewhere"))) as { id: string };

  const ours = await invoke("modelarts:index:getNotebooks", { name: inputs.name, tags: { team: "ml" } });
  expect(ours).toEqual({
    notebooks: [
      expect.objectContaining({
        id,
        name: inputs.name,
        tags: { team: "ml" },
        ownerMark: { tag: expect.stringMatching(/^[0-9a-f]{32} proj\/dev\/main$/), owner: "proj/dev/main" },
      }),
    ],
  });
  const theirs = (await invoke("modelarts:index:getNotebooks", { namePattern: "made-*" })) as {
    notebooks: Record<string, unknown>[];
  };
  expect(theirs.notebooks.map((n) => n.id)).toEqual([elsewhere.id]);
  expect(theirs.notebooks[0]).not.toHaveProperty("ownerMark");
});

test("a refused argument is a gRPC error that names it, sent before any request", async () => {
  await emulator.admin.resetRequestCounts();
  await expect(invoke("modelarts:index:getNotebooks", { status: "RUNING" })).rejects.toMatchObject({
    details: expect.stringMatching(/^look up notebooks: status must be one of INIT, .* \(got "RUNING"\)$/),
  });
  expect((await emulator.admin.requestCounts()).total).toBe(0);
  await expect(invoke("modelarts:index:getNotebook", {})).rejects.toMatchObject({
    details: expect.stringContaining("modelarts:index:getNotebooks"),
  });
});
