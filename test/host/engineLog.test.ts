/**
 * Progress lines from the real provider host (`@pulumi/pulumi/cmd/dynamic-provider`) to the engine: the host is
 * started with the address of a fake Engine gRPC service, as the CLI starts it with its own, and the provider
 * must send each line there through `Log`, against the URN in `__urn`. Without an engine that answers, or
 * without a URN, lines go to the host's stdout (which the CLI shows as Stack diagnostics). Needs `npm run build`.
 */
import { startEmulator, type Emulator } from "../../emulator/index.js";
import { emulatorEnv } from "../../devkit/emulatorEnv.js";
import { ROOT, serializedResource } from "../support/hostOnEmulator.js";
import { requireFromPulumi, startProviderHost, type ProviderHost } from "../support/providerHost.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf stubs are untyped here */
const grpc = requireFromPulumi("@grpc/grpc-js");
const engineGrpc = requireFromPulumi("@pulumi/pulumi/proto/engine_grpc_pb.js");
const enginePb = requireFromPulumi("@pulumi/pulumi/proto/engine_pb.js");
const emptyPb = requireFromPulumi("google-protobuf/google/protobuf/empty_pb.js");

const URN =
  "urn:pulumi:dev::modelarts-test::modelarts:index:TeamNotebooks$pulumi-nodejs:dynamic/modelarts:NotebookInstance::t-a";
const PROGRESS = /^(create|delete) notebook instance "host-log" /;

interface Logged {
  urn: string;
  message: string;
  ephemeral: boolean;
  severity: number;
}

let emulator: Emulator;
let engine: { address: string; logged: Logged[]; close(): void };
let provider: string;
const hosts: ProviderHost[] = [];

async function startFakeEngine(): Promise<typeof engine> {
  const logged: Logged[] = [];
  const server = new grpc.Server();
  server.addService(engineGrpc.EngineService, {
    log(call: any, callback: any) {
      const req = call.request;
      logged.push({
        urn: req.getUrn(),
        message: req.getMessage(),
        ephemeral: req.getEphemeral(),
        severity: req.getSeverity(),
      });
      callback(null, new emptyPb.Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, p: number) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return { address: `127.0.0.1:${port}`, logged, close: () => server.forceShutdown() };
}

beforeAll(async () => {
  provider = serializedResource("NotebookInstance").provider;
  // Slow enough that a poll sees CREATING even on a loaded machine (a create takes 400 ms).
  emulator = await startEmulator({ timeScale: 0.01 });
  engine = await startFakeEngine();
}, 60_000);

afterAll(async () => {
  for (const host of hosts) await host.close();
  engine?.close();
  await emulator?.close();
});

beforeEach(() => emulator.admin.reset());

async function host(engineAddress?: string): Promise<ProviderHost> {
  const started = await startProviderHost({ cwd: ROOT, env: emulatorEnv(emulator), engineAddress });
  hosts.push(started);
  await started.configure({});
  return started;
}

function props(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    name: "host-log",
    profileId: "Multi-Engine 1.0 (python3)-cpu",
    flavor: "modelarts.vm.cpu.2u",
    storage: { path: "/bucket/host-log/" },
    __provider: provider,
    ...extra,
  };
}

/** Creates then deletes one instance; returns the host's stdout progress lines. */
async function createAndDelete(h: ProviderHost, extra: Record<string, unknown>): Promise<string[]> {
  const { inputs } = await h.check({}, props(extra));
  const created = await h.create(inputs);
  await h.delete(created.id, created.properties);
  return h.stdout.filter((line) => PROGRESS.test(line));
}

test("with __urn, every line goes to the engine's Log against that URN, in order, as an ephemeral info", async () => {
  const h = await host(engine.address);
  const stdout = await createAndDelete(h, { __urn: URN });
  expect(stdout).toEqual([]);
  const lines = engine.logged.filter((l) => PROGRESS.test(l.message));
  const messages = lines.map((l) => l.message);
  expect(messages.filter((m) => m.startsWith("create"))).toEqual(
    expect.arrayContaining([expect.stringMatching(/: CREATING \(/), expect.stringMatching(/: RUNNING \(/)]),
  );
  expect(messages.findIndex((m) => /: RUNNING \(/.test(m))).toBeLessThan(
    messages.findIndex((m) => m.startsWith("delete")),
  );
  expect(messages.some((m) => m.startsWith("delete"))).toBe(true);
  for (const l of lines) {
    expect(l).toMatchObject({ urn: URN, ephemeral: true, severity: enginePb.LogSeverity.INFO });
  }
  expect(new Set(messages).size).toBe(messages.length);
});

test("without __urn (state written before it existed), lines go to stdout and never to the engine", async () => {
  const before = engine.logged.length;
  const h = await host(engine.address);
  const stdout = await createAndDelete(h, {});
  expect(stdout.some((line) => /: RUNNING \(/.test(line))).toBe(true);
  expect(engine.logged.length).toBe(before);
});

test("when the engine does not answer, lines go to stdout, each once", async () => {
  const h = await host(); // 127.0.0.1:1: nothing listens
  const stdout = await createAndDelete(h, { __urn: URN });
  expect(stdout.some((line) => /^create .*: RUNNING \(/.test(line))).toBe(true);
  expect(stdout.some((line) => line.startsWith("delete"))).toBe(true);
  expect(new Set(stdout).size).toBe(stdout.length);
});
