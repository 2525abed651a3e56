/**
 * Progress lines logged to the Pulumi engine against the resource being worked on, so `pulumi up` shows them on
 * that resource's row instead of the Stack's.
 *
 * The Node.js dynamic-provider host passes a provider only the properties (never the request's URN) and never
 * connects to the engine itself, though it is started with the engine's address as its last argument. So:
 * - the URN comes from the `__urn` internal input the SDK computes (project, stack, parent types, type, name);
 * - each operation runs with that URN in an AsyncLocalStorage, so concurrent operations keep their lines apart;
 * - one `Engine` gRPC client per host process, created on first use with the grpc-js and protobuf stubs of the
 *   @pulumi/pulumi that runs the host, sends `Log{urn, message, ephemeral}`.
 * Without a URN, outside the provider host, or once a `Log` call failed, lines go to stdout as before (the engine
 * shows host stdout as Stack diagnostics).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import * as path from "node:path";
import { URN_INPUT } from "../base/internalInputs.js";

/**
 * `status`: a line of a long wait, sent as an ephemeral message (the resource's row shows it while the operation
 * runs; it is not repeated in the final Diagnostics). `notice`: a line worth keeping among the resource's
 * diagnostics. `warning`: a notice the user should act on (shown as a warning, e.g. a notebook an interrupted run
 * may have left).
 */
export type LineKind = "status" | "notice" | "warning";

const LOG_DEADLINE_MS = 10_000;

const currentUrn = new AsyncLocalStorage<string>();

/** Runs one provider operation with the URN its properties carry, then waits until its lines were sent. */
export async function withResourceUrn<T>(props: object | undefined, run: () => Promise<T>): Promise<T> {
  const urn = (props as Record<string, unknown> | undefined)?.[URN_INPUT];
  if (typeof urn !== "string" || urn === "") return run();
  try {
    return await currentUrn.run(urn, run);
  } finally {
    await pending;
  }
}

export type SendLog = (urn: string, message: string, kind: LineKind) => Promise<void>;

/** undefined: not tried yet; null: no engine (not in the provider host, or a call failed). */
let engine: SendLog | null | undefined;
/** Lines are sent one after the other, so the engine sees them in order. */
let pending: Promise<void> = Promise.resolve();

/**
 * For a host that connects to the engine itself (the native provider: the engine passes its address to the plugin
 * and each request carries the URN): the `Log` sender progress lines go through.
 */
export function setEngineLogSender(send: SendLog): void {
  engine = send;
}

function writeStdout(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The progress sink: to the engine against the current operation's resource, else to stdout. */
export function engineLogSink(line: string, kind: LineKind = "status"): void {
  const urn = currentUrn.getStore();
  if (urn === undefined) return writeStdout(line);
  if (engine === undefined) engine = connectToEngine();
  if (engine === null) return writeStdout(line);
  pending = pending.then(async () => {
    if (!engine) return writeStdout(line);
    try {
      await engine(urn, line, kind);
    } catch {
      engine = null;
      writeStdout(line);
    }
  });
}

/**
 * A `Log` sender when this process is the dynamic-provider host (`.../@pulumi/pulumi/cmd/dynamic-provider`,
 * last argument `host:port`), else null. The stubs are loaded from that @pulumi/pulumi, whose grpc-js the
 * generated client requires (its credentials must come from the same copy).
 */
function connectToEngine(): SendLog | null {
  try {
    // Not require.main: a CommonJS module loaded through import() (as the SDK's shim loads this one) sees itself
    // there.
    let hostScript = process.argv[1] ?? "";
    if (!/[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(hostScript)) return null;
    if (!hostScript.endsWith(".js")) hostScript = path.join(hostScript, "index.js");
    const address = process.argv[process.argv.length - 1] ?? "";
    if (!/^\S+:\d+$/.test(address)) return null;
    const fromHost = createRequire(hostScript);
    /* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf stubs are untyped */
    const grpc: any = fromHost("@grpc/grpc-js");
    const enginePb: any = fromHost("../../proto/engine_pb.js");
    const engineGrpc: any = fromHost("../../proto/engine_grpc_pb.js");
    const client: any = new engineGrpc.EngineClient(address, grpc.credentials.createInsecure());
    /* eslint-enable @typescript-eslint/no-explicit-any */
    return (urn, message, kind) =>
      new Promise<void>((resolve, reject) => {
        const request = new enginePb.LogRequest();
        request.setSeverity(kind === "warning" ? enginePb.LogSeverity.WARNING : enginePb.LogSeverity.INFO);
        request.setUrn(urn);
        request.setMessage(message);
        request.setEphemeral(kind === "status");
        client.log(request, { deadline: Date.now() + LOG_DEADLINE_MS }, (err: Error | null) =>
          err ? reject(err) : resolve(),
        );
      });
  } catch {
    return null;
  }
}
