/**
 * The `pulumi-resource-modelarts` plugin process (bin/pulumi-resource-modelarts calls `main`): serves Pulumi's
 * ResourceProvider gRPC service on 127.0.0.1 and prints its port as the first line of stdout, which is how the
 * engine finds it. The engine passes its own address as the last argument; progress lines go there, against the
 * resource's URN, as the dynamic provider's do.
 */
import { setEngineLogSender } from "../frame/engineLogSink.js";
import { resourceProviderService } from "./grpcService.js";
import { protoStubs } from "./protoStubs.js";

const LOG_DEADLINE_MS = 10_000;
/** Pulumi's own servers take messages of up to 400 MB; a schema or a state can be large. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

function engineAddress(argv: readonly string[]): string | undefined {
  const last = argv[argv.length - 1];
  return last !== undefined && /^[^\s-][^\s]*:\d+$/.test(last) ? last : undefined;
}

function connectEngineLog(address: string): void {
  const { grpc, engine, engineGrpc } = protoStubs();
  const client = new engineGrpc.EngineClient(address, grpc.credentials.createInsecure());
  setEngineLogSender(
    (urn, message, kind) =>
      new Promise<void>((resolve, reject) => {
        const request = new engine.LogRequest();
        request.setSeverity(kind === "warning" ? engine.LogSeverity.WARNING : engine.LogSeverity.INFO);
        request.setUrn(urn);
        request.setMessage(message);
        request.setEphemeral(kind === "status");
        client.log(request, { deadline: Date.now() + LOG_DEADLINE_MS }, (err: Error | null) =>
          err ? reject(err) : resolve(),
        );
      }),
  );
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { grpc, providerGrpc } = protoStubs();
  const address = engineAddress(argv);
  if (address) connectEngineLog(address);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  server.addService(providerGrpc.ResourceProviderService, resourceProviderService());
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, bound: number) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  process.stdout.write(`${port}\n`);
}
