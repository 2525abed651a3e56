import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as path from "node:path";

/**
 * Drives the real Pulumi dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) over gRPC, the way the
 * engine does: spawned with the program directory as cwd, fed the serialized `__provider` of a real resource.
 * The grpc-js and protobuf modules are the copies @pulumi/pulumi itself resolves.
 */
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
export const requireFromPulumi = (id: string) => require(require.resolve(id, { paths: [pulumiDir] }));

/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf stubs are untyped here */
const grpc = requireFromPulumi("@grpc/grpc-js");
const providerGrpc = requireFromPulumi("@pulumi/pulumi/proto/provider_grpc_pb.js");
const providerPb = requireFromPulumi("@pulumi/pulumi/proto/provider_pb.js");
const statusPb = requireFromPulumi("@pulumi/pulumi/proto/status_pb.js");
const structPb = requireFromPulumi("google-protobuf/google/protobuf/struct_pb.js");

export interface InitFailure {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

export class HostError extends Error {
  constructor(
    message: string,
    readonly initFailure?: InitFailure,
  ) {
    super(message);
  }
}

export interface ProviderHost {
  stdout: string[];
  stderr: string[];
  configure(config: Record<string, string>): Promise<void>;
  check(
    olds: object,
    news: object,
  ): Promise<{ inputs: Record<string, any>; failures: { property: string; reason: string }[] }>;
  diff(
    id: string,
    olds: object,
    news: object,
  ): Promise<{ changes: number; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(props: object): Promise<{ id: string; properties: Record<string, any> }>;
  read(
    id: string,
    props: object,
  ): Promise<{ id: string; properties: Record<string, any>; inputs: Record<string, any> | undefined }>;
  update(id: string, olds: object, news: object): Promise<{ properties: Record<string, any> }>;
  delete(id: string, props: object): Promise<void>;
  close(): Promise<void>;
}

export const DIFF_NONE = providerPb.DiffResponse.DiffChanges.DIFF_NONE as number;
export const DIFF_SOME = providerPb.DiffResponse.DiffChanges.DIFF_SOME as number;

/** `engineAddress`: the engine the host is told about (its last argument); default: nothing listens there. */
export async function startProviderHost(options: {
  cwd: string;
  env: Record<string, string>;
  engineAddress?: string;
}): Promise<ProviderHost> {
  const script = path.join(pulumiDir, "cmd", "dynamic-provider");
  const engineAddress = options.engineAddress ?? "127.0.0.1:1";
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script, engineAddress], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (/^\d+$/.test(line.trim()) && stdout.length === 0 && !child.killed) resolve(Number(line.trim()));
        stdout.push(line);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(...chunk.toString().split("\n").filter(Boolean)));
    child.once("exit", (code) => reject(new Error(`provider host exited with ${code}: ${stderr.join("\n")}`)));
  });
  const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const toStruct = (value: object) => structPb.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));
  const call = <T>(method: string, request: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      client[method](request, (err: any, response: T) => (err ? reject(toHostError(err)) : resolve(response)));
    });
  /** `request` (a diff's or an update's) about resource `id` going from `olds` to `news`. */
  const change = (request: any, id: string, olds: object, news: object) => {
    request.setId(id);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    return request;
  };

  return {
    stdout,
    stderr,
    async configure(config) {
      const req = new providerPb.ConfigureRequest();
      req.setArgs(structPb.Struct.fromJavaScript(config));
      await call("configure", req);
    },
    async check(olds, news) {
      const req = new providerPb.CheckRequest();
      req.setUrn("urn:pulumi:dev::modelarts-test::pulumi-nodejs:dynamic/modelarts:NotebookInstance::dev");
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      const res: any = await call("check", req);
      return {
        inputs: res.getInputs()?.toJavaScript() ?? {},
        failures: res.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(id, olds, news) {
      const res: any = await call("diff", change(new providerPb.DiffRequest(), id, olds, news));
      return {
        changes: res.getChanges(),
        replaces: res.getReplacesList(),
        deleteBeforeReplace: res.getDeletebeforereplace(),
      };
    },
    async create(props) {
      const req = new providerPb.CreateRequest();
      req.setProperties(toStruct(props));
      const res: any = await call("create", req);
      return { id: res.getId(), properties: res.getProperties().toJavaScript() };
    },
    async read(id, props) {
      const req = new providerPb.ReadRequest();
      req.setId(id);
      req.setProperties(toStruct(props));
      const res: any = await call("read", req);
      return {
        id: res.getId(),
        properties: res.getProperties()?.toJavaScript() ?? {},
        inputs: res.getInputs()?.toJavaScript(),
      };
    },
    async update(id, olds, news) {
      const res: any = await call("update", change(new providerPb.UpdateRequest(), id, olds, news));
      return { properties: res.getProperties().toJavaScript() };
    },
    async delete(id, props) {
      const req = new providerPb.DeleteRequest();
      req.setId(id);
      req.setProperties(toStruct(props));
      await call("delete", req);
    },
    async close() {
      client.close();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Unpacks ErrorResourceInitFailed from the gRPC status details, as the engine does for partial failures. */
function toHostError(err: any): HostError {
  const details = err.metadata?.get?.("grpc-status-details-bin")?.[0];
  if (details) {
    const status = statusPb.Status.deserializeBinary(new Uint8Array(details));
    for (const any of status.getDetailsList()) {
      if (any.getTypeName() === "pulumirpc.ErrorResourceInitFailed") {
        const failed = providerPb.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
        return new HostError(err.details ?? err.message, {
          id: failed.getId(),
          properties: failed.getProperties()?.toJavaScript() ?? {},
          reasons: failed.getReasonsList(),
        });
      }
    }
  }
  return new HostError(err.details ?? err.message);
}
