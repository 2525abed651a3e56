/**
 * Pulumi's provider protocol as generated stubs: the ones @pulumi/pulumi ships in `proto/`, with the grpc-js and
 * google-protobuf that those stubs require (resolved from @pulumi/pulumi's own directory, so a message built here is
 * an instance of the class the stubs check). Only these files are loaded, not @pulumi/pulumi itself (over a second
 * and 120 MB at every start).
 */
import { createRequire } from "node:module";

/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf stubs are untyped JavaScript */
export interface ProtoStubs {
  grpc: any;
  provider: any;
  providerGrpc: any;
  plugin: any;
  engine: any;
  engineGrpc: any;
  status: any;
  struct: any;
  empty: any;
  any: any;
}

let loaded: ProtoStubs | undefined;

export function protoStubs(): ProtoStubs {
  if (loaded) return loaded;
  const fromHere = createRequire(__filename);
  const fromPulumi = createRequire(fromHere.resolve("@pulumi/pulumi/proto/provider_pb.js"));
  loaded = {
    grpc: fromPulumi("@grpc/grpc-js"),
    provider: fromPulumi("./provider_pb.js"),
    providerGrpc: fromPulumi("./provider_grpc_pb.js"),
    plugin: fromPulumi("./plugin_pb.js"),
    engine: fromPulumi("./engine_pb.js"),
    engineGrpc: fromPulumi("./engine_grpc_pb.js"),
    status: fromPulumi("./status_pb.js"),
    struct: fromPulumi("google-protobuf/google/protobuf/struct_pb.js"),
    empty: fromPulumi("google-protobuf/google/protobuf/empty_pb.js"),
    any: fromPulumi("google-protobuf/google/protobuf/any_pb.js"),
  };
  return loaded;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
